// SPDX-License-Identifier: GPL-2.0-only
/*
 * evdev (drivers/input/evdev.c): /dev/input/eventN, one per input device, major 13 and minors from
 * 64. Every open file is a client with its own ring of struct input_event, so each reader gets every
 * event; a read returns whole events of complete packets (up to SYN_REPORT), O_NONBLOCK gives EAGAIN
 * when none is there and a blocking read sleeps on the client's queue (restarted when woken:
 * docs/driver-api.md, "Sleeping"). A ring that overflows keeps the newest event after SYN_DROPPED.
 */
#define pr_fmt(fmt) KBUILD_BASENAME ": " fmt

#include <linux/cdev.h>
#include <linux/fs.h>
#include <linux/input.h>
#include <linux/log2.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include "evdev.h"
#include "input-core.h"
#include "host.h"

/* ---- the client rings ---------------------------------------------------------------------------- */

void evdev_queue_syn_dropped(struct evdev_client *client)
{
	ktime_t *ev_time = input_get_timestamp(client->evdev->handle.dev);
	s64 ns = ev_time[client->clk_type];
	struct input_event ev;

	ev.input_event_sec = ns / NSEC_PER_SEC;
	ev.input_event_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;
	ev.type = EV_SYN;
	ev.code = SYN_DROPPED;
	ev.value = 0;

	client->buffer[client->head++] = ev;
	client->head &= client->bufsize - 1;
	if (unlikely(client->head == client->tail)) {
		/* The ring was full: the drop marker replaces the oldest event. */
		client->tail = (client->head - 1) & (client->bufsize - 1);
		client->packet_head = client->tail;
	}
}

static void __pass_event(struct evdev_client *client, const struct input_event *event)
{
	client->buffer[client->head++] = *event;
	client->head &= client->bufsize - 1;

	if (unlikely(client->head == client->tail)) {
		/* Overflow: drop everything but the newest event, after a SYN_DROPPED with its time. */
		client->tail = (client->head - 2) & (client->bufsize - 1);
		client->buffer[client->tail] = (struct input_event) {
			.input_event_sec = event->input_event_sec,
			.input_event_usec = event->input_event_usec,
			.type = EV_SYN,
			.code = SYN_DROPPED,
			.value = 0,
		};
		client->packet_head = client->tail;
	}
	if (event->type == EV_SYN && event->code == SYN_REPORT)
		client->packet_head = client->head;
}

static void evdev_pass_values(struct evdev_client *client, const struct input_value *vals,
			      unsigned int count, ktime_t *ev_time)
{
	const struct input_value *v;
	struct input_event event;
	bool wakeup = false;
	s64 ns;

	if (client->revoked)
		return;
	ns = ev_time[client->clk_type];
	event.input_event_sec = ns / NSEC_PER_SEC;
	event.input_event_usec = (ns % NSEC_PER_SEC) / NSEC_PER_USEC;

	spin_lock(&client->buffer_lock);
	for (v = vals; v != vals + count; v++) {
		if (v->type == EV_SYN && v->code == SYN_REPORT) {
			/* No empty packets. */
			if (client->packet_head == client->head)
				continue;
			wakeup = true;
		}
		event.type = v->type;
		event.code = v->code;
		event.value = v->value;
		__pass_event(client, &event);
	}
	spin_unlock(&client->buffer_lock);
	if (wakeup)
		wake_up_interruptible_poll(&client->wait, EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM);
}

static unsigned int evdev_events(struct input_handle *handle, struct input_value *vals, unsigned int count)
{
	struct evdev *evdev = handle->private;
	struct evdev_client *client;
	ktime_t *ev_time = input_get_timestamp(handle->dev);

	if (evdev->grab) {
		evdev_pass_values(evdev->grab, vals, count, ev_time);
	} else {
		list_for_each_entry(client, &evdev->client_list, node)
			evdev_pass_values(client, vals, count, ev_time);
	}
	return count;
}

static bool evdev_fetch_next_event(struct evdev_client *client, struct input_event *event)
{
	bool have_event;

	spin_lock_irq(&client->buffer_lock);
	have_event = client->packet_head != client->tail;
	if (have_event) {
		*event = client->buffer[client->tail++];
		client->tail &= client->bufsize - 1;
	}
	spin_unlock_irq(&client->buffer_lock);
	return have_event;
}

/* ---- open and release ---------------------------------------------------------------------------- */

static unsigned int evdev_compute_buffer_size(struct input_dev *dev)
{
	unsigned int n_events = max(dev->hint_events_per_packet * EVDEV_BUF_PACKETS, EVDEV_MIN_BUFFER_SIZE);

	return roundup_pow_of_two(n_events);
}

