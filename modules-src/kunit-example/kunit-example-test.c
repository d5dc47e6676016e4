// SPDX-License-Identifier: GPL-2.0
/*
 * A tour of KUnit: loading this module runs its suite and prints KTAP to the kernel log; `lkm test`
 * turns that into a summary. Every case here passes or skips; see the README for a failing one.
 */
#include <kunit/test.h>
#include <kunit/static_stub.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

static int example_suite_init(struct kunit_suite *suite)
{
	kunit_info(suite, "initializing suite\n");
	return 0;
}

static void example_suite_exit(struct kunit_suite *suite)
{
	kunit_info(suite, "exiting suite\n");
}

/* Runs before each case: a fresh counter in test->priv, freed with the case. */
static int example_test_init(struct kunit *test)
{
	test->priv = kunit_kzalloc(test, sizeof(int), GFP_KERNEL);
	return test->priv ? 0 : -ENOMEM;
}

static void example_simple_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 2);
}

static void example_skip_test(struct kunit *test)
{
	kunit_info(test, "you should see this line\n");
	kunit_skip(test, "this test should be skipped");
	KUNIT_FAIL(test, "you should not see this line");
}

static void example_mark_skipped_test(struct kunit *test)
{
	kunit_mark_skipped(test, "this test should be skipped");
	kunit_info(test, "you should see this line too\n");
}

static void example_all_expect_macros_test(struct kunit *test)
{
	const u32 array1[] = { 0x0F, 0xFF };
	const u32 array2[] = { 0x1F, 0xFF };
	int *counter = test->priv;

	KUNIT_EXPECT_TRUE(test, true);
	KUNIT_EXPECT_FALSE(test, false);
	KUNIT_EXPECT_EQ(test, 1, 1);
	KUNIT_EXPECT_GE(test, 1, 1);
	KUNIT_EXPECT_GT(test, 2, 1);
	KUNIT_EXPECT_LE(test, 1, 1);
	KUNIT_EXPECT_LT(test, 1, 2);
	KUNIT_EXPECT_NE(test, 1, 0);
	KUNIT_EXPECT_NOT_ERR_OR_NULL(test, test);
	KUNIT_EXPECT_PTR_EQ(test, NULL, NULL);
	KUNIT_EXPECT_PTR_NE(test, test, NULL);
	KUNIT_EXPECT_NULL(test, NULL);
	KUNIT_EXPECT_NOT_NULL(test, test);
	KUNIT_EXPECT_STREQ(test, "hi", "hi");
	KUNIT_EXPECT_STRNEQ(test, "hi", "bye");
	KUNIT_EXPECT_MEMEQ(test, array1, array1, sizeof(array1));
	KUNIT_EXPECT_MEMNEQ(test, array1, array2, sizeof(array1));
	KUNIT_ASSERT_GT_MSG(test, sizeof(char), 0, "this message will not print");
	KUNIT_EXPECT_EQ(test, *counter, 0);
}

static int add(int a, int b);

static int subtract_one(int a, int b)
{
	return a - b;
}

/* A function a test can redirect while it runs. */
static int add(int a, int b)
{
	KUNIT_STATIC_STUB_REDIRECT(add, a, b);
	return a + b;
}

static void example_static_stub_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, add(1, 1), 2);
	kunit_activate_static_stub(test, add, subtract_one);
	KUNIT_EXPECT_EQ(test, add(1, 1), 0);
	kunit_deactivate_static_stub(test, add);
	KUNIT_EXPECT_EQ(test, add(1, 1), 2);
}

struct example_param {
	int value;
};

static const struct example_param example_params_array[] = {
	{ .value = 3, },
	{ .value = 2, },
	{ .value = 1, },
	{ .value = 0, },
};

static void example_param_get_desc(const struct example_param *p, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "example value %d", p->value);
}

KUNIT_ARRAY_PARAM(example, example_params_array, example_param_get_desc);

static void example_params_test(struct kunit *test)
{
	const struct example_param *param = test->param_value;

	KUNIT_ASSERT_NOT_NULL(test, param);
	if (!param->value)
		kunit_skip(test, "unsupported param value %d", param->value);
	KUNIT_EXPECT_GT(test, param->value, 0);
}

static void free_counted(void *p)
{
	kfree(p);
}

/* A deferred action: the buffer is freed when the case ends, leak-free without a kfree here. */
static void example_action_test(struct kunit *test)
{
	char *buf = kmalloc(16, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, free_counted, buf), 0);
	strscpy(buf, "kunit", 16);
	KUNIT_EXPECT_STREQ(test, buf, "kunit");
}

static void example_slow_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 2);
}

static struct kunit_case example_test_cases[] = {
	KUNIT_CASE(example_simple_test),
	KUNIT_CASE(example_skip_test),
	KUNIT_CASE(example_mark_skipped_test),
	KUNIT_CASE(example_all_expect_macros_test),
	KUNIT_CASE(example_static_stub_test),
	KUNIT_CASE_PARAM(example_params_test, example_gen_params),
	KUNIT_CASE(example_action_test),
	KUNIT_CASE_SLOW(example_slow_test),
	{}
};

static struct kunit_suite example_test_suite = {
	.name = "example",
	.init = example_test_init,
	.suite_init = example_suite_init,
	.suite_exit = example_suite_exit,
	.test_cases = example_test_cases,
};

kunit_test_suites(&example_test_suite);

MODULE_DESCRIPTION("Example KUnit test suite");
MODULE_LICENSE("GPL");
