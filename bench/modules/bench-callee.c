// SPDX-License-Identifier: GPL-2.0
/* The provider side of the call benchmark: one exported function. */
#include <linux/module.h>

noinline int bench_add(int a, int b)
{
	return a + b;
}
EXPORT_SYMBOL(bench_add);

MODULE_LICENSE("GPL");
