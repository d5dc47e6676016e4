// SPDX-License-Identifier: GPL-2.0
/* The classic first module: a line in the kernel log when it is loaded and one when it goes. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/kernel.h>

static int __init hello_init(void)
{
	pr_info("Hello, world\n");
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("Goodbye, world\n");
}

module_init(hello_init);
module_exit(hello_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("lkm-wasm developers");
MODULE_DESCRIPTION("Hello world: the smallest useful module");
MODULE_VERSION("1.0");
