// SPDX-License-Identifier: GPL-2.0
/* An init that returns 1 instead of 0: the kernel warns and loads the module anyway. */
#include <linux/module.h>
#include <linux/kernel.h>

static int __init init_positive_init(void)
{
	pr_info("init_positive: returning 1\n");
	return 1;
}

static void __exit init_positive_exit(void)
{
	pr_info("init_positive: exit\n");
}

module_init(init_positive_init);
module_exit(init_positive_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("An init that breaks the 0/-E convention");
