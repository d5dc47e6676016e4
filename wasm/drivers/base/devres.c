// SPDX-License-Identifier: GPL-2.0
/*
 * Managed resources (drivers/base/devres.c): memory and actions tied to a device, released in
 * reverse order when its driver unbinds, when probe fails, or when the device goes. Memory is
 * charged to the module that asked for it (as kmalloc's is), so what is never released shows as
 * that module's leak.
 */
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/bug.h>
#include "base.h"

struct devres_node {
	struct list_head	entry;
	dr_release_t		release;
	const char		*name;
	size_t			size;
};

struct devres {
	struct devres_node	node;
	/* The data drivers see, aligned as kmalloc's memory is. */
	u8 __aligned(16)	data[];
};

static struct devres *alloc_dr(dr_release_t release, size_t size, gfp_t gfp, struct module *owner)
{
	struct devres *dr;
	size_t tot_size;

	if (unlikely(check_add_overflow(sizeof(struct devres), size, &tot_size)))
		return NULL;
	dr = __lkm_kmalloc(tot_size, gfp, owner);
	if (unlikely(!dr))
		return NULL;
	/* No need to clear memory twice */
	if (!(gfp & __GFP_ZERO))
		memset(dr, 0, offsetof(struct devres, data));
	INIT_LIST_HEAD(&dr->node.entry);
	dr->node.release = release;
	return dr;
}

void *__lkm_devres_alloc(dr_release_t release, size_t size, gfp_t gfp, const char *name, struct module *owner)
{
	struct devres *dr = alloc_dr(release, size, gfp | __GFP_ZERO, owner);

	if (unlikely(!dr))
		return NULL;
	dr->node.name = name;
	dr->node.size = size;
	return dr->data;
}
EXPORT_SYMBOL_GPL(__lkm_devres_alloc);

void devres_free(void *res)
{
	if (res) {
		struct devres *dr = container_of(res, struct devres, data);

		BUG_ON(!list_empty(&dr->node.entry));
		kfree(dr);
	}
}
EXPORT_SYMBOL_GPL(devres_free);

void devres_add(struct device *dev, void *res)
{
	struct devres *dr = container_of(res, struct devres, data);
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	list_add_tail(&dr->node.entry, &dev->devres_head);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
}
EXPORT_SYMBOL_GPL(devres_add);

static struct devres *find_dr(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	struct devres_node *node;

	/* The newest first, as Linux searches. */
	list_for_each_entry_reverse(node, &dev->devres_head, entry) {
		struct devres *dr = container_of(node, struct devres, node);

		if (node->release != release)
			continue;
		if (match && !match(dev, dr->data, match_data))
			continue;
		return dr;
	}
	return NULL;
}

void *devres_find(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, release, match, match_data);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return dr ? dr->data : NULL;
}
EXPORT_SYMBOL_GPL(devres_find);

void *devres_remove(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	struct devres *dr;
	unsigned long flags;

	spin_lock_irqsave(&dev->devres_lock, flags);
	dr = find_dr(dev, release, match, match_data);
	if (dr)
		list_del_init(&dr->node.entry);
	spin_unlock_irqrestore(&dev->devres_lock, flags);
	return dr ? dr->data : NULL;
}
EXPORT_SYMBOL_GPL(devres_remove);

int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (unlikely(!res))
		return -ENOENT;
	devres_free(res);
	return 0;
}
EXPORT_SYMBOL_GPL(devres_destroy);

int devres_release(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (unlikely(!res))
		return -ENOENT;
	release(dev, res);
	devres_free(res);
	return 0;
}
EXPORT_SYMBOL_GPL(devres_release);

