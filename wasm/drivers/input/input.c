// SPDX-License-Identifier: GPL-2.0-only
/*
 * The input core (drivers/input/input.c): input devices, handlers and the handles joining them, and
 * the event path. A driver's input_event() is filtered against the device's capabilities and state
 * (a key that is already down does not go down again, an axis inside its fuzz does not move), the
 * events of one packet are collected and handed to every open handle at SYN_REPORT.
 */
#define pr_fmt(fmt) KBUILD_BASENAME ": " fmt

#include <linux/input.h>
#include <linux/bitmap.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/timekeeping.h>
#include <linux/kdev_t.h>
#include <linux/jiffies.h>
#include <linux/timer.h>
#include <linux/fs.h>
#include "input-core.h"
#include "host.h"

LIST_HEAD(input_dev_list);
LIST_HEAD(input_handler_list);
DEFINE_MUTEX(input_mutex);

static atomic_t input_no = ATOMIC_INIT(0);

static const struct input_value input_value_sync = { EV_SYN, SYN_REPORT, 1 };


/* Drops values that moved less than fuzz from the old one, and halves the effect of larger noise. */
static int input_defuzz_abs_event(int value, int old_val, int fuzz)
{
	if (fuzz) {
		if (value > old_val - fuzz / 2 && value < old_val + fuzz / 2)
			return old_val;
		if (value > old_val - fuzz && value < old_val + fuzz)
			return (old_val * 3 + value) / 4;
		if (value > old_val - fuzz * 2 && value < old_val + fuzz * 2)
			return (old_val + value) / 2;
	}
	return value;
}

/* ---- timestamps ---------------------------------------------------------------------------------- */

void input_set_timestamp(struct input_dev *dev, ktime_t timestamp)
{
	struct timespec64 real;

	/* The realtime clock's offset from the monotonic one now, as ktime_mono_to_real() gives it. */
	ktime_get_real_ts64(&real);
	dev->timestamp[INPUT_CLK_MONO] = timestamp;
	dev->timestamp[INPUT_CLK_REAL] = timestamp + (timespec64_to_ns(&real) - ktime_get());
	dev->timestamp[INPUT_CLK_BOOT] = timestamp;
}
EXPORT_SYMBOL(input_set_timestamp);

ktime_t *input_get_timestamp(struct input_dev *dev)
{
	if (!dev->timestamp[INPUT_CLK_MONO])
		input_set_timestamp(dev, ktime_get());
	return dev->timestamp;
}
EXPORT_SYMBOL(input_get_timestamp);

/* ---- passing events to handlers ------------------------------------------------------------------ */

static unsigned int input_to_handler(struct input_handle *handle, struct input_value *vals,
				     unsigned int count)
{
	struct input_handler *handler = handle->handler;
	struct input_value *end = vals;
	struct input_value *v;

	if (handler->filter) {
		for (v = vals; v != vals + count; v++) {
			if (handler->filter(handle, v->type, v->code, v->value))
				continue;
			if (end != v)
				*end = *v;
			end++;
		}
		count = end - vals;
	}
	if (!count)
		return 0;
	if (handler->events)
		count = handler->events(handle, vals, count);
	else if (handler->event)
		for (v = vals; v != vals + count; v++)
			handler->event(handle, v->type, v->code, v->value);
	return count;
}

/* Software autorepeat: a key held for rep[REP_DELAY] ms repeats (value 2) every rep[REP_PERIOD] ms. */
static void input_start_autorepeat(struct input_dev *dev, int code)
{
	if (test_bit(EV_REP, dev->evbit) && dev->rep[REP_PERIOD] && dev->rep[REP_DELAY] && dev->timer.function) {
		dev->repeat_key = code;
		mod_timer(&dev->timer, jiffies + msecs_to_jiffies(dev->rep[REP_DELAY]));
	}
}

static void input_stop_autorepeat(struct input_dev *dev)
{
	if (dev->timer.function)
		del_timer(&dev->timer);
}

