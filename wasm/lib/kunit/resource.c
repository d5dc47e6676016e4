// SPDX-License-Identifier: GPL-2.0
/*
 * Test-managed resources and deferred actions (Linux 6.12's lib/kunit/resource.c and the allocation
 * half of test.c): released last-added-first when the case ends, or earlier on request.
 */
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/string.h>

void kunit_release_resource(struct kref *kref)
{
	struct kunit_resource *res = container_of(kref, struct kunit_resource, refcount);

	if (res->free)
		res->free(res);
	if (res->should_kfree)
		kfree(res);
}
EXPORT_SYMBOL_GPL(kunit_release_resource);

int __kunit_add_resource(struct kunit *test, kunit_resource_init_t init, kunit_resource_free_t free,
			 struct kunit_resource *res, void *data)
{
	unsigned long flags;
	int ret = 0;

	res->free = free;
	kref_init(&res->refcount);
	if (init) {
		ret = init(res, data);
		if (ret)
			return ret;
	} else {
		res->data = data;
	}
	spin_lock_irqsave(&test->lock, flags);
	list_add_tail(&res->node, &test->resources);
	spin_unlock_irqrestore(&test->lock, flags);
	return 0;
}
EXPORT_SYMBOL_GPL(__kunit_add_resource);

struct kunit_resource *kunit_find_resource(struct kunit *test, kunit_resource_match_t match,
					   void *match_data)
{
	struct kunit_resource *res, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&test->lock, flags);
	list_for_each_entry_reverse(res, &test->resources, node) {
		if (match(test, res, match_data)) {
			found = res;
			kunit_get_resource(found);
			break;
		}
	}
	spin_unlock_irqrestore(&test->lock, flags);
	return found;
}
EXPORT_SYMBOL_GPL(kunit_find_resource);

struct kunit_resource *kunit_find_named_resource(struct kunit *test, const char *name)
{
	return kunit_find_resource(test, kunit_resource_name_match, (void *)name);
}
EXPORT_SYMBOL_GPL(kunit_find_named_resource);

void kunit_remove_resource(struct kunit *test, struct kunit_resource *res)
{
	unsigned long flags;
	bool was_linked;

	spin_lock_irqsave(&test->lock, flags);
	was_linked = !list_empty(&res->node);
	list_del_init(&res->node);
	spin_unlock_irqrestore(&test->lock, flags);
	/* The test's reference goes with the list entry. */
	if (was_linked)
		kunit_put_resource(res);
}
EXPORT_SYMBOL_GPL(kunit_remove_resource);

int kunit_destroy_resource(struct kunit *test, kunit_resource_match_t match, void *match_data)
{
	struct kunit_resource *res = kunit_find_resource(test, match, match_data);

	if (!res)
		return -ENOENT;
	kunit_remove_resource(test, res);
	kunit_put_resource(res); /* the reference kunit_find_resource() took */
	return 0;
}
EXPORT_SYMBOL_GPL(kunit_destroy_resource);

/* Called with the case's end: every resource released, newest first. */
void kunit_cleanup(struct kunit *test)
{
	struct kunit_resource *res;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&test->lock, flags);
		if (list_empty(&test->resources)) {
			spin_unlock_irqrestore(&test->lock, flags);
			break;
		}
		res = list_last_entry(&test->resources, struct kunit_resource, node);
		list_del_init(&res->node);
		spin_unlock_irqrestore(&test->lock, flags);
		kunit_put_resource(res);
	}
}
EXPORT_SYMBOL_GPL(kunit_cleanup);

struct kunit_action_ctx {
	struct kunit_resource res;
	kunit_action_t *func;
	void *ctx;
};

static void run_action(struct kunit_resource *res)
{
	struct kunit_action_ctx *a = container_of(res, struct kunit_action_ctx, res);

	a->func(a->ctx);
}

int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct kunit_action_ctx *a;

	KUNIT_ASSERT_NOT_NULL_MSG(test, action, "Tried to action a NULL function!");
	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	a->func = action;
	a->ctx = ctx;
	a->res.should_kfree = true;
	/* The resource is the first member, so freeing it frees the whole record. */
	__kunit_add_resource(test, NULL, run_action, &a->res, ctx);
	return 0;
}
EXPORT_SYMBOL_GPL(kunit_add_action);

int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action, void *ctx)
{
	int res = kunit_add_action(test, action, ctx);

	if (res)
		action(ctx);
	return res;
}
EXPORT_SYMBOL_GPL(kunit_add_action_or_reset);

static bool action_match(struct kunit *test, struct kunit_resource *res, void *match_data)
{
	const struct kunit_action_ctx *want = match_data;
	const struct kunit_action_ctx *a;

	if (res->free != run_action)
		return false;
	a = container_of(res, struct kunit_action_ctx, res);
	return a->func == want->func && a->ctx == want->ctx;
}

static struct kunit_resource *find_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct kunit_action_ctx want = { .func = action, .ctx = ctx };

	return kunit_find_resource(test, action_match, &want);
}

void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct kunit_resource *res = find_action(test, action, ctx);

	if (!res)
		return;
	/* Not run: the release must not call the action. */
	res->free = NULL;
	kunit_remove_resource(test, res);
	kunit_put_resource(res);
}
EXPORT_SYMBOL_GPL(kunit_remove_action);

void kunit_release_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	struct kunit_resource *res = find_action(test, action, ctx);

	if (!res)
		return;
	kunit_remove_resource(test, res);
	kunit_put_resource(res);
}
EXPORT_SYMBOL_GPL(kunit_release_action);

static void kfree_action(void *p)
{
	kfree(p);
}

void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp)
{
	void *data = kmalloc_array(n, size, gfp);

	if (!data)
		return NULL;
	if (kunit_add_action_or_reset(test, kfree_action, data) != 0)
		return NULL;
	return data;
}
EXPORT_SYMBOL_GPL(kunit_kmalloc_array);

void kunit_kfree(struct kunit *test, const void *ptr)
{
	if (!ptr)
		return;
	kunit_release_action(test, kfree_action, (void *)ptr);
}
EXPORT_SYMBOL_GPL(kunit_kfree);

/* A string this test did not allocate (a constant) is not among its resources: nothing happens. */
void kunit_kfree_const(struct kunit *test, const void *x)
{
	kunit_kfree(test, x);
}
EXPORT_SYMBOL_GPL(kunit_kfree_const);

char *kunit_kstrdup(struct kunit *test, const char *str, gfp_t gfp)
{
	char *buf = kstrdup(str, gfp);

	if (buf && kunit_add_action_or_reset(test, kfree_action, buf))
		return NULL;
	return buf;
}
EXPORT_SYMBOL_GPL(kunit_kstrdup);

/* Always a copy, as kstrdup_const() is here (no shared .rodata). */
const char *kunit_kstrdup_const(struct kunit *test, const char *str, gfp_t gfp)
{
	return kunit_kstrdup(test, str, gfp);
}
EXPORT_SYMBOL_GPL(kunit_kstrdup_const);
