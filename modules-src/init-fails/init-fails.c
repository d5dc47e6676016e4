// SPDX-License-Identifier: GPL-2.0
/* A driver whose hardware is absent: init fails with -ENODEV and the module is not loaded. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/errno.h>

static int __init init_fails_init(void)
{
	pr_err("no device found\n");
	return -ENODEV;
}

static void __exit init_fails_exit(void)
{
	pr_info("never printed\n");
}

module_init(init_fails_init);
module_exit(init_fails_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("An init that fails with -ENODEV");