static void input_pass_values(struct input_dev *dev, struct input_value *vals, unsigned int count)
{
	struct input_handle *handle;
	struct input_value *v;

	if (!count)
		return;
	handle = dev->grab;
	if (handle) {
		input_to_handler(handle, vals, count);
	} else {
		list_for_each_entry(handle, &dev->h_list, d_node) {
			if (handle->open) {
				count = input_to_handler(handle, vals, count);
				if (!count)
					break;
			}
		}
	}
	if (test_bit(EV_REP, dev->evbit) && test_bit(EV_KEY, dev->evbit)) {
		for (v = vals; v != vals + count; v++) {
			if (v->type == EV_KEY && v->value != 2) {
				if (v->value)
					input_start_autorepeat(dev, v->code);
				else
					input_stop_autorepeat(dev);
			}
		}
	}
}

static void input_repeat_key(struct timer_list *t)
{
	struct input_dev *dev = from_timer(dev, t, timer);
	unsigned long flags;

	spin_lock_irqsave(&dev->event_lock, flags);
	if (!dev->inhibited && test_bit(dev->repeat_key, dev->key) &&
	    is_event_supported(dev->repeat_key, dev->keybit, KEY_MAX)) {
		struct input_value vals[] = { { EV_KEY, dev->repeat_key, 2 }, input_value_sync };

		input_set_timestamp(dev, ktime_get());
		input_pass_values(dev, vals, ARRAY_SIZE(vals));
		if (dev->rep[REP_PERIOD])
			mod_timer(&dev->timer, jiffies + msecs_to_jiffies(dev->rep[REP_PERIOD]));
	}
	spin_unlock_irqrestore(&dev->event_lock, flags);
}

void input_enable_softrepeat(struct input_dev *dev, int delay, int period)
{
	timer_setup(&dev->timer, input_repeat_key, 0);
	dev->rep[REP_DELAY] = delay;
	dev->rep[REP_PERIOD] = period;
}
EXPORT_SYMBOL(input_enable_softrepeat);

/* ---- the disposition of one event ---------------------------------------------------------------- */

static int input_handle_abs_event(struct input_dev *dev, unsigned int code, int *pval)
{
	int *pold;

	if (code == ABS_MT_SLOT)
		return INPUT_IGNORE_EVENT;	/* no multi-touch state here */
	pold = &dev->absinfo[code].value;
	*pval = input_defuzz_abs_event(*pval, *pold, dev->absinfo[code].fuzz);
	if (*pold == *pval)
		return INPUT_IGNORE_EVENT;
	*pold = *pval;
	return INPUT_PASS_TO_HANDLERS;
}

static int input_get_disposition(struct input_dev *dev, unsigned int type, unsigned int code, int *pval)
{
	int disposition = INPUT_IGNORE_EVENT;
	int value = *pval;

	switch (type) {
	case EV_SYN:
		switch (code) {
		case SYN_CONFIG:
			disposition = INPUT_PASS_TO_ALL;
			break;
		case SYN_REPORT:
			disposition = INPUT_PASS_TO_HANDLERS | INPUT_FLUSH;
			break;
		case SYN_MT_REPORT:
			disposition = INPUT_PASS_TO_HANDLERS;
			break;
		}
		break;
	case EV_KEY:
		if (is_event_supported(code, dev->keybit, KEY_MAX)) {
			/* Autorepeat (2) goes through as is; a press or release only when it changes the state. */
			if (value == 2) {
				disposition = INPUT_PASS_TO_HANDLERS;
				break;
			}
			if (!!test_bit(code, dev->key) != !!value) {
				__change_bit(code, dev->key);
				disposition = INPUT_PASS_TO_HANDLERS;
			}
		}
		break;
	case EV_SW:
		if (is_event_supported(code, dev->swbit, SW_MAX) && !!test_bit(code, dev->sw) != !!value) {
			__change_bit(code, dev->sw);
			disposition = INPUT_PASS_TO_HANDLERS;
		}
		break;
	case EV_ABS:
		if (is_event_supported(code, dev->absbit, ABS_MAX))
			disposition = input_handle_abs_event(dev, code, &value);
		break;
	case EV_REL:
		if (is_event_supported(code, dev->relbit, REL_MAX) && value)
			disposition = INPUT_PASS_TO_HANDLERS;
		break;
	case EV_MSC:
		if (is_event_supported(code, dev->mscbit, MSC_MAX))
			disposition = INPUT_PASS_TO_ALL;
		break;
	case EV_LED:
		if (is_event_supported(code, dev->ledbit, LED_MAX) && !!test_bit(code, dev->led) != !!value) {
			__change_bit(code, dev->led);
			disposition = INPUT_PASS_TO_ALL;
		}
		break;
	case EV_SND:
		if (is_event_supported(code, dev->sndbit, SND_MAX)) {
			if (!!test_bit(code, dev->snd) != !!value)
				__change_bit(code, dev->snd);
			disposition = INPUT_PASS_TO_ALL;
		}
		break;
	case EV_REP:
		if (code <= REP_MAX && value >= 0 && dev->rep[code] != value) {
			dev->rep[code] = value;
			disposition = INPUT_PASS_TO_ALL;
		}
		break;
	case EV_FF:
		if (value >= 0)
			disposition = INPUT_PASS_TO_ALL;
		break;
	case EV_PWR:
		disposition = INPUT_PASS_TO_ALL;
		break;
	}
	*pval = value;
	return disposition;
}

