// SPDX-License-Identifier: GPL-2.0
/*
 * Static stubs (Linux 6.12's lib/kunit/static_stub.c): a test's replacement for a function, kept as a
 * resource of the test, so it ends with the case.
 */
#include <kunit/resource.h>
#include <kunit/static_stub.h>
#include <kunit/test.h>

struct kunit_static_stub_ctx {
	void *real_fn_addr;
	void *replacement_addr;
};

static void stub_free(struct kunit_resource *res)
{
	kfree(res->data);
}

static bool stub_match(struct kunit *test, struct kunit_resource *res, void *real_fn_addr)
{
	if (res->free != stub_free)
		return false;
	return ((struct kunit_static_stub_ctx *)res->data)->real_fn_addr == real_fn_addr;
}

void *__kunit_get_static_stub_address(struct kunit *test, void *real_fn_addr)
{
	struct kunit_resource *res = kunit_find_resource(test, stub_match, real_fn_addr);
	void *replacement;

	if (!res)
		return NULL;
	replacement = ((struct kunit_static_stub_ctx *)res->data)->replacement_addr;
	kunit_put_resource(res);
	return replacement;
}
EXPORT_SYMBOL_GPL(__kunit_get_static_stub_address);

void kunit_deactivate_static_stub(struct kunit *test, void *real_fn_addr)
{
	struct kunit_resource *res;

	KUNIT_ASSERT_PTR_NE_MSG(test, real_fn_addr, NULL, "Tried to deactivate a NULL stub.");
	res = kunit_find_resource(test, stub_match, real_fn_addr);
	KUNIT_ASSERT_PTR_NE_MSG(test, res, NULL, "Tried to deactivate a nonexistent stub.");
	kunit_remove_resource(test, res);
	kunit_put_resource(res);
}
EXPORT_SYMBOL_GPL(kunit_deactivate_static_stub);

void __kunit_activate_static_stub(struct kunit *test, void *real_fn_addr, void *replacement_addr)
{
	struct kunit_static_stub_ctx *ctx;
	struct kunit_resource *res;

	KUNIT_ASSERT_PTR_NE_MSG(test, real_fn_addr, NULL, "Tried to activate a stub for function NULL");
	/* A second activation replaces the first. */
	res = kunit_find_resource(test, stub_match, real_fn_addr);
	if (res) {
		((struct kunit_static_stub_ctx *)res->data)->replacement_addr = replacement_addr;
		kunit_put_resource(res);
		return;
	}
	ctx = kmalloc(sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, ctx, "Failed to allocate kunit stub");
	ctx->real_fn_addr = real_fn_addr;
	ctx->replacement_addr = replacement_addr;
	res = kunit_alloc_and_get_resource(test, NULL, stub_free, GFP_KERNEL, ctx);
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, res, "Failed to allocate kunit stub resource");
	kunit_put_resource(res);
}
EXPORT_SYMBOL_GPL(__kunit_activate_static_stub);
