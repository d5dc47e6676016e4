// SPDX-License-Identifier: GPL-2.0
/*
 * I/O resources (kernel/resource.c): the port and memory trees, request_region()/request_mem_region()
 * and their release with Linux's nesting rules (a request goes inside a non-busy resource it falls in
 * and fails on a busy one), and /proc/ioports and /proc/iomem as Linux prints them.
 */
#include <linux/export.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/rwlock.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include "host.h"

struct resource ioport_resource = {
	.name	= "PCI IO",
	.start	= 0,
	.end	= IO_SPACE_LIMIT,
	.flags	= IORESOURCE_IO,
};
EXPORT_SYMBOL(ioport_resource);

struct resource iomem_resource = {
	.name	= "PCI mem",
	.start	= 0,
	.end	= -1,
	.flags	= IORESOURCE_MEM,
};
EXPORT_SYMBOL(iomem_resource);

static DEFINE_RWLOCK(resource_lock);

/* Depth-first order, as /proc/iomem lists the tree. */
static struct resource *next_resource(struct resource *p)
{
	if (p->child)
		return p->child;
	while (!p->sibling && p->parent)
		p = p->parent;
	return p->sibling;
}

enum { MAX_IORES_LEVEL = 5 };

static void *r_start(struct seq_file *m, loff_t *pos)
{
	struct resource *root = pde_data(file_inode(m->file)), *p;
	loff_t l = *pos;

	read_lock(&resource_lock);
	for (p = root->child; p; p = next_resource(p))
		if (l-- == 0)
			break;
	return p;
}

static void *r_next(struct seq_file *m, void *v, loff_t *pos)
{
	(*pos)++;
	return next_resource(v);
}

static void r_stop(struct seq_file *m, void *v)
{
	read_unlock(&resource_lock);
}

/* "  0378-037a : parport0": two spaces a level, 4 hex digits for the port space and 8 for memory. */
static int r_show(struct seq_file *m, void *v)
{
	struct resource *root = pde_data(file_inode(m->file)), *r = v, *p;
	int width = root->end < 0x10000 ? 4 : 8;
	int depth;

	for (depth = 0, p = r; depth < MAX_IORES_LEVEL; depth++, p = p->parent)
		if (p->parent == root)
			break;
	/* Every task is root here (CAP_SYS_ADMIN): the addresses are shown, not zeros. */
	seq_printf(m, "%*s%0*llx-%0*llx : %s\n", depth * 2, "", width, (unsigned long long)r->start,
		   width, (unsigned long long)r->end, r->name ? r->name : "<BAD>");
	return 0;
}

static const struct seq_operations resource_op = {
	.start	= r_start,
	.next	= r_next,
	.stop	= r_stop,
	.show	= r_show,
};

/* Boot (an lkm_init_ entry, as Linux's __initcall(ioresources_init)). */
int __lkm_entry lkm_init_ioresources(void)
{
	proc_create_seq_data("ioports", 0, NULL, &resource_op, &ioport_resource);
	proc_create_seq_data("iomem", 0, NULL, &resource_op, &iomem_resource);
	return 0;
}

/* Inserts @new among @root's children, or returns what it conflicts with (@root when out of range). */
static struct resource *__request_resource(struct resource *root, struct resource *new)
{
	resource_size_t start = new->start, end = new->end;
	struct resource *tmp, **p;

	if (end < start || start < root->start || end > root->end)
		return root;
	p = &root->child;
	for (;;) {
		tmp = *p;
		if (!tmp || tmp->start > end) {
			new->sibling = tmp;
			*p = new;
			new->parent = root;
			return NULL;
		}
		p = &tmp->sibling;
		if (tmp->end < start)
			continue;
		return tmp;
	}
}

/* Unlinks @old; its children move up into its place unless @release_child. */
static int __release_resource(struct resource *old, bool release_child)
{
	struct resource *tmp, **p, *chd;

	if (!old->parent)
		return -EINVAL;
	p = &old->parent->child;
	for (;;) {
		tmp = *p;
		if (!tmp)
			break;
		if (tmp == old) {
			if (release_child || !tmp->child) {
				*p = tmp->sibling;
			} else {
				for (chd = tmp->child;; chd = chd->sibling) {
					chd->parent = tmp->parent;
					if (!chd->sibling)
						break;
				}
				*p = tmp->child;
				chd->sibling = tmp->sibling;
			}
			old->parent = NULL;
			return 0;
		}
		p = &tmp->sibling;
	}
	return -EINVAL;
}

struct resource *request_resource_conflict(struct resource *root, struct resource *new)
{
	struct resource *conflict;

