// SPDX-License-Identifier: GPL-2.0
/* Before Linux 2.4 every module had to call its entry points init_module and cleanup_module. */
#include <linux/module.h>
#include <linux/kernel.h>

int init_module(void)
{
	printk(KERN_INFO "Hello world 1.\n");
	/* A non-zero return means init_module failed; the module can't be loaded. */
	return 0;
}

void cleanup_module(void)
{
	printk(KERN_INFO "Goodbye world 1.\n");
}

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Hello world with the pre-2.4 entry point names");
