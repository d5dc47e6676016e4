// SPDX-License-Identifier: GPL-2.0-only
/*
 * evdev's ioctls (drivers/input/evdev.c's evdev_do_ioctl()): the device's version, id, strings, bits and
 * state (which drops the queued events of that type), absinfo, autorepeat rates, keymaps, grab, revoke and the client's clock.
 */
#include <linux/bitmap.h>
#include <linux/fs.h>
#include <linux/input.h>
#include <linux/poll.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <uapi/linux/time.h>
#include "evdev.h"

static int bits_to_user(const unsigned long *bits, unsigned int maxbit, unsigned int maxlen, void __user *p)
{
	int len = BITS_TO_LONGS(maxbit) * sizeof(long);

	if (len > maxlen)
		len = maxlen;
	return copy_to_user(p, bits, len) ? -EFAULT : len;
}

/*
 * Takes the events of @type out of the client's queue, and the SYN_REPORTs of packets left empty, so that
 * a reader that just asked for the state does not see the changes that led to it again.
 */
static void evdev_flush_queue(struct evdev_client *client, unsigned int type)
{
	unsigned int mask = client->bufsize - 1, to = client->tail, i;
	bool empty = false;	/* the packet being copied has nothing but what was dropped (yet) */

	client->packet_head = client->tail;
	for (i = client->tail; i != client->head; i = (i + 1) & mask) {
		struct input_event *ev = &client->buffer[i];
		bool report = ev->type == EV_SYN && ev->code == SYN_REPORT;

		if (ev->type == type || (report && empty))
			continue;
		client->buffer[to] = *ev;
		to = (to + 1) & mask;
		empty = false;
		if (report) {
			client->packet_head = to;
			empty = true;
		}
	}
	client->head = to;
}

/* EVIOCGKEY and friends: a snapshot of the state bits, with the queued events of that type dropped. */
static int evdev_handle_get_val(struct evdev_client *client, struct input_dev *dev, unsigned int type,
				const unsigned long *bits, unsigned int maxbit, unsigned int maxlen, void __user *p)
{
	unsigned long *mem = bitmap_alloc(maxbit, GFP_KERNEL);
	int ret;

	if (!mem)
		return -ENOMEM;
	spin_lock_irq(&dev->event_lock);
	spin_lock(&client->buffer_lock);
	bitmap_copy(mem, bits, maxbit);
	spin_unlock(&dev->event_lock);
	evdev_flush_queue(client, type);
	spin_unlock_irq(&client->buffer_lock);
	ret = bits_to_user(mem, maxbit, maxlen, p);
	/* The events are gone and the state did not arrive: the reader must resynchronise. */
	if (ret < 0)
		evdev_queue_syn_dropped(client);
	bitmap_free(mem);
	return ret;
}

/* A string with its NUL, cut to @maxlen (then without it), as Linux's str_to_user(). */
static int str_to_user(const char *str, unsigned int maxlen, void __user *p)
{
	int len;

	if (!str)
		return -ENOENT;
	if (maxlen == 0)
		return 0;
	len = strlen(str) + 1;
	if (len > maxlen)
		len = maxlen;
	return copy_to_user(p, str, len) ? -EFAULT : len;
}

static int handle_eviocgbit(struct input_dev *dev, unsigned int type, unsigned int size, void __user *p)
{
	const unsigned long *bits;
	int len;

	switch (type) {
	case 0: bits = dev->evbit; len = EV_MAX; break;
	case EV_KEY: bits = dev->keybit; len = KEY_MAX; break;
	case EV_REL: bits = dev->relbit; len = REL_MAX; break;
	case EV_ABS: bits = dev->absbit; len = ABS_MAX; break;
	case EV_MSC: bits = dev->mscbit; len = MSC_MAX; break;
	case EV_LED: bits = dev->ledbit; len = LED_MAX; break;
	case EV_SND: bits = dev->sndbit; len = SND_MAX; break;
	case EV_FF: bits = dev->ffbit; len = FF_MAX; break;
	case EV_SW: bits = dev->swbit; len = SW_MAX; break;
	default: return -EINVAL;
	}
	return bits_to_user(bits, len, size, p);
}

