// SPDX-License-Identifier: GPL-2.0
/* The bottom of the stack: exports a function, a GPL-only function and a variable. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/kernel.h>
#include "stack-a.h"

int stack_a_calls;
EXPORT_SYMBOL(stack_a_calls);

int stack_a_add(int a, int b)
{
	stack_a_calls++;
	return a + b;
}
EXPORT_SYMBOL(stack_a_add);

int stack_a_secret(void)
{
	return 42;
}
EXPORT_SYMBOL_GPL(stack_a_secret);

static int __init stack_a_init(void)
{
	pr_info("loaded\n");
	return 0;
}

static void __exit stack_a_exit(void)
{
	pr_info("unloaded after %d calls\n", stack_a_calls);
}

module_init(stack_a_init);
module_exit(stack_a_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Module stacking: the base module");
