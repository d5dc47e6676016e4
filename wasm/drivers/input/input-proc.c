// SPDX-License-Identifier: GPL-2.0-only
/*
 * /proc/bus/input/devices and /proc/bus/input/handlers (drivers/input/input.c's procfs half), in
 * Linux's format; a poll on devices wakes when a device or handler comes or goes.
 */
#include <linux/input.h>
#include <linux/poll.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include "input-core.h"

static struct proc_dir_entry *proc_bus_input_dir;
static DECLARE_WAIT_QUEUE_HEAD(input_devices_poll_wait);
static int input_devices_state;

void input_wakeup_procfs_readers(void)
{
	input_devices_state++;
	wake_up(&input_devices_poll_wait);
}

static __poll_t input_proc_devices_poll(struct file *file, poll_table *wait)
{
	struct seq_file *seq = file->private_data;

	poll_wait(file, &input_devices_poll_wait, wait);
	if (seq->poll_event != input_devices_state) {
		seq->poll_event = input_devices_state;
		return EPOLLIN | EPOLLRDNORM;
	}
	return 0;
}

static void *input_devices_seq_start(struct seq_file *seq, loff_t *pos)
{
	mutex_lock(&input_mutex);
	return seq_list_start(&input_dev_list, *pos);
}

static void *input_devices_seq_next(struct seq_file *seq, void *v, loff_t *pos)
{
	return seq_list_next(v, &input_dev_list, pos);
}

static void input_seq_stop(struct seq_file *seq, void *v)
{
	mutex_unlock(&input_mutex);
}

static void input_seq_print_bitmap(struct seq_file *seq, const char *name, const unsigned long *bitmap,
				   int max)
{
	char buf[BITS_TO_LONGS(KEY_MAX) * 9 + 2];

	input_print_bitmap(buf, sizeof(buf), bitmap, max, false);
	seq_printf(seq, "B: %s=%s\n", name, buf);
}

static int input_devices_seq_show(struct seq_file *seq, void *v)
{
	struct input_dev *dev = container_of(v, struct input_dev, node);
	const char *path = kobject_get_path(&dev->dev.kobj, GFP_KERNEL);
	struct input_handle *handle;

	seq_printf(seq, "I: Bus=%04x Vendor=%04x Product=%04x Version=%04x\n", dev->id.bustype,
		   dev->id.vendor, dev->id.product, dev->id.version);
	seq_printf(seq, "N: Name=\"%s\"\n", dev->name ? dev->name : "");
	seq_printf(seq, "P: Phys=%s\n", dev->phys ? dev->phys : "");
	seq_printf(seq, "S: Sysfs=%s\n", path ? path : "");
	seq_printf(seq, "U: Uniq=%s\n", dev->uniq ? dev->uniq : "");
	seq_puts(seq, "H: Handlers=");
	list_for_each_entry(handle, &dev->h_list, d_node)
		seq_printf(seq, "%s ", handle->name);
	seq_putc(seq, '\n');

	input_seq_print_bitmap(seq, "PROP", dev->propbit, INPUT_PROP_MAX);
	input_seq_print_bitmap(seq, "EV", dev->evbit, EV_MAX);
	if (test_bit(EV_KEY, dev->evbit))
		input_seq_print_bitmap(seq, "KEY", dev->keybit, KEY_MAX);
	if (test_bit(EV_REL, dev->evbit))
		input_seq_print_bitmap(seq, "REL", dev->relbit, REL_MAX);
	if (test_bit(EV_ABS, dev->evbit))
		input_seq_print_bitmap(seq, "ABS", dev->absbit, ABS_MAX);
	if (test_bit(EV_MSC, dev->evbit))
		input_seq_print_bitmap(seq, "MSC", dev->mscbit, MSC_MAX);
	if (test_bit(EV_LED, dev->evbit))
		input_seq_print_bitmap(seq, "LED", dev->ledbit, LED_MAX);
	if (test_bit(EV_SND, dev->evbit))
		input_seq_print_bitmap(seq, "SND", dev->sndbit, SND_MAX);
	if (test_bit(EV_FF, dev->evbit))
		input_seq_print_bitmap(seq, "FF", dev->ffbit, FF_MAX);
	if (test_bit(EV_SW, dev->evbit))
		input_seq_print_bitmap(seq, "SW", dev->swbit, SW_MAX);
	seq_putc(seq, '\n');
	kfree(path);
	return 0;
}

static const struct seq_operations input_devices_seq_ops = {
	.start = input_devices_seq_start,
	.next = input_devices_seq_next,
	.stop = input_seq_stop,
	.show = input_devices_seq_show,
};

static int input_proc_devices_open(struct inode *inode, struct file *file)
{
	return seq_open(file, &input_devices_seq_ops);
}

static const struct proc_ops input_devices_proc_ops = {
	.proc_open = input_proc_devices_open,
	.proc_poll = input_proc_devices_poll,
	.proc_read = seq_read,
	.proc_lseek = seq_lseek,
	.proc_release = seq_release,
};

/* The handlers' numbers are their positions in the list, as Linux shows them. */
static void *input_handlers_seq_start(struct seq_file *seq, loff_t *pos)
{
	mutex_lock(&input_mutex);
	return seq_list_start(&input_handler_list, *pos);
}

static void *input_handlers_seq_next(struct seq_file *seq, void *v, loff_t *pos)
{
	return seq_list_next(v, &input_handler_list, pos);
}

static int input_handlers_seq_show(struct seq_file *seq, void *v)
{
	struct input_handler *handler = container_of(v, struct input_handler, node);
	struct list_head *p;
	unsigned int pos = 0;

	list_for_each(p, &input_handler_list) {
		if (p == v)
			break;
		pos++;
	}
	seq_printf(seq, "N: Number=%u Name=%s", pos, handler->name);
	if (handler->filter)
		seq_puts(seq, " (filter)");
	if (handler->legacy_minors)
		seq_printf(seq, " Minor=%d", handler->minor);
	seq_putc(seq, '\n');
	return 0;
}

static const struct seq_operations input_handlers_seq_ops = {
	.start = input_handlers_seq_start,
	.next = input_handlers_seq_next,
	.stop = input_seq_stop,
	.show = input_handlers_seq_show,
};

int input_proc_init(void)
{
	/* /proc/bus is proc_root_init()'s in Linux; the input core is its first user here. */
	if (!proc_mkdir("bus", NULL))
		return -ENOMEM;
	proc_bus_input_dir = proc_mkdir("bus/input", NULL);
	if (!proc_bus_input_dir)
		return -ENOMEM;
	if (!proc_create("devices", 0, proc_bus_input_dir, &input_devices_proc_ops) ||
	    !proc_create_seq("handlers", 0, proc_bus_input_dir, &input_handlers_seq_ops)) {
		remove_proc_subtree("bus/input", NULL);
		return -ENOMEM;
	}
	return 0;
}
