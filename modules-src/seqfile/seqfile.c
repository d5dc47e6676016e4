// SPDX-License-Identifier: GPL-2.0
/*
 * seqfile: two seq_file iterators in /proc/seqfile/.
 *
 *   counter  every open shows one more record than the one before: a header (SEQ_START_TOKEN), then
 *            "record I: I*I" for each record of this generation.
 *   wide     three records of 11, 5001 and 9001 bytes: wider than the first buffer (one page), so
 *            seq_read() drops the overflowing record, doubles its buffer and shows it again.
 *
 * show_calls (a read-only parameter) counts the calls of the show functions.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static unsigned int show_calls;
module_param(show_calls, uint, 0444);
MODULE_PARM_DESC(show_calls, "Calls of the show() functions so far");

static unsigned long generation;
static struct proc_dir_entry *dir;

/* ---- counter: the records of one generation ---------------------------------------------------- */

static void *counter_start(struct seq_file *m, loff_t *pos)
{
	unsigned long records = (unsigned long)m->private;

	if (*pos == 0)
		return SEQ_START_TOKEN;
	/* Record I is the pointer value I + 1: 1 is SEQ_START_TOKEN. */
	return *pos <= records ? (void *)(unsigned long)(*pos + 1) : NULL;
}

static void *counter_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return counter_start(m, pos);
}

static void counter_stop(struct seq_file *m, void *v)
{
}

static int counter_show(struct seq_file *m, void *v)
{
	unsigned long i = (unsigned long)v - 1;

	show_calls++;
	if (v == SEQ_START_TOKEN) {
		seq_printf(m, "generation %lu\n", (unsigned long)m->private);
		return 0;
	}
	seq_puts(m, "record");
	seq_put_decimal_ull(m, " ", i);
	seq_putc(m, ':');
	seq_put_decimal_ull(m, " ", (unsigned long long)i * i);
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations counter_sops = {
	.start	= counter_start,
	.next	= counter_next,
	.stop	= counter_stop,
	.show	= counter_show,
};

static int counter_open(struct inode *inode, struct file *file)
{
	int ret = seq_open(file, &counter_sops);

	if (!ret)
		((struct seq_file *)file->private_data)->private = (void *)++generation;
	return ret;
}

static const struct proc_ops counter_ops = {
	.proc_open	= counter_open,
	.proc_read	= seq_read,
	.proc_lseek	= seq_lseek,
	.proc_release	= seq_release,
};

/* ---- wide: records wider than a page ------------------------------------------------------------ */

static const unsigned int widths[] = { 8, 4998, 8998 };

static void *wide_start(struct seq_file *m, loff_t *pos)
{
	return *pos < ARRAY_SIZE(widths) ? (void *)&widths[*pos] : NULL;
}

static void *wide_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return wide_start(m, pos);
}

static void wide_stop(struct seq_file *m, void *v)
{
}

static int wide_show(struct seq_file *m, void *v)
{
	unsigned int width = *(const unsigned int *)v;
	unsigned int i;

	show_calls++;
	seq_printf(m, "%u:", (unsigned int)(((const unsigned int *)v) - widths));
	for (i = 0; i < width; i++)
		seq_putc(m, 'a' + i % 26);
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations wide_sops = {
	.start	= wide_start,
	.next	= wide_next,
	.stop	= wide_stop,
	.show	= wide_show,
};

static int __init seqfile_init(void)
{
	dir = proc_mkdir("seqfile", NULL);
	if (!dir)
		return -ENOMEM;
	if (!proc_create("counter", 0444, dir, &counter_ops) ||
	    !proc_create_seq("wide", 0444, dir, &wide_sops)) {
		proc_remove(dir);
		return -ENOMEM;
	}
	return 0;
}

static void __exit seqfile_exit(void)
{
	proc_remove(dir);
}

module_init(seqfile_init);
module_exit(seqfile_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("seq_file iterators: a growing counter and records wider than a page");
