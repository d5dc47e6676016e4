// SPDX-License-Identifier: GPL-2.0
/* The middle of the stack: uses stack-a, exports its own function and variable. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/kernel.h>
#include "stack-a.h"
#include "stack-b.h"

int stack_b_calls;
EXPORT_SYMBOL(stack_b_calls);

int stack_b_twice(int x)
{
	stack_b_calls++;
	return stack_a_add(x, x);
}
EXPORT_SYMBOL(stack_b_twice);

static int __init stack_b_init(void)
{
	pr_info("loaded, 2 + 3 = %d (via stack_a)\n", stack_a_add(2, 3));
	return 0;
}

static void __exit stack_b_exit(void)
{
	pr_info("unloaded\n");
}

module_init(stack_b_init);
module_exit(stack_b_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Module stacking: uses stack_a");
