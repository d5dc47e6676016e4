/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test-managed resources (Linux 6.12's <kunit/resource.h>): anything added to a test is released, last
 * added first, when the case ends (lib/kunit/resource.c).
 */
#ifndef _KUNIT_RESOURCE_H
#define _KUNIT_RESOURCE_H

#include <kunit/test.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct kunit_resource;

typedef int (*kunit_resource_init_t)(struct kunit_resource *, void *);
typedef void (*kunit_resource_free_t)(struct kunit_resource *);

struct kunit_resource {
	void *data;
	const char *name;
	kunit_resource_free_t free;

	/* private: internal use only. */
	struct kref refcount;
	struct list_head node;
	bool should_kfree;
};

void kunit_release_resource(struct kref *kref);

static inline void kunit_get_resource(struct kunit_resource *res)
{
	kref_get(&res->refcount);
}

static inline void kunit_put_resource(struct kunit_resource *res)
{
	kref_put(&res->refcount, kunit_release_resource);
}

int __kunit_add_resource(struct kunit *test, kunit_resource_init_t init, kunit_resource_free_t free,
			 struct kunit_resource *res, void *data);

static inline int kunit_add_resource(struct kunit *test, kunit_resource_init_t init,
				     kunit_resource_free_t free, struct kunit_resource *res, void *data)
{
	res->should_kfree = false;
	return __kunit_add_resource(test, init, free, res, data);
}

struct kunit_resource *kunit_find_named_resource(struct kunit *test, const char *name);

static inline int kunit_add_named_resource(struct kunit *test, kunit_resource_init_t init,
					   kunit_resource_free_t free, struct kunit_resource *res,
					   const char *name, void *data)
{
	struct kunit_resource *existing;

	if (!name)
		return -EINVAL;
	existing = kunit_find_named_resource(test, name);
	if (existing) {
		kunit_put_resource(existing);
		return -EEXIST;
	}
	res->name = name;
	res->should_kfree = false;
	return __kunit_add_resource(test, init, free, res, data);
}

static inline struct kunit_resource *kunit_alloc_and_get_resource(struct kunit *test,
	kunit_resource_init_t init, kunit_resource_free_t free, gfp_t internal_gfp, void *context)
{
	struct kunit_resource *res;
	int ret;

	res = kzalloc(sizeof(*res), internal_gfp);
	if (!res)
		return NULL;
	res->should_kfree = true;
	ret = __kunit_add_resource(test, init, free, res, context);
	if (!ret) {
		/* One reference for the caller, one for the test. */
		kunit_get_resource(res);
		return res;
	}
	return NULL;
}

static inline void *kunit_alloc_resource(struct kunit *test, kunit_resource_init_t init,
					 kunit_resource_free_t free, gfp_t internal_gfp, void *context)
{
	struct kunit_resource *res;

	res = kzalloc(sizeof(*res), internal_gfp);
	if (!res)
		return NULL;
	res->should_kfree = true;
	if (!__kunit_add_resource(test, init, free, res, context))
		return res->data;
	return NULL;
}

typedef bool (*kunit_resource_match_t)(struct kunit *test, struct kunit_resource *res,
				       void *match_data);

static inline bool kunit_resource_name_match(struct kunit *test, struct kunit_resource *res,
					     void *match_name)
{
	return res->name && strcmp(res->name, match_name) == 0;
}

/* The most recently added matching resource, with a reference the caller puts. */
struct kunit_resource *kunit_find_resource(struct kunit *test, kunit_resource_match_t match,
					   void *match_data);

int kunit_destroy_resource(struct kunit *test, kunit_resource_match_t match, void *match_data);

static inline int kunit_destroy_named_resource(struct kunit *test, const char *name)
{
	return kunit_destroy_resource(test, kunit_resource_name_match, (void *)name);
}

void kunit_remove_resource(struct kunit *test, struct kunit_resource *res);

/* Deferred actions: a function and its argument, called when the case ends. */
typedef void (kunit_action_t)(void *);

#define KUNIT_DEFINE_ACTION_WRAPPER(wrapper, orig, arg_type)	\
	static void wrapper(void *in)				\
	{							\
		arg_type arg = (arg_type)in;			\
		orig(arg);					\
	}

int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx);
int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action, void *ctx);
void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx);
void kunit_release_action(struct kunit *test, kunit_action_t *action, void *ctx);

#endif