/* Every resource of @dev, the newest first; a release may add new ones, which go too. */
void devres_release_all(struct device *dev)
{
	unsigned long flags;
	LIST_HEAD(todo);

	/* Looks like an uninitialized device structure */
	if (WARN_ON(dev->devres_head.next == NULL))
		return;
	spin_lock_irqsave(&dev->devres_lock, flags);
	list_splice_init(&dev->devres_head, &todo);
	spin_unlock_irqrestore(&dev->devres_lock, flags);

	while (!list_empty(&todo)) {
		struct devres *dr = list_last_entry(&todo, struct devres, node.entry);

		list_del_init(&dr->node.entry);
		dr->node.release(dev, dr->data);
		kfree(dr);
	}
}

/* ---- managed memory ---------------------------------------------------------------------------------- */

static void devm_kmalloc_release(struct device *dev, void *res)
{
	/* noop */
}

static int devm_kmalloc_match(struct device *dev, void *res, void *data)
{
	return res == data;
}

void *__lkm_devm_kmalloc(struct device *dev, size_t size, gfp_t gfp, struct module *owner)
{
	struct devres *dr;

	if (unlikely(!size))
		return ZERO_SIZE_PTR;
	dr = alloc_dr(devm_kmalloc_release, size, gfp, owner);
	if (unlikely(!dr))
		return NULL;
	dr->node.name = "devm_kzalloc_release";
	dr->node.size = size;
	devres_add(dev, dr->data);
	return dr->data;
}
EXPORT_SYMBOL_GPL(__lkm_devm_kmalloc);

void devm_kfree(struct device *dev, const void *p)
{
	int rc;

	if (unlikely(ZERO_OR_NULL_PTR(p)))
		return;
	rc = devres_destroy(dev, devm_kmalloc_release, devm_kmalloc_match, (void *)p);
	WARN_ON(rc);
}
EXPORT_SYMBOL_GPL(devm_kfree);

char *__lkm_devm_kvasprintf(struct device *dev, gfp_t gfp, struct module *owner, const char *fmt, va_list ap)
{
	unsigned int len;
	char *p;
	va_list aq;

	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);

	p = __lkm_devm_kmalloc(dev, len + 1, gfp, owner);
	if (!p)
		return NULL;
	vsnprintf(p, len + 1, fmt, ap);
	return p;
}
EXPORT_SYMBOL(__lkm_devm_kvasprintf);

char *__lkm_devm_kasprintf(struct device *dev, gfp_t gfp, struct module *owner, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = __lkm_devm_kvasprintf(dev, gfp, owner, fmt, ap);
	va_end(ap);
	return p;
}
EXPORT_SYMBOL_GPL(__lkm_devm_kasprintf);

/* ---- managed actions --------------------------------------------------------------------------------- */

struct action_devres {
	void *data;
	void (*action)(void *);
};

static int devm_action_match(struct device *dev, void *res, void *p)
{
	struct action_devres *devres = res;
	struct action_devres *target = p;

	return devres->action == target->action && devres->data == target->data;
}

static void devm_action_release(struct device *dev, void *res)
{
	struct action_devres *devres = res;

	devres->action(devres->data);
}

int __lkm_devm_add_action(struct device *dev, void (*action)(void *), void *data, const char *name,
			  struct module *owner)
{
	struct action_devres *devres;

	devres = __lkm_devres_alloc(devm_action_release, sizeof(struct action_devres), GFP_KERNEL, name, owner);
	if (!devres)
		return -ENOMEM;
	devres->data = data;
	devres->action = action;
	devres_add(dev, devres);
	return 0;
}
EXPORT_SYMBOL_GPL(__lkm_devm_add_action);

void devm_remove_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres devres = {
		.data = data,
		.action = action,
	};

	WARN_ON(devres_destroy(dev, devm_action_release, devm_action_match, &devres));
}
EXPORT_SYMBOL_GPL(devm_remove_action);

void devm_release_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres devres = {
		.data = data,
		.action = action,
	};

	WARN_ON(devres_release(dev, devm_action_release, devm_action_match, &devres));
}
EXPORT_SYMBOL_GPL(devm_release_action);