void input_event_dispose(struct input_dev *dev, int disposition, unsigned int type, unsigned int code,
			 int value)
{
	if ((disposition & INPUT_PASS_TO_DEVICE) && dev->event)
		dev->event(dev, type, code, value);
	if (!dev->vals)
		return;
	if (disposition & INPUT_PASS_TO_HANDLERS) {
		struct input_value *v = &dev->vals[dev->num_vals++];

		v->type = type;
		v->code = code;
		v->value = value;
	}
	if (disposition & INPUT_FLUSH) {
		/* A packet of nothing but its SYN_REPORT is not passed on. */
		if (dev->num_vals >= 2)
			input_pass_values(dev, dev->vals, dev->num_vals);
		dev->num_vals = 0;
		dev->timestamp[INPUT_CLK_MONO] = 0;
	} else if (dev->num_vals >= dev->max_vals - 2) {
		dev->vals[dev->num_vals++] = input_value_sync;
		input_pass_values(dev, dev->vals, dev->num_vals);
		dev->num_vals = 0;
	}
}

static void input_handle_event(struct input_dev *dev, unsigned int type, unsigned int code, int value)
{
	int disposition = input_get_disposition(dev, type, code, &value);

	if (disposition != INPUT_IGNORE_EVENT && type != EV_SYN)
		input_get_timestamp(dev);
	input_event_dispose(dev, disposition, type, code, value);
}

void input_event(struct input_dev *dev, unsigned int type, unsigned int code, int value)
{
	unsigned long flags;

	if (is_event_supported(type, dev->evbit, EV_MAX)) {
		spin_lock_irqsave(&dev->event_lock, flags);
		input_handle_event(dev, type, code, value);
		spin_unlock_irqrestore(&dev->event_lock, flags);
	}
}
EXPORT_SYMBOL(input_event);

/* An event from a handler (evdev's write): dropped while another handle grabs the device. */
void input_inject_event(struct input_handle *handle, unsigned int type, unsigned int code, int value)
{
	struct input_dev *dev = handle->dev;
	unsigned long flags;

	if (is_event_supported(type, dev->evbit, EV_MAX)) {
		spin_lock_irqsave(&dev->event_lock, flags);
		if (!dev->grab || dev->grab == handle)
			input_handle_event(dev, type, code, value);
		spin_unlock_irqrestore(&dev->event_lock, flags);
	}
}
EXPORT_SYMBOL(input_inject_event);

/* ---- capabilities -------------------------------------------------------------------------------- */

void input_alloc_absinfo(struct input_dev *dev)
{
	if (dev->absinfo)
		return;
	dev->absinfo = kcalloc(ABS_CNT, sizeof(*dev->absinfo), GFP_KERNEL);
	if (!dev->absinfo)
		dev_err(dev->dev.parent ?: &dev->dev, "%s: unable to allocate memory\n", __func__);
}
EXPORT_SYMBOL(input_alloc_absinfo);

