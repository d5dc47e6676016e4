// SPDX-License-Identifier: GPL-2.0-only
/*
 * Handles of the input core (drivers/input/input.c): what joins a handler to a device (registering one,
 * opening and closing the device through it, grabbing it), and the minors handlers take for their
 * character devices.
 */
#include <linux/input.h>
#include <linux/bitmap.h>
#include <linux/mutex.h>
#include "input-core.h"

int input_register_handle(struct input_handle *handle)
{
	struct input_handler *handler = handle->handler;
	struct input_dev *dev = handle->dev;

	mutex_lock(&dev->mutex);
	/* Filters go first, so that they see the events before the others. */
	if (handler->filter)
		list_add(&handle->d_node, &dev->h_list);
	else
		list_add_tail(&handle->d_node, &dev->h_list);
	mutex_unlock(&dev->mutex);
	list_add_tail(&handle->h_node, &handler->h_list);
	if (handler->start)
		handler->start(handle);
	return 0;
}
EXPORT_SYMBOL(input_register_handle);

void input_unregister_handle(struct input_handle *handle)
{
	struct input_dev *dev = handle->dev;

	list_del_init(&handle->h_node);
	mutex_lock(&dev->mutex);
	list_del(&handle->d_node);
	mutex_unlock(&dev->mutex);
}
EXPORT_SYMBOL(input_unregister_handle);

int input_handler_for_each_handle(struct input_handler *handler, void *data,
				  int (*fn)(struct input_handle *, void *))
{
	struct input_handle *handle;
	int retval = 0;

	list_for_each_entry(handle, &handler->h_list, h_node) {
		retval = fn(handle, data);
		if (retval)
			break;
	}
	return retval;
}
EXPORT_SYMBOL(input_handler_for_each_handle);

int input_grab_device(struct input_handle *handle)
{
	struct input_dev *dev = handle->dev;
	int retval = 0;

	mutex_lock(&dev->mutex);
	if (dev->grab)
		retval = -EBUSY;
	else
		dev->grab = handle;
	mutex_unlock(&dev->mutex);
	return retval;
}
EXPORT_SYMBOL(input_grab_device);

void input_release_device(struct input_handle *handle)
{
	struct input_dev *dev = handle->dev;

	mutex_lock(&dev->mutex);
	if (dev->grab == handle)
		dev->grab = NULL;
	mutex_unlock(&dev->mutex);
}
EXPORT_SYMBOL(input_release_device);

/* The first open of any handle opens the device (the driver's open() starts it reporting). */
int input_open_device(struct input_handle *handle)
{
	struct input_dev *dev = handle->dev;
	int retval = 0;

	mutex_lock(&dev->mutex);
	if (dev->going_away) {
		retval = -ENODEV;
		goto out;
	}
	handle->open++;
	if (dev->users++ || dev->inhibited)
		goto out;
	if (dev->open) {
		retval = dev->open(dev);
		if (retval) {
			dev->users--;
			handle->open--;
		}
	}
out:
	mutex_unlock(&dev->mutex);
	return retval;
}
EXPORT_SYMBOL(input_open_device);

void input_close_device(struct input_handle *handle)
{
	struct input_dev *dev = handle->dev;

	mutex_lock(&dev->mutex);
	if (dev->grab == handle)
		dev->grab = NULL;
	if (!--dev->users && !dev->inhibited && dev->close)
		dev->close(dev);
	handle->open--;
	mutex_unlock(&dev->mutex);
}
EXPORT_SYMBOL(input_close_device);

int input_flush_device(struct input_handle *handle, struct file *file)
{
	struct input_dev *dev = handle->dev;
	int retval = 0;

	mutex_lock(&dev->mutex);
	if (dev->flush)
		retval = dev->flush(dev, file);
	mutex_unlock(&dev->mutex);
	return retval;
}
EXPORT_SYMBOL(input_flush_device);

/* ---- minors -------------------------------------------------------------------------------------- */

/*
 * A minor in the handler's legacy range (evdev: 64..95), else a dynamic one from 256. Linux keeps them
 * in an IDA; here a bitmap under its own lock (lib/idr.c's ida_alloc_range() allocates under the
 * xarray's spinlock, which GFP_KERNEL must not).
 */
static DECLARE_BITMAP(input_minors, INPUT_MAX_CHAR_DEVICES);
static DEFINE_MUTEX(input_minors_lock);

static int input_take_minor(unsigned int from, unsigned int to)
{
	unsigned int minor;
	int ret = -ENOSPC;

	mutex_lock(&input_minors_lock);
	minor = find_next_zero_bit(input_minors, to + 1, from);
	if (minor <= to) {
		__set_bit(minor, input_minors);
		ret = minor;
	}
	mutex_unlock(&input_minors_lock);
	return ret;
}

int input_get_new_minor(int legacy_base, unsigned int legacy_num, bool allow_dynamic)
{
	if (legacy_base >= 0) {
		int minor = input_take_minor(legacy_base, legacy_base + legacy_num - 1);

		if (minor >= 0 || !allow_dynamic)
			return minor;
	}
	return input_take_minor(INPUT_FIRST_DYNAMIC_DEV, INPUT_MAX_CHAR_DEVICES - 1);
}
EXPORT_SYMBOL(input_get_new_minor);

void input_free_minor(unsigned int minor)
{
	mutex_lock(&input_minors_lock);
	__clear_bit(minor, input_minors);
	mutex_unlock(&input_minors_lock);
}
EXPORT_SYMBOL(input_free_minor);