static int evdev_handle_get_keycode(struct input_dev *dev, void __user *p)
{
	struct input_keymap_entry ke = { .len = sizeof(unsigned int), .flags = 0 };
	int __user *ip = (int __user *)p;
	int error;

	if (copy_from_user(ke.scancode, p, sizeof(unsigned int)))
		return -EFAULT;
	error = input_get_keycode(dev, &ke);
	if (error)
		return error;
	return put_user(ke.keycode, ip + 1) ? -EFAULT : 0;
}

static int evdev_handle_set_keycode(struct input_dev *dev, void __user *p)
{
	struct input_keymap_entry ke = { .len = sizeof(unsigned int), .flags = 0 };
	int __user *ip = (int __user *)p;

	if (copy_from_user(ke.scancode, p, sizeof(unsigned int)))
		return -EFAULT;
	if (get_user(ke.keycode, ip + 1))
		return -EFAULT;
	return input_set_keycode(dev, &ke);
}

static int evdev_handle_get_keycode_v2(struct input_dev *dev, void __user *p)
{
	struct input_keymap_entry ke;
	int error;

	if (copy_from_user(&ke, p, sizeof(ke)))
		return -EFAULT;
	error = input_get_keycode(dev, &ke);
	if (error)
		return error;
	return copy_to_user(p, &ke, sizeof(ke)) ? -EFAULT : 0;
}

static int evdev_handle_set_keycode_v2(struct input_dev *dev, void __user *p)
{
	struct input_keymap_entry ke;

	if (copy_from_user(&ke, p, sizeof(ke)))
		return -EFAULT;
	if (ke.len > sizeof(ke.scancode))
		return -EINVAL;
	return input_set_keycode(dev, &ke);
}

static int evdev_set_clk_type(struct evdev_client *client, unsigned int clkid)
{
	enum input_clock_type clk_type;
	unsigned long flags;

	switch (clkid) {
	case CLOCK_REALTIME: clk_type = INPUT_CLK_REAL; break;
	case CLOCK_MONOTONIC: clk_type = INPUT_CLK_MONO; break;
	case CLOCK_BOOTTIME: clk_type = INPUT_CLK_BOOT; break;
	default: return -EINVAL;
	}
	if (client->clk_type != clk_type) {
		client->clk_type = clk_type;
		/* Queued events carry the old clock's times: they go, and the reader learns it. */
		spin_lock_irqsave(&client->buffer_lock, flags);
		if (client->head != client->tail) {
			client->packet_head = client->head = client->tail;
			evdev_queue_syn_dropped(client);
		}
		spin_unlock_irqrestore(&client->buffer_lock, flags);
	}
	return 0;
}

static int evdev_revoke(struct evdev *evdev, struct evdev_client *client, struct file *file)
{
	client->revoked = true;
	evdev_ungrab(evdev, client);
	input_flush_device(&evdev->handle, file);
	wake_up_interruptible_poll(&client->wait, EPOLLHUP | EPOLLERR);
	return 0;
}

#define EVIOC_MASK_SIZE(nr) ((nr) & ~(_IOC_SIZEMASK << _IOC_SIZESHIFT))