static int evdev_open_device(struct evdev *evdev)
{
	int retval;

	retval = mutex_lock_interruptible(&evdev->mutex);
	if (retval)
		return retval;
	if (!evdev->exist) {
		retval = -ENODEV;
	} else if (!evdev->open++) {
		retval = input_open_device(&evdev->handle);
		if (retval)
			evdev->open--;
	}
	mutex_unlock(&evdev->mutex);
	return retval;
}

static void evdev_close_device(struct evdev *evdev)
{
	mutex_lock(&evdev->mutex);
	if (evdev->exist && !--evdev->open)
		input_close_device(&evdev->handle);
	mutex_unlock(&evdev->mutex);
}

static int evdev_open(struct inode *inode, struct file *file)
{
	struct evdev *evdev = container_of(inode->i_cdev, struct evdev, cdev);
	unsigned int bufsize = evdev_compute_buffer_size(evdev->handle.dev);
	struct evdev_client *client;
	int error;

	client = kvzalloc(struct_size(client, buffer, bufsize), GFP_KERNEL);
	if (!client)
		return -ENOMEM;
	init_waitqueue_head(&client->wait);
	client->bufsize = bufsize;
	spin_lock_init(&client->buffer_lock);
	client->evdev = evdev;

	spin_lock(&evdev->client_lock);
	list_add_tail(&client->node, &evdev->client_list);
	spin_unlock(&evdev->client_lock);

	error = evdev_open_device(evdev);
	if (error) {
		spin_lock(&evdev->client_lock);
		list_del(&client->node);
		spin_unlock(&evdev->client_lock);
		kvfree(client);
		return error;
	}
	/* Linux's cdev holds the evdev while the file is open; here the file holds it itself. */
	get_device(&evdev->dev);
	file->private_data = client;
	stream_open(inode, file);
	return 0;
}

int evdev_grab(struct evdev *evdev, struct evdev_client *client)
{
	int error;

	if (evdev->grab)
		return -EBUSY;
	error = input_grab_device(&evdev->handle);
	if (error)
		return error;
	evdev->grab = client;
	return 0;
}

int evdev_ungrab(struct evdev *evdev, struct evdev_client *client)
{
	if (evdev->grab != client)
		return -EINVAL;
	evdev->grab = NULL;
	input_release_device(&evdev->handle);
	return 0;
}

static int evdev_release(struct inode *inode, struct file *file)
{
	struct evdev_client *client = file->private_data;
	struct evdev *evdev = client->evdev;

	mutex_lock(&evdev->mutex);
	if (evdev->exist && !client->revoked)
		input_flush_device(&evdev->handle, file);
	evdev_ungrab(evdev, client);
	mutex_unlock(&evdev->mutex);

	spin_lock(&evdev->client_lock);
	list_del(&client->node);
	spin_unlock(&evdev->client_lock);
	kvfree(client);

	evdev_close_device(evdev);
	put_device(&evdev->dev);
	return 0;
}

/* ---- read, write, poll --------------------------------------------------------------------------- */

static ssize_t evdev_read(struct file *file, char __user *buffer, size_t count, loff_t *ppos)
{
	struct evdev_client *client = file->private_data;
	struct evdev *evdev = client->evdev;
	struct input_event event;
	size_t read = 0;
	int error;

	if (count != 0 && count < sizeof(struct input_event))
		return -EINVAL;
	for (;;) {
		if (!evdev->exist || client->revoked)
			return -ENODEV;
		if (client->packet_head == client->tail && (file->f_flags & O_NONBLOCK))
			return -EAGAIN;
		/* count == 0 only checks that the device is there. */
		if (count == 0)
			break;
		while (read + sizeof(struct input_event) <= count && evdev_fetch_next_event(client, &event)) {
			if (copy_to_user(buffer + read, &event, sizeof(event)))
				return -EFAULT;
			read += sizeof(event);
		}
		if (read)
			break;
		if (!(file->f_flags & O_NONBLOCK)) {
			error = wait_event_interruptible(client->wait, client->packet_head != client->tail ||
							 !evdev->exist || client->revoked);
			if (error)
				return error;
		}
	}
	return read;
}

static ssize_t evdev_write(struct file *file, const char __user *buffer, size_t count, loff_t *ppos)
{
	struct evdev_client *client = file->private_data;
	struct evdev *evdev = client->evdev;
	struct input_event event;
	ssize_t retval = 0;

	if (count != 0 && count < sizeof(struct input_event))
		return -EINVAL;
	retval = mutex_lock_interruptible(&evdev->mutex);
	if (retval)
		return retval;
	if (!evdev->exist || client->revoked) {
		retval = -ENODEV;
		goto out;
	}
	while (retval + sizeof(struct input_event) <= count) {
		if (copy_from_user(&event, buffer + retval, sizeof(event))) {
			retval = -EFAULT;
			goto out;
		}
		retval += sizeof(event);
		input_inject_event(&evdev->handle, event.type, event.code, event.value);
	}
out:
	mutex_unlock(&evdev->mutex);
	return retval;
}

