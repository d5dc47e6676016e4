// SPDX-License-Identifier: GPL-2.0
/* The top of the stack: uses stack-b and stack-a, functions and variables of both. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/kernel.h>
#include "stack-a.h"
#include "stack-b.h"
#include "stack-c.h"

int stack_c_calls;
EXPORT_SYMBOL(stack_c_calls);

int stack_c_sum(int x)
{
	stack_c_calls++;
	return stack_b_twice(x) + stack_a_add(x, 1);
}
EXPORT_SYMBOL(stack_c_sum);

static int __init stack_c_init(void)
{
	int r = stack_c_sum(10);

	pr_info("loaded, stack_c_sum(10) = %d, secret %d, calls a=%d b=%d\n",
		r, stack_a_secret(), stack_a_calls, stack_b_calls);
	return 0;
}

static void __exit stack_c_exit(void)
{
	pr_info("unloaded\n");
}

module_init(stack_c_init);
module_exit(stack_c_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Module stacking: uses stack_b and stack_a");
