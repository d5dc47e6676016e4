// SPDX-License-Identifier: GPL-2.0-only
/*
 * Keymaps of the input core (drivers/input/input.c's keycode half): a device's table of keycodes indexed
 * by scancode (keycode, keycodesize, keycodemax), the default getkeycode/setkeycode over it, and
 * input_get_keycode()/input_set_keycode(), which EVIOCGKEYCODE and EVIOCSKEYCODE reach.
 */
#include <linux/input.h>
#include <linux/string.h>
#include "input-core.h"

static unsigned int input_fetch_keycode(struct input_dev *dev, unsigned int index)
{
	switch (dev->keycodesize) {
	case 1:
		return ((u8 *)dev->keycode)[index];
	case 2:
		return ((u16 *)dev->keycode)[index];
	default:
		return ((u32 *)dev->keycode)[index];
	}
}

int input_scancode_to_scalar(const struct input_keymap_entry *ke, unsigned int *scancode)
{
	switch (ke->len) {
	case 1:
		*scancode = *((u8 *)ke->scancode);
		break;
	case 2:
		*scancode = *((u16 *)ke->scancode);
		break;
	case 4:
		*scancode = *((u32 *)ke->scancode);
		break;
	default:
		return -EINVAL;
	}
	return 0;
}
EXPORT_SYMBOL(input_scancode_to_scalar);

/* The keymap slot @ke names (by index, or by its scancode as a number), or -EINVAL. */
static int keymap_index(struct input_dev *dev, const struct input_keymap_entry *ke, unsigned int *index)
{
	int error;

	if (!dev->keycodesize)
		return -EINVAL;
	if (ke->flags & INPUT_KEYMAP_BY_INDEX) {
		*index = ke->index;
	} else {
		error = input_scancode_to_scalar(ke, index);
		if (error)
			return error;
	}
	return *index < dev->keycodemax ? 0 : -EINVAL;
}

int input_default_getkeycode(struct input_dev *dev, struct input_keymap_entry *ke)
{
	unsigned int index;
	int error = keymap_index(dev, ke, &index);

	if (error)
		return error;
	ke->keycode = input_fetch_keycode(dev, index);
	ke->index = index;
	ke->len = sizeof(index);
	memcpy(ke->scancode, &index, sizeof(index));
	return 0;
}

int input_default_setkeycode(struct input_dev *dev, const struct input_keymap_entry *ke,
				    unsigned int *old_keycode)
{
	unsigned int index;
	int i, error = keymap_index(dev, ke, &index);

	if (error)
		return error;
	if (dev->keycodesize < sizeof(ke->keycode) && (ke->keycode >> (dev->keycodesize * 8)))
		return -EINVAL;

	*old_keycode = input_fetch_keycode(dev, index);
	switch (dev->keycodesize) {
	case 1:
		((u8 *)dev->keycode)[index] = ke->keycode;
		break;
	case 2:
		((u16 *)dev->keycode)[index] = ke->keycode;
		break;
	default:
		((u32 *)dev->keycode)[index] = ke->keycode;
		break;
	}
	if (*old_keycode <= KEY_MAX) {
		__clear_bit(*old_keycode, dev->keybit);
		for (i = 0; i < dev->keycodemax; i++) {
			if (input_fetch_keycode(dev, i) == *old_keycode) {
				__set_bit(*old_keycode, dev->keybit);
				break;
			}
		}
	}
	__set_bit(ke->keycode, dev->keybit);
	return 0;
}

int input_get_keycode(struct input_dev *dev, struct input_keymap_entry *ke)
{
	unsigned long flags;
	int retval;

	spin_lock_irqsave(&dev->event_lock, flags);
	retval = dev->getkeycode(dev, ke);
	spin_unlock_irqrestore(&dev->event_lock, flags);
	return retval;
}
EXPORT_SYMBOL(input_get_keycode);

int input_set_keycode(struct input_dev *dev, const struct input_keymap_entry *ke)
{
	unsigned long flags;
	unsigned int old_keycode;
	int retval;

	if (ke->keycode > KEY_MAX)
		return -EINVAL;
	spin_lock_irqsave(&dev->event_lock, flags);
	retval = dev->setkeycode(dev, ke, &old_keycode);
	if (!retval) {
		__clear_bit(KEY_RESERVED, dev->keybit);
		/* A key that was down under the old code is released, so no one sees it stuck. */
		if (old_keycode > KEY_MAX) {
			dev_warn(dev->dev.parent ?: &dev->dev, "%s: got too big old keycode %#x\n",
				 __func__, old_keycode);
		} else if (test_bit(EV_KEY, dev->evbit) && !is_event_supported(old_keycode, dev->keybit, KEY_MAX) &&
			   __test_and_clear_bit(old_keycode, dev->key)) {
			input_event_dispose(dev, INPUT_PASS_TO_HANDLERS, EV_KEY, old_keycode, 0);
			input_event_dispose(dev, INPUT_PASS_TO_HANDLERS | INPUT_FLUSH, EV_SYN, SYN_REPORT, 1);
		}
	}
	spin_unlock_irqrestore(&dev->event_lock, flags);
	return retval;
}
EXPORT_SYMBOL(input_set_keycode);