static __poll_t evdev_poll(struct file *file, poll_table *wait)
{
	struct evdev_client *client = file->private_data;
	struct evdev *evdev = client->evdev;
	__poll_t mask;

	poll_wait(file, &client->wait, wait);
	if (evdev->exist && !client->revoked)
		mask = EPOLLOUT | EPOLLWRNORM;
	else
		mask = EPOLLHUP | EPOLLERR;
	if (client->packet_head != client->tail)
		mask |= EPOLLIN | EPOLLRDNORM;
	return mask;
}

static const struct file_operations evdev_fops = {
	.owner = NULL,
	.read = evdev_read,
	.write = evdev_write,
	.poll = evdev_poll,
	.open = evdev_open,
	.release = evdev_release,
	.unlocked_ioctl = evdev_ioctl,
	.llseek = no_llseek,
};

/* ---- connecting to input devices ----------------------------------------------------------------- */

static void evdev_free(struct device *dev)
{
	struct evdev *evdev = container_of(dev, struct evdev, dev);

	input_put_device(evdev->handle.dev);
	kfree(evdev);
}

static int evdev_connect(struct input_handler *handler, struct input_dev *dev,
			 const struct input_device_id *id)
{
	struct evdev *evdev;
	int minor, dev_no, error;

	minor = input_get_new_minor(EVDEV_MINOR_BASE, EVDEV_MINORS, true);
	if (minor < 0) {
		error = minor;
		pr_err("failed to reserve new minor: %d\n", error);
		return error;
	}
	evdev = kzalloc(sizeof(*evdev), GFP_KERNEL);
	if (!evdev) {
		error = -ENOMEM;
		goto err_free_minor;
	}
	INIT_LIST_HEAD(&evdev->client_list);
	spin_lock_init(&evdev->client_lock);
	mutex_init(&evdev->mutex);
	evdev->exist = true;

	dev_no = minor;
	/* Normalize device number if it falls into legacy range */
	if (dev_no < EVDEV_MINOR_BASE + EVDEV_MINORS)
		dev_no -= EVDEV_MINOR_BASE;
	dev_set_name(&evdev->dev, "event%d", dev_no);

	evdev->handle.dev = input_get_device(dev);
	evdev->handle.name = dev_name(&evdev->dev);
	evdev->handle.handler = handler;
	evdev->handle.private = evdev;

	evdev->dev.devt = MKDEV(INPUT_MAJOR, minor);
	evdev->dev.class = &input_class;
	evdev->dev.parent = &dev->dev;
	evdev->dev.release = evdev_free;
	device_initialize(&evdev->dev);

	error = input_register_handle(&evdev->handle);
	if (error)
		goto err_free_evdev;

	cdev_init(&evdev->cdev, &evdev_fops);
	cdev_set_parent(&evdev->cdev, &evdev->dev.kobj);
	error = cdev_add(&evdev->cdev, evdev->dev.devt, 1);
	if (error)
		goto err_unregister_handle;
	error = device_add(&evdev->dev);
	if (error)
		goto err_cdev_del;
	return 0;

err_cdev_del:
	cdev_del(&evdev->cdev);
err_unregister_handle:
	input_unregister_handle(&evdev->handle);
err_free_evdev:
	put_device(&evdev->dev);
err_free_minor:
	input_free_minor(minor);
	return error;
}

static void evdev_disconnect(struct input_handle *handle)
{
	struct evdev *evdev = handle->private;
	struct evdev_client *client;

	device_del(&evdev->dev);
	cdev_del(&evdev->cdev);

	mutex_lock(&evdev->mutex);
	evdev->exist = false;
	mutex_unlock(&evdev->mutex);
	/* Readers asleep in read() or poll() wake up and find the device gone (ENODEV, EPOLLHUP). */
	spin_lock(&evdev->client_lock);
	list_for_each_entry(client, &evdev->client_list, node)
		wake_up_interruptible_poll(&client->wait, EPOLLHUP | EPOLLERR);
	spin_unlock(&evdev->client_lock);
	if (evdev->open) {
		input_flush_device(handle, NULL);
		input_close_device(handle);
	}

	input_free_minor(MINOR(evdev->dev.devt));
	input_unregister_handle(handle);
	put_device(&evdev->dev);
}

static const struct input_device_id evdev_ids[] = {
	{ .driver_info = 1 },	/* Matches all devices */
	{ },
};

static struct input_handler evdev_handler = {
	.events = evdev_events,
	.connect = evdev_connect,
	.disconnect = evdev_disconnect,
	.legacy_minors = true,
	.minor = EVDEV_MINOR_BASE,
	.name = "evdev",
	.id_table = evdev_ids,
};

int __lkm_entry lkm_init_evdev(void)
{
	return input_register_handler(&evdev_handler);
}
