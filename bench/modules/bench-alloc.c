// SPDX-License-Identifier: GPL-2.0
/*
 * Allocation cost with and without provenance (npm run bench, faults): writing N to the `tagged`
 * parameter makes N kmalloc(64)/kfree pairs through the kmalloc() macro (alloc_hooks records the call
 * site), to `untagged` N through the inline function itself ((kmalloc)(…): no macro, no tag). Loading
 * with count=N allocates N objects in init and frees them all on failure (the sweep's subject).
 */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/kstrtox.h>

static int count;
module_param(count, int, 0);
static void **objs;

static int loop(const char *val, bool tagged)
{
	int i, n, err = kstrtoint(val, 0, &n);

	if (err)
		return err;
	for (i = 0; i < n; i++) {
		void *p = tagged ? kmalloc(64, GFP_KERNEL) : (kmalloc)(64, GFP_KERNEL);

		if (!p)
			return -ENOMEM;
		kfree(p);
	}
	return 0;
}

static int tagged_set(const char *val, const struct kernel_param *kp) { return loop(val, true); }
static int untagged_set(const char *val, const struct kernel_param *kp) { return loop(val, false); }
static const struct kernel_param_ops tagged_ops = { .set = tagged_set };
static const struct kernel_param_ops untagged_ops = { .set = untagged_set };
module_param_cb(tagged, &tagged_ops, NULL, 0200);
module_param_cb(untagged, &untagged_ops, NULL, 0200);

static void free_objs(int n)
{
	while (n--)
		kfree(objs[n]);
	kfree(objs);
}

static int __init bench_alloc_init(void)
{
	int i;

	if (!count)
		return 0;
	objs = kcalloc(count, sizeof(*objs), GFP_KERNEL);
	if (!objs)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		objs[i] = kmalloc(32, GFP_KERNEL);
		if (!objs[i]) {
			free_objs(i);
			return -ENOMEM;
		}
	}
	return 0;
}

static void __exit bench_alloc_exit(void)
{
	if (count)
		free_objs(count);
}
module_init(bench_alloc_init);
module_exit(bench_alloc_exit);
MODULE_LICENSE("GPL");
