// SPDX-License-Identifier: GPL-2.0
/* A module as another project has one: a line in the log at load, one at unload, a parameter. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static char *whom = "world";
module_param(whom, charp, 0444);
MODULE_PARM_DESC(whom, "Who to greet");

static int __init hello_init(void)
{
	pr_info("Hello, %s\n", whom);
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("Goodbye, %s\n", whom);
}

module_init(hello_init);
module_exit(hello_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Hello world, tested with lkm-wasm/vitest");
