// SPDX-License-Identifier: GPL-2.0
/*
 * The caller side: the same loop once through another module's export (a direct wasm call to an
 * import) and once through a local function. The host calls each loop once; the difference per
 * iteration is what a module-to-module call costs.
 */
#include <linux/module.h>

extern int bench_add(int a, int b);

static noinline int local_add(int a, int b)
{
	__asm__ volatile("" ::: "memory");
	return a + b;
}

int bench_loop_cross(int n)
{
	int s = 0;

	for (int i = 0; i < n; i++)
		s = bench_add(s, i);
	return s;
}
EXPORT_SYMBOL(bench_loop_cross);

int bench_loop_local(int n)
{
	int s = 0;

	for (int i = 0; i < n; i++)
		s = local_add(s, i);
	return s;
}
EXPORT_SYMBOL(bench_loop_local);

MODULE_LICENSE("GPL");
