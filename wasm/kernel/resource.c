// SPDX-License-Identifier: GPL-2.0
/*
 * The resource trees (kernel/resource.c): every I/O port range and memory window a device has, nested
 * by containment under ioport_resource and iomem_resource, shown in /proc/ioports and /proc/iomem.
 * platform_device_add() inserts a device's resources; request_mem_region() claims a busy region inside
 * one, and a second claim of the same range fails. There is no bus behind the addresses (asm/io.h).
 */
#include <linux/ioport.h>
#include <linux/device.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/bug.h>
#include "kernfs-internal.h"

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

static DEFINE_SPINLOCK(resource_lock);

/* Return the conflict entry if you can't request it */
static struct resource *__request_resource(struct resource *root, struct resource *new)
{
	resource_size_t start = new->start;
	resource_size_t end = new->end;
	struct resource *tmp, **p;

	if (end < start)
		return root;
	if (start < root->start)
		return root;
	if (end > root->end)
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

/* Unlinks @old from its parent; with @release_child false its children move up to the parent. */
static int __release_resource(struct resource *old, bool release_child)
{
	struct resource *tmp, **p, *chd;

	p = &old->parent->child;
	for (;;) {
		tmp = *p;
		if (!tmp)
			break;
		if (tmp == old) {
			if (release_child || !(tmp->child)) {
				*p = tmp->sibling;
			} else {
				for (chd = tmp->child;; chd = chd->sibling) {
					chd->parent = tmp->parent;
					if (!(chd->sibling))
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

	spin_lock(&resource_lock);
	conflict = __request_resource(root, new);
	spin_unlock(&resource_lock);
	return conflict;
}

int request_resource(struct resource *root, struct resource *new)
{
	struct resource *conflict = request_resource_conflict(root, new);

	return conflict ? -EBUSY : 0;
}
EXPORT_SYMBOL(request_resource);

int release_resource(struct resource *old)
{
	int retval;

	spin_lock(&resource_lock);
	retval = __release_resource(old, true);
	spin_unlock(&resource_lock);
	return retval;
}
EXPORT_SYMBOL(release_resource);

/* Inserts @new below the deepest resource that contains it; resources @new contains become its children. */
static struct resource *__insert_resource(struct resource *parent, struct resource *new)
{
	struct resource *first, *next;

	for (;; parent = first) {
		first = __request_resource(parent, new);
		if (!first)
			return first;
		if (first == parent)
			return first;
		if (WARN_ON(first == new))	/* duplicated insertion */
			return first;
		if ((first->start > new->start) || (first->end < new->end))
			break;
		if ((first->start == new->start) && (first->end == new->end))
			break;
	}

	for (next = first; ; next = next->sibling) {
		/* Partial overlap? Bad, and unfixable */
		if (next->start < new->start || next->end > new->end)
			return next;
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
	return NULL;
}

struct resource *insert_resource_conflict(struct resource *parent, struct resource *new)
{
	struct resource *conflict;

	spin_lock(&resource_lock);
	conflict = __insert_resource(parent, new);
	spin_unlock(&resource_lock);
	return conflict;
}

int insert_resource(struct resource *parent, struct resource *new)
{
	return insert_resource_conflict(parent, new) ? -EBUSY : 0;
}
EXPORT_SYMBOL_GPL(insert_resource);

struct resource *lookup_resource(struct resource *root, resource_size_t start)
{
	struct resource *res;

	spin_lock(&resource_lock);
	for (res = root->child; res; res = res->sibling)
		if (res->start == start)
			break;
	spin_unlock(&resource_lock);
	return res;
}

/*
 * Claims [start, start + n) inside @parent: a free range below a resource that is not busy itself;
 * NULL when another busy region overlaps it.
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
	res->flags = (parent->flags & IORESOURCE_TYPE_BITS) | IORESOURCE_BUSY | flags;

	spin_lock(&resource_lock);
	for (;;) {
		struct resource *conflict = __request_resource(parent, res);

		if (!conflict)
			break;
		if (conflict != parent && !(conflict->flags & IORESOURCE_BUSY)) {
			parent = conflict;
			continue;
		}
		/* Uhhuh, that didn't work out.. */
		spin_unlock(&resource_lock);
		kfree(res);
		return NULL;
	}
	spin_unlock(&resource_lock);
	return res;
}
EXPORT_SYMBOL(__request_region);

void __release_region(struct resource *parent, resource_size_t start, resource_size_t n)
{
	struct resource **p;
	resource_size_t end = start + n - 1;

	spin_lock(&resource_lock);
	p = &parent->child;
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
			spin_unlock(&resource_lock);
			kfree(res);
			return;
		}
		p = &res->sibling;
	}
	spin_unlock(&resource_lock);
	pr_warn("Trying to free nonexistent resource <%pa-%pa>\n", &start, &end);
}
EXPORT_SYMBOL(__release_region);

/* ---- managed regions ----------------------------------------------------------------------------------- */

struct region_devres {
	struct resource *parent;
	resource_size_t start;
	resource_size_t n;
};

static void devm_region_release(struct device *dev, void *res)
{
	struct region_devres *this = res;

	__release_region(this->parent, this->start, this->n);
}

static int devm_region_match(struct device *dev, void *res, void *match_data)
{
	struct region_devres *this = res, *match = match_data;

	return this->parent == match->parent && this->start == match->start && this->n == match->n;
}

struct resource *__devm_request_region(struct device *dev, struct resource *parent, resource_size_t start,
				       resource_size_t n, const char *name)
{
	struct region_devres *dr;
	struct resource *res;

	dr = devres_alloc(devm_region_release, sizeof(struct region_devres), GFP_KERNEL);
	if (!dr)
		return NULL;
	dr->parent = parent;
	dr->start = start;
	dr->n = n;
	res = __request_region(parent, start, n, name, 0);
	if (res)
		devres_add(dev, dr);
	else
		devres_free(dr);
	return res;
}
EXPORT_SYMBOL(__devm_request_region);

void __devm_release_region(struct device *dev, struct resource *parent, resource_size_t start, resource_size_t n)
{
	struct region_devres match_data = { parent, start, n };

	WARN_ON(devres_release(dev, devm_region_release, devm_region_match, &match_data));
}
EXPORT_SYMBOL(__devm_release_region);

/* ---- /proc/iomem and /proc/ioports ---------------------------------------------------------------------- */

#define MAX_IORES_LEVEL 5

/* Depth first: the child, else the next sibling, else the next sibling of the nearest ancestor. */
static struct resource *next_resource(struct resource *p)
{
	if (p->child)
		return p->child;
	while (!p->sibling && p->parent)
		p = p->parent;
	return p->sibling;
}

static void *r_start(struct seq_file *m, loff_t *pos)
{
	struct resource *root = pde_data(file_inode(m->file));
	struct resource *p = root->child;
	loff_t l = *pos;

	spin_lock(&resource_lock);
	while (p && l--)
		p = next_resource(p);
	return p;
}

static void *r_next(struct seq_file *m, void *v, loff_t *pos)
{
	(*pos)++;
	return next_resource(v);
}

static void r_stop(struct seq_file *m, void *v)
{
	spin_unlock(&resource_lock);
}

static int r_show(struct seq_file *m, void *v)
{
	struct resource *root = pde_data(file_inode(m->file));
	struct resource *r = v, *p;
	int width = root->end < 0x10000 ? 4 : 8;
	int depth;

	for (depth = 0, p = r; depth < MAX_IORES_LEVEL; depth++, p = p->parent)
		if (p->parent == root)
			break;
	seq_printf(m, "%*s%0*llx-%0*llx : %s\n", depth * 2, "", width, (unsigned long long)r->start, width,
		   (unsigned long long)r->end, r->name ? r->name : "<BAD>");
	return 0;
}

static const struct seq_operations resource_op = {
	.start	= r_start,
	.next	= r_next,
	.stop	= r_stop,
	.show	= r_show,
};

int __lkm_entry lkm_init_ioresources(void)
{
	proc_create_seq_data("ioports", 0, NULL, &resource_op, &ioport_resource);
	proc_create_seq_data("iomem", 0, NULL, &resource_op, &iomem_resource);
	return 0;
}