	write_lock(&resource_lock);
	conflict = __request_resource(root, new);
	write_unlock(&resource_lock);
	return conflict;
}
EXPORT_SYMBOL(request_resource_conflict);

int request_resource(struct resource *root, struct resource *new)
{
	return request_resource_conflict(root, new) ? -EBUSY : 0;
}
EXPORT_SYMBOL(request_resource);

int release_resource(struct resource *old)
{
	int ret;

	write_lock(&resource_lock);
	ret = __release_resource(old, true);
	write_unlock(&resource_lock);
	return ret;
}
EXPORT_SYMBOL(release_resource);

/*
 * insert_resource(): @new goes where it fits, adopting the existing resources it covers whole; one it
 * overlaps only in part makes it fail (-EBUSY).
 */
int insert_resource(struct resource *parent, struct resource *new)
{
	struct resource *first, *next;
	int ret = -EBUSY;

	write_lock(&resource_lock);
	for (;; parent = first) {
		first = __request_resource(parent, new);
		if (!first) {
			ret = 0;
			goto out;
		}
		if (first == parent || first == new)
			goto out;
		if (first->start > new->start || first->end < new->end)
			break;
		if (first->start == new->start && first->end == new->end)
			break;
	}
	for (next = first;; next = next->sibling) {
		if (next->start < new->start || next->end > new->end)
			goto out;
		if (!next->sibling)
			break;
		if (next->sibling->start > new->end)
			break;
	}
	new->parent = parent;
	new->sibling = next->sibling;
	new->child = first;
	next->sibling = NULL;
	for (next = first; next; next = next->sibling)
		next->parent = new;
	if (parent->child == first) {
		parent->child = new;
	} else {
		next = parent->child;
		while (next->sibling != first)
			next = next->sibling;
		next->sibling = new;
	}
	ret = 0;
out:
	write_unlock(&resource_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(insert_resource);

int region_intersects(resource_size_t start, size_t size, unsigned long flags, unsigned long desc)
{
	struct resource res = { .start = start, .end = start + size - 1 }, *p;
	int type = 0, other = 0;

	read_lock(&resource_lock);
	for (p = iomem_resource.child; p; p = p->sibling) {
		bool is_type = (p->flags & flags) == flags && (desc == IORES_DESC_NONE || desc == p->desc);

		if (resource_overlaps(p, &res))
			is_type ? type++ : other++;
	}
	read_unlock(&resource_lock);
	return !type ? REGION_DISJOINT : !other ? REGION_INTERSECTS : REGION_MIXED;
}
EXPORT_SYMBOL_GPL(region_intersects);

/*
 * A busy region [start, start + n) named @name (the string is kept, not copied, as on Linux). It nests
 * inside a non-busy resource it falls in; a busy one in the way makes it fail: NULL. A muxed region
 * whose holder is muxed too would wait on Linux; here it fails the same way (nothing else runs meanwhile
 * to release it).
 */
struct resource *__request_region(struct resource *parent, resource_size_t start, resource_size_t n,
				  const char *name, int flags)
{
	struct resource *res = kzalloc(sizeof(*res), GFP_KERNEL);

	if (!res)
		return NULL;
	res->name = name;
	res->start = start;
	res->end = start + n - 1;
	write_lock(&resource_lock);
	for (;;) {
		struct resource *conflict;

		res->flags = resource_type(parent) | resource_ext_type(parent);
		res->flags |= IORESOURCE_BUSY | flags;
		res->desc = parent->desc;
		conflict = __request_resource(parent, res);
		if (!conflict)
			break;
		if (conflict != parent && !(conflict->flags & IORESOURCE_BUSY)) {
			parent = conflict;
			continue;
		}
		write_unlock(&resource_lock);
		kfree(res);
		return NULL;
	}
	write_unlock(&resource_lock);
	return res;
}
EXPORT_SYMBOL(__request_region);

/* Frees the busy region that is exactly [start, start + n); anything else is warned about. */
void __release_region(struct resource *parent, resource_size_t start, resource_size_t n)
{
	resource_size_t end = start + n - 1;
	struct resource **p = &parent->child;

	write_lock(&resource_lock);
	for (;;) {
		struct resource *res = *p;

		if (!res)
			break;
		if (res->start <= start && res->end >= end) {
			if (!(res->flags & IORESOURCE_BUSY)) {
				p = &res->child;
				continue;
			}
			if (res->start != start || res->end != end)
				break;
			*p = res->sibling;
			write_unlock(&resource_lock);
			kfree(res);
			return;
		}
		p = &res->sibling;
	}
	write_unlock(&resource_lock);
	pr_warn("Trying to free nonexistent resource <%pa-%pa>\n", &start, &end);
}
EXPORT_SYMBOL(__release_region);
