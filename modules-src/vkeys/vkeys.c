// SPDX-License-Identifier: GPL-2.0
/*
 * vkeys: a virtual keyboard. Text written to /proc/vkeys is typed on an input device ("LKM Virtual
 * Keys"): each letter, digit, space or newline is a key press and a release, each followed by
 * SYN_REPORT, so evdev readers of /dev/input/eventN see them as a real keyboard's. Capital letters
 * hold KEY_LEFTSHIFT around the key; anything else is skipped.
 *
 * The device's open() and close() log when the first reader opens it and the last one closes it.
 */
#include <linux/input.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>

static struct input_dev *vkeys_dev;
static struct proc_dir_entry *vkeys_proc;

static const unsigned short vkeys_letters[26] = {
	KEY_A, KEY_B, KEY_C, KEY_D, KEY_E, KEY_F, KEY_G, KEY_H, KEY_I, KEY_J, KEY_K, KEY_L, KEY_M,
	KEY_N, KEY_O, KEY_P, KEY_Q, KEY_R, KEY_S, KEY_T, KEY_U, KEY_V, KEY_W, KEY_X, KEY_Y, KEY_Z,
};

static const unsigned short vkeys_digits[10] = {
	KEY_0, KEY_1, KEY_2, KEY_3, KEY_4, KEY_5, KEY_6, KEY_7, KEY_8, KEY_9,
};

static void vkeys_tap(unsigned int code)
{
	input_report_key(vkeys_dev, code, 1);
	input_sync(vkeys_dev);
	input_report_key(vkeys_dev, code, 0);
	input_sync(vkeys_dev);
}

static void vkeys_type(char c)
{
	if (c >= 'a' && c <= 'z') {
		vkeys_tap(vkeys_letters[c - 'a']);
	} else if (c >= 'A' && c <= 'Z') {
		input_report_key(vkeys_dev, KEY_LEFTSHIFT, 1);
		vkeys_tap(vkeys_letters[c - 'A']);
		input_report_key(vkeys_dev, KEY_LEFTSHIFT, 0);
		input_sync(vkeys_dev);
	} else if (c >= '0' && c <= '9') {
		vkeys_tap(vkeys_digits[c - '0']);
	} else if (c == ' ') {
		vkeys_tap(KEY_SPACE);
	} else if (c == '\n') {
		vkeys_tap(KEY_ENTER);
	}
}

static ssize_t vkeys_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char text[64];
	size_t n = min(count, sizeof(text)), i;

	if (copy_from_user(text, buf, n))
		return -EFAULT;
	for (i = 0; i < n; i++)
		vkeys_type(text[i]);
	return n;
}

static const struct proc_ops vkeys_proc_ops = {
	.proc_write = vkeys_write,
};

static int vkeys_open(struct input_dev *dev)
{
	pr_info("vkeys: %s opened\n", dev_name(&dev->dev));
	return 0;
}

static void vkeys_close(struct input_dev *dev)
{
	pr_info("vkeys: %s closed\n", dev_name(&dev->dev));
}

static int __init vkeys_init(void)
{
	int i, err;

	vkeys_dev = input_allocate_device();
	if (!vkeys_dev)
		return -ENOMEM;
	vkeys_dev->name = "LKM Virtual Keys";
	vkeys_dev->phys = "vkeys/input0";
	vkeys_dev->id.bustype = BUS_VIRTUAL;
	vkeys_dev->id.vendor = 0x0001;
	vkeys_dev->id.product = 0x0001;
	vkeys_dev->id.version = 0x0100;
	vkeys_dev->open = vkeys_open;
	vkeys_dev->close = vkeys_close;

	__set_bit(EV_KEY, vkeys_dev->evbit);
	for (i = 0; i < ARRAY_SIZE(vkeys_letters); i++)
		__set_bit(vkeys_letters[i], vkeys_dev->keybit);
	for (i = 0; i < ARRAY_SIZE(vkeys_digits); i++)
		__set_bit(vkeys_digits[i], vkeys_dev->keybit);
	input_set_capability(vkeys_dev, EV_KEY, KEY_SPACE);
	input_set_capability(vkeys_dev, EV_KEY, KEY_ENTER);
	input_set_capability(vkeys_dev, EV_KEY, KEY_LEFTSHIFT);

	err = input_register_device(vkeys_dev);
	if (err) {
		input_free_device(vkeys_dev);
		return err;
	}
	vkeys_proc = proc_create("vkeys", 0200, NULL, &vkeys_proc_ops);
	if (!vkeys_proc) {
		input_unregister_device(vkeys_dev);
		return -ENOMEM;
	}
	return 0;
}

static void __exit vkeys_exit(void)
{
	proc_remove(vkeys_proc);
	input_unregister_device(vkeys_dev);
}

module_init(vkeys_init);
module_exit(vkeys_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A virtual keyboard typing what is written to /proc/vkeys");
