// SPDX-License-Identifier: GPL-2.0
/* KUnit cases next to the module: `lkm test hello-kunit` or defineKunitTests() in vitest. */
#include <kunit/test.h>
#include <linux/module.h>
#include <linux/string.h>

static void greeting_test(struct kunit *test)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "Hello, %s", "vitest");
	KUNIT_EXPECT_STREQ(test, buf, "Hello, vitest");
}

static void length_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strlen("hello"), 5);
}

static struct kunit_case hello_cases[] = {
	KUNIT_CASE(greeting_test),
	KUNIT_CASE(length_test),
	{}
};

static struct kunit_suite hello_suite = {
	.name = "hello",
	.test_cases = hello_cases,
};

kunit_test_suite(hello_suite);

MODULE_LICENSE("GPL");
