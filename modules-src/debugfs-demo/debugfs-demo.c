// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs-demo: /sys/kernel/debug/debugfs_demo/ with
 *
 *   counter  (0644) a u32 (debugfs_create_u32: "%llu\n", written as a number)
 *   enabled  (0644) a bool ("Y\n"/"N\n", written as y/n/1/0/on/off)
 *   flags    (0444) a read-only x32 ("0x%08llx\n")
 *   summary  (0444) a seq_file made with DEFINE_SHOW_ATTRIBUTE
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/seq_file.h>

static struct dentry *dir;
static u32 counter = 42;
static bool enabled = true;
static u32 flags = 0xbeef;

static int summary_show(struct seq_file *m, void *v)
{
	seq_printf(m, "counter=%u enabled=%s flags=%#x\n", counter, enabled ? "yes" : "no", flags);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(summary);

static int __init debugfs_demo_init(void)
{
	dir = debugfs_create_dir("debugfs_demo", NULL);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	debugfs_create_u32("counter", 0644, dir, &counter);
	debugfs_create_bool("enabled", 0644, dir, &enabled);
	debugfs_create_x32("flags", 0444, dir, &flags);
	debugfs_create_file("summary", 0444, dir, NULL, &summary_fops);
	return 0;
}

static void __exit debugfs_demo_exit(void)
{
	debugfs_remove(dir);
}

module_init(debugfs_demo_init);
module_exit(debugfs_demo_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A debugfs directory with a u32, a bool, an x32 and a seq_file");