void input_set_abs_params(struct input_dev *dev, unsigned int axis, int min, int max, int fuzz, int flat)
{
	struct input_absinfo *absinfo;

	__set_bit(EV_ABS, dev->evbit);
	__set_bit(axis, dev->absbit);
	input_alloc_absinfo(dev);
	if (!dev->absinfo)
		return;
	absinfo = &dev->absinfo[axis];
	absinfo->minimum = min;
	absinfo->maximum = max;
	absinfo->fuzz = fuzz;
	absinfo->flat = flat;
}
EXPORT_SYMBOL(input_set_abs_params);

void input_copy_abs(struct input_dev *dst, unsigned int dst_axis, const struct input_dev *src,
		    unsigned int src_axis)
{
	if (WARN_ON(!(test_bit(EV_ABS, src->evbit) && test_bit(src_axis, src->absbit))))
		return;
	input_alloc_absinfo(dst);
	if (!dst->absinfo)
		return;
	dst->absinfo[dst_axis] = src->absinfo[src_axis];
	__set_bit(EV_ABS, dst->evbit);
	__set_bit(dst_axis, dst->absbit);
}
EXPORT_SYMBOL(input_copy_abs);

void input_set_capability(struct input_dev *dev, unsigned int type, unsigned int code)
{
	switch (type) {
	case EV_KEY:
		__set_bit(code, dev->keybit);
		break;
	case EV_REL:
		__set_bit(code, dev->relbit);
		break;
	case EV_ABS:
		input_alloc_absinfo(dev);
		__set_bit(code, dev->absbit);
		break;
	case EV_MSC:
		__set_bit(code, dev->mscbit);
		break;
	case EV_SW:
		__set_bit(code, dev->swbit);
		break;
	case EV_LED:
		__set_bit(code, dev->ledbit);
		break;
	case EV_SND:
		__set_bit(code, dev->sndbit);
		break;
	case EV_FF:
		__set_bit(code, dev->ffbit);
		break;
	case EV_PWR:
		break;
	default:
		pr_err("%s: unknown type %u (code %u)\n", __func__, type, code);
		dump_stack();
		return;
	}
	__set_bit(type, dev->evbit);
}
EXPORT_SYMBOL(input_set_capability);

/* ---- matching handlers and devices --------------------------------------------------------------- */

static bool bitmap_subset_of(const kernel_ulong_t *id_bits, const unsigned long *dev_bits, unsigned int max)
{
	unsigned int i;

	for (i = 0; i < BITS_TO_LONGS(max + 1); i++)
		if ((id_bits[i] & dev_bits[i]) != id_bits[i])
			return false;
	return true;
}

bool input_match_device_id(const struct input_dev *dev, const struct input_device_id *id)
{
	if ((id->flags & INPUT_DEVICE_ID_MATCH_BUS) && id->bustype != dev->id.bustype)
		return false;
	if ((id->flags & INPUT_DEVICE_ID_MATCH_VENDOR) && id->vendor != dev->id.vendor)
		return false;
	if ((id->flags & INPUT_DEVICE_ID_MATCH_PRODUCT) && id->product != dev->id.product)
		return false;
	if ((id->flags & INPUT_DEVICE_ID_MATCH_VERSION) && id->version != dev->id.version)
		return false;
	return bitmap_subset_of(id->evbit, dev->evbit, EV_MAX) &&
	       bitmap_subset_of(id->keybit, dev->keybit, KEY_MAX) &&
	       bitmap_subset_of(id->relbit, dev->relbit, REL_MAX) &&
	       bitmap_subset_of(id->absbit, dev->absbit, ABS_MAX) &&
	       bitmap_subset_of(id->mscbit, dev->mscbit, MSC_MAX) &&
	       bitmap_subset_of(id->ledbit, dev->ledbit, LED_MAX) &&
	       bitmap_subset_of(id->sndbit, dev->sndbit, SND_MAX) &&
	       bitmap_subset_of(id->ffbit, dev->ffbit, FF_MAX) &&
	       bitmap_subset_of(id->swbit, dev->swbit, SW_MAX) &&
	       bitmap_subset_of(id->propbit, dev->propbit, INPUT_PROP_MAX);
}
EXPORT_SYMBOL(input_match_device_id);

