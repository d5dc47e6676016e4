// SPDX-License-Identifier: GPL-2.0
/* lib/memcat_p.c: concatenation of two NULL-terminated pointer arrays into a new one (kfree() it). */
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/string.h>

void **__memcat_p(void **a, void **b)
{
	size_t na = 0, nb = 0;
	void **out;

	while (a[na])
		na++;
	while (b[nb])
		nb++;
	out = kmalloc_array(na + nb + 1, sizeof(void *), GFP_KERNEL);
	if (!out)
		return NULL;
	memcpy(out, a, na * sizeof(void *));
	memcpy(out + na, b, nb * sizeof(void *));
	out[na + nb] = NULL;
	return out;
}
EXPORT_SYMBOL_GPL(__memcat_p);