static long evdev_do_ioctl(struct file *file, unsigned int cmd, void __user *p)
{
	struct evdev_client *client = file->private_data;
	struct evdev *evdev = client->evdev;
	struct input_dev *dev = evdev->handle.dev;
	struct input_absinfo abs;
	int __user *ip = (int __user *)p;
	unsigned int i, t, u, v;
	unsigned int size;
	int error;

	switch (cmd) {
	case EVIOCGVERSION:
		return put_user(EV_VERSION, ip);
	case EVIOCGID:
		return copy_to_user(p, &dev->id, sizeof(struct input_id)) ? -EFAULT : 0;
	case EVIOCGREP:
		if (!test_bit(EV_REP, dev->evbit))
			return -ENOSYS;
		if (put_user(dev->rep[REP_DELAY], ip) || put_user(dev->rep[REP_PERIOD], ip + 1))
			return -EFAULT;
		return 0;
	case EVIOCSREP:
		if (!test_bit(EV_REP, dev->evbit))
			return -ENOSYS;
		if (get_user(u, ip) || get_user(v, ip + 1))
			return -EFAULT;
		input_inject_event(&evdev->handle, EV_REP, REP_DELAY, u);
		input_inject_event(&evdev->handle, EV_REP, REP_PERIOD, v);
		return 0;
	case EVIOCRMFF:
		return -ENOSYS;	/* no force feedback */
	case EVIOCGEFFECTS:
		return put_user(0, ip);
	case EVIOCGRAB:
		return p ? evdev_grab(evdev, client) : evdev_ungrab(evdev, client);
	case EVIOCREVOKE:
		return p ? -EINVAL : evdev_revoke(evdev, client, file);
	case EVIOCSCLOCKID:
		if (copy_from_user(&i, p, sizeof(unsigned int)))
			return -EFAULT;
		return evdev_set_clk_type(client, i);
	case EVIOCGKEYCODE:
		return evdev_handle_get_keycode(dev, p);
	case EVIOCSKEYCODE:
		return evdev_handle_set_keycode(dev, p);
	case EVIOCGKEYCODE_V2:
		return evdev_handle_get_keycode_v2(dev, p);
	case EVIOCSKEYCODE_V2:
		return evdev_handle_set_keycode_v2(dev, p);
	}

	size = _IOC_SIZE(cmd);
	switch (EVIOC_MASK_SIZE(cmd)) {
	case EVIOCGPROP(0):
		return bits_to_user(dev->propbit, INPUT_PROP_MAX, size, p);
	case EVIOCGMTSLOTS(0):
		return -EINVAL;	/* no multi-touch slots */
	case EVIOCGKEY(0):
		return evdev_handle_get_val(client, dev, EV_KEY, dev->key, KEY_MAX, size, p);
	case EVIOCGLED(0):
		return evdev_handle_get_val(client, dev, EV_LED, dev->led, LED_MAX, size, p);
	case EVIOCGSND(0):
		return evdev_handle_get_val(client, dev, EV_SND, dev->snd, SND_MAX, size, p);
	case EVIOCGSW(0):
		return evdev_handle_get_val(client, dev, EV_SW, dev->sw, SW_MAX, size, p);
	case EVIOCGNAME(0):
		return str_to_user(dev->name, size, p);
	case EVIOCGPHYS(0):
		return str_to_user(dev->phys, size, p);
	case EVIOCGUNIQ(0):
		return str_to_user(dev->uniq, size, p);
	}

	if (_IOC_TYPE(cmd) != 'E')
		return -EINVAL;
	if (_IOC_DIR(cmd) == _IOC_READ) {
		if ((_IOC_NR(cmd) & ~EV_MAX) == _IOC_NR(EVIOCGBIT(0, 0)))
			return handle_eviocgbit(dev, _IOC_NR(cmd) & EV_MAX, size, p);
		if ((_IOC_NR(cmd) & ~ABS_MAX) == _IOC_NR(EVIOCGABS(0))) {
			if (!dev->absinfo)
				return -EINVAL;
			t = _IOC_NR(cmd) & ABS_MAX;
			abs = dev->absinfo[t];
			if (copy_to_user(p, &abs, min_t(size_t, size, sizeof(struct input_absinfo))))
				return -EFAULT;
			return 0;
		}
	}
	if (_IOC_DIR(cmd) == _IOC_WRITE) {
		if ((_IOC_NR(cmd) & ~ABS_MAX) == _IOC_NR(EVIOCSABS(0))) {
			if (!dev->absinfo)
				return -EINVAL;
			t = _IOC_NR(cmd) & ABS_MAX;
			if (copy_from_user(&abs, p, min_t(size_t, size, sizeof(struct input_absinfo))))
				return -EFAULT;
			if (size < sizeof(struct input_absinfo))
				abs.resolution = 0;
			if (t == ABS_MT_SLOT)
				return -EINVAL;
			spin_lock_irq(&dev->event_lock);
			dev->absinfo[t] = abs;
			spin_unlock_irq(&dev->event_lock);
			return 0;
		}
	}
	error = -EINVAL;
	return error;
}

long evdev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct evdev_client *client = file->private_data;
	struct evdev *evdev = client->evdev;
	int retval;

	retval = mutex_lock_interruptible(&evdev->mutex);
	if (retval)
		return retval;
	if (!evdev->exist || client->revoked)
		retval = -ENODEV;
	else
		retval = evdev_do_ioctl(file, cmd, (void __user *)arg);
	mutex_unlock(&evdev->mutex);
	return retval;
}