static const struct input_device_id *input_match_device(struct input_handler *handler, struct input_dev *dev)
{
	const struct input_device_id *id;

	for (id = handler->id_table; id->flags || id->driver_info; id++) {
		if (input_match_device_id(dev, id) && (!handler->match || handler->match(handler, dev)))
			return id;
	}
	return NULL;
}

static int input_attach_handler(struct input_dev *dev, struct input_handler *handler)
{
	const struct input_device_id *id = input_match_device(handler, dev);
	int error;

	if (!id)
		return -ENODEV;
	error = handler->connect(handler, dev, id);
	if (error && error != -ENODEV)
		pr_err("failed to attach handler %s to device %s, error: %d\n", handler->name,
		       kobject_name(&dev->dev.kobj), error);
	return error;
}

/* ---- devices ------------------------------------------------------------------------------------- */

struct input_dev *input_allocate_device(void)
{
	struct input_dev *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (!dev)
		return NULL;
	/* The packet buffer starts with room for a few events; registration sizes it. */
	dev->max_vals = 10;
	dev->vals = kcalloc(dev->max_vals, sizeof(*dev->vals), GFP_KERNEL);
	if (!dev->vals) {
		kfree(dev);
		return NULL;
	}
	mutex_init(&dev->mutex);
	spin_lock_init(&dev->event_lock);
	INIT_LIST_HEAD(&dev->h_list);
	INIT_LIST_HEAD(&dev->node);

	dev->dev.type = &input_dev_type;
	dev->dev.class = &input_class;
	device_initialize(&dev->dev);
	/* Numbers are never reused, as on Linux: input0, input1, ... */
	dev_set_name(&dev->dev, "input%lu", (unsigned long)atomic_inc_return(&input_no) - 1);
	return dev;
}
EXPORT_SYMBOL(input_allocate_device);

static int devm_input_device_match(struct device *owner, void *res, void *data)
{
	return *(struct input_dev **)res == data;
}

static void devm_input_device_release(struct device *owner, void *res);

void input_free_device(struct input_dev *dev)
{
	if (!dev)
		return;
	if (dev->devres_managed)
		WARN_ON(devres_destroy(dev->dev.parent, devm_input_device_release, devm_input_device_match, dev));
	input_put_device(dev);
}
EXPORT_SYMBOL(input_free_device);

static void __input_unregister_device(struct input_dev *dev);

/* devm: the device is unregistered if it still is, and its reference dropped, when the owner goes. */
static void devm_input_device_release(struct device *owner, void *res)
{
	struct input_dev *input = *(struct input_dev **)res;

	if (device_is_registered(&input->dev))
		__input_unregister_device(input);
	input_put_device(input);
}

struct input_dev *devm_input_allocate_device(struct device *owner)
{
	struct input_dev **devres, *input;

	devres = devres_alloc(devm_input_device_release, sizeof(*devres), GFP_KERNEL);
	if (!devres)
		return NULL;
	input = input_allocate_device();
	if (!input) {
		devres_free(devres);
		return NULL;
	}
	input->dev.parent = owner;
	input->devres_managed = true;
	*devres = input;
	devres_add(owner, devres);
	return input;
}
EXPORT_SYMBOL(devm_input_allocate_device);

/* Bits beyond what the device declares it can send are cleared (input_cleanse_bitmasks()). */
static void input_cleanse_bitmasks(struct input_dev *dev)
{
#define CLEANSE(type, bits, max) do { if (!test_bit(EV_##type, dev->evbit)) memset(dev->bits, 0, \
	BITS_TO_LONGS(max) * sizeof(long)); } while (0)
	CLEANSE(KEY, keybit, KEY_CNT);
	CLEANSE(REL, relbit, REL_CNT);
	CLEANSE(ABS, absbit, ABS_CNT);
	CLEANSE(MSC, mscbit, MSC_CNT);
	CLEANSE(LED, ledbit, LED_CNT);
	CLEANSE(SND, sndbit, SND_CNT);
	CLEANSE(FF, ffbit, FF_CNT);
	CLEANSE(SW, swbit, SW_CNT);
#undef CLEANSE
}

/* Room for one packet of every event the device can send (input_estimate_events_per_packet()). */
static unsigned int input_estimate_events_per_packet(struct input_dev *dev)
{
	unsigned int events = 2, i;

	if (dev->hint_events_per_packet)
		return dev->hint_events_per_packet;
	if (test_bit(EV_ABS, dev->evbit))
		for (i = 0; i < ABS_CNT; i++)
			events += test_bit(i, dev->absbit);
	if (test_bit(EV_REL, dev->evbit))
		for (i = 0; i < REL_CNT; i++)
			events += test_bit(i, dev->relbit);
	events += 7;	/* a few keys at once */
	return events;
}

int __lkm_input_register_device(struct input_dev *dev, struct module *owner)
{
	struct input_handler *handler;
	unsigned int packet_size;
	const char *path;
	int error;

	if (test_bit(EV_ABS, dev->evbit) && !dev->absinfo) {
		dev_err(&dev->dev, "Absolute device without dev->absinfo, refusing to register\n");
		return -EINVAL;
	}

	__set_bit(EV_SYN, dev->evbit);
	__clear_bit(KEY_RESERVED, dev->keybit);
	input_cleanse_bitmasks(dev);

	packet_size = input_estimate_events_per_packet(dev);
	if (dev->hint_events_per_packet < packet_size)
		dev->hint_events_per_packet = packet_size;
	dev->max_vals = dev->hint_events_per_packet + 2;
	kfree(dev->vals);
	dev->vals = kcalloc(dev->max_vals, sizeof(*dev->vals), GFP_KERNEL);
	if (!dev->vals)
		return -ENOMEM;

	/* A device that declares EV_REP without its own rates gets software autorepeat (250 ms, then 33 ms). */
	if (test_bit(EV_REP, dev->evbit) && !dev->rep[REP_DELAY] && !dev->rep[REP_PERIOD])
		input_enable_softrepeat(dev, 250, 33);
	if (!dev->getkeycode)
		dev->getkeycode = input_default_getkeycode;
	if (!dev->setkeycode)
		dev->setkeycode = input_default_setkeycode;

	error = device_add(&dev->dev);
	if (error)
		return error;
	dev->lkm_owner = owner;

	path = kobject_get_path(&dev->dev.kobj, GFP_KERNEL);
	pr_info("%s as %s\n", dev->name ? dev->name : "Unspecified device", path ? path : "N/A");
	kfree(path);

	mutex_lock(&input_mutex);
	list_add_tail(&dev->node, &input_dev_list);
	list_for_each_entry(handler, &input_handler_list, node)
		input_attach_handler(dev, handler);
	input_wakeup_procfs_readers();
	mutex_unlock(&input_mutex);
	return 0;
}
EXPORT_SYMBOL(__lkm_input_register_device);

static void __input_unregister_device(struct input_dev *dev)
{
	struct input_handle *handle, *next;

	mutex_lock(&dev->mutex);
	dev->going_away = true;
	if (dev->timer.function)
		del_timer_sync(&dev->timer);
	/* Keys still down are released for the handles still open, so no reader sees a stuck key. */
	if (test_bit(EV_KEY, dev->evbit)) {
		unsigned long flags;
		unsigned int code;
		bool any = false;

		spin_lock_irqsave(&dev->event_lock, flags);
		for (code = 0; code < KEY_CNT; code++) {
			if (is_event_supported(code, dev->keybit, KEY_MAX) && __test_and_clear_bit(code, dev->key)) {
				input_event_dispose(dev, INPUT_PASS_TO_HANDLERS, EV_KEY, code, 0);
				any = true;
			}
		}
		if (any)
			input_event_dispose(dev, INPUT_PASS_TO_HANDLERS | INPUT_FLUSH, EV_SYN, SYN_REPORT, 1);
		spin_unlock_irqrestore(&dev->event_lock, flags);
	}
	mutex_unlock(&dev->mutex);

	mutex_lock(&input_mutex);
	list_for_each_entry_safe(handle, next, &dev->h_list, d_node)
		handle->handler->disconnect(handle);
	WARN_ON(!list_empty(&dev->h_list));
	list_del_init(&dev->node);
	input_wakeup_procfs_readers();
	mutex_unlock(&input_mutex);

	device_del(&dev->dev);
}

/* Unregistering drops the allocation's reference, except a devm device's: its devres entry drops it. */
void input_unregister_device(struct input_dev *dev)
{
	__input_unregister_device(dev);
	if (!dev->devres_managed)
		input_put_device(dev);
}
EXPORT_SYMBOL(input_unregister_device);

void input_reset_device(struct input_dev *dev)
{
	unsigned long flags;
	unsigned int code;

	mutex_lock(&dev->mutex);
	spin_lock_irqsave(&dev->event_lock, flags);
	for (code = 0; code < KEY_CNT; code++) {
		if (is_event_supported(code, dev->keybit, KEY_MAX) && __test_and_clear_bit(code, dev->key))
			input_event_dispose(dev, INPUT_PASS_TO_HANDLERS, EV_KEY, code, 0);
	}
	input_event_dispose(dev, INPUT_PASS_TO_HANDLERS | INPUT_FLUSH, EV_SYN, SYN_REPORT, 1);
	spin_unlock_irqrestore(&dev->event_lock, flags);
	mutex_unlock(&dev->mutex);
}
EXPORT_SYMBOL(input_reset_device);

/* ---- handlers ------------------------------------------------------------------------------------ */

int input_register_handler(struct input_handler *handler)
{
	struct input_dev *dev;

	INIT_LIST_HEAD(&handler->h_list);
	mutex_lock(&input_mutex);
	list_add_tail(&handler->node, &input_handler_list);
	list_for_each_entry(dev, &input_dev_list, node)
		input_attach_handler(dev, handler);
	input_wakeup_procfs_readers();
	mutex_unlock(&input_mutex);
	return 0;
}
EXPORT_SYMBOL(input_register_handler);

void input_unregister_handler(struct input_handler *handler)
{
	struct input_handle *handle, *next;

	mutex_lock(&input_mutex);
	list_for_each_entry_safe(handle, next, &handler->h_list, h_node)
		handler->disconnect(handle);
	WARN_ON(!list_empty(&handler->h_list));
	list_del_init(&handler->node);
	input_wakeup_procfs_readers();
	mutex_unlock(&input_mutex);
}
EXPORT_SYMBOL(input_unregister_handler);

/*
 * At unload (after exit()): input devices the module registered and never unregistered point into its
 * code (open, close, event) and data (names). Linux would crash at the next use; here each is reported
 * and unregistered while the module's code is still there.
 */
void __lkm_entry lkm_input_module_gone(struct module *mod)
{
	struct input_dev *dev, *found;

	for (;;) {
		found = NULL;
		mutex_lock(&input_mutex);
		list_for_each_entry(dev, &input_dev_list, node) {
			if (dev->lkm_owner == mod) {
				found = dev;
				break;
			}
		}
		mutex_unlock(&input_mutex);
		if (!found)
			return;
		printk(KERN_WARNING "%s: input device '%s' not unregistered at unload: removing it\n", mod->name,
			dev_name(&found->dev));
		found->lkm_owner = NULL;
		if (found->devres_managed)
			__input_unregister_device(found);	/* its devres entry drops the reference */
		else
			input_unregister_device(found);
	}
}

/* Boot (input_init()): the class, /proc/bus/input, major 13. */
int __lkm_entry lkm_init_input(void)
{
	int err = class_register(&input_class);

	if (err) {
		pr_err("unable to register input_dev class\n");
		return err;
	}
	err = input_proc_init();
	if (err)
		goto fail_class;
	err = register_chrdev_region(MKDEV(INPUT_MAJOR, 0), INPUT_MAX_CHAR_DEVICES, "input");
	if (err) {
		pr_err("unable to register char major %d\n", INPUT_MAJOR);
		goto fail_class;
	}
	return 0;
fail_class:
	class_unregister(&input_class);
	return err;
}
