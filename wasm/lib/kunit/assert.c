// SPDX-License-Identifier: GPL-2.0
/*
 * The text of a failed expectation or assertion (Linux 6.12's lib/kunit/assert.c): "EXPECTATION FAILED
 * at FILE:LINE", then "Expected LEFT OP RIGHT, but" and each operand's value unless its source text is
 * the value itself, then the test's message if it gave one.
 */
#include <kunit/assert.h>
#include <kunit/test.h>
#include <linux/sprintf.h>
#include <linux/export.h>
#include <linux/string.h>

#include "string-stream.h"

void kunit_assert_prologue(const struct kunit_loc *loc, enum kunit_assert_type type,
			   struct string_stream *stream)
{
	string_stream_add(stream, "%s FAILED at %s:%d\n",
			  type == KUNIT_ASSERTION ? "ASSERTION" : "EXPECTATION", loc->file, loc->line);
}
EXPORT_SYMBOL_GPL(kunit_assert_prologue);

static void add_message(const struct va_format *message, struct string_stream *stream)
{
	if (message->fmt)
		string_stream_add(stream, "\n%pV", message);
}

static void add_expected(struct string_stream *stream, const struct kunit_binary_assert_text *text)
{
	string_stream_add(stream, KUNIT_SUBTEST_INDENT "Expected %s %s %s, but\n",
			  text->left_text, text->operation, text->right_text);
}

void kunit_fail_assert_format(const struct kunit_assert *assert, const struct va_format *message,
			      struct string_stream *stream)
{
	string_stream_add(stream, "%pV", message);
}
EXPORT_SYMBOL_GPL(kunit_fail_assert_format);

void kunit_unary_assert_format(const struct kunit_assert *assert, const struct va_format *message,
			       struct string_stream *stream)
{
	const struct kunit_unary_assert *a = container_of(assert, struct kunit_unary_assert, assert);

	string_stream_add(stream, KUNIT_SUBTEST_INDENT "Expected %s to be %s, but is %s\n", a->condition,
			  a->expected_true ? "true" : "false", a->expected_true ? "false" : "true");
	add_message(message, stream);
}
EXPORT_SYMBOL_GPL(kunit_unary_assert_format);

void kunit_ptr_not_err_assert_format(const struct kunit_assert *assert, const struct va_format *message,
				     struct string_stream *stream)
{
	const struct kunit_ptr_not_err_assert *a = container_of(assert, struct kunit_ptr_not_err_assert, assert);

	if (!a->value)
		string_stream_add(stream, KUNIT_SUBTEST_INDENT "Expected %s is not null, but is\n", a->text);
	else if (IS_ERR(a->value))
		string_stream_add(stream, KUNIT_SUBTEST_INDENT "Expected %s is not error, but is: %ld\n",
				  a->text, PTR_ERR(a->value));
	add_message(message, stream);
}
EXPORT_SYMBOL_GPL(kunit_ptr_not_err_assert_format);

/* "5" for 5: the source text already shows the value, so it is not repeated. */
static bool is_literal(const char *text, long long value)
{
	char digits[24];

	snprintf(digits, sizeof(digits), "%lld", value);
	return strcmp(digits, text) == 0;
}

void kunit_binary_assert_format(const struct kunit_assert *assert, const struct va_format *message,
				struct string_stream *stream)
{
	const struct kunit_binary_assert *a = container_of(assert, struct kunit_binary_assert, assert);

	add_expected(stream, a->text);
	if (!is_literal(a->text->left_text, a->left_value))
		string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == %lld (0x%llx)\n",
				  a->text->left_text, a->left_value, a->left_value);
	if (!is_literal(a->text->right_text, a->right_value))
		string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == %lld (0x%llx)",
				  a->text->right_text, a->right_value, a->right_value);
	add_message(message, stream);
}
EXPORT_SYMBOL_GPL(kunit_binary_assert_format);

void kunit_binary_ptr_assert_format(const struct kunit_assert *assert, const struct va_format *message,
				    struct string_stream *stream)
{
	const struct kunit_binary_ptr_assert *a = container_of(assert, struct kunit_binary_ptr_assert, assert);

	add_expected(stream, a->text);
	string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == %px\n", a->text->left_text, a->left_value);
	string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == %px", a->text->right_text, a->right_value);
	add_message(message, stream);
}
EXPORT_SYMBOL_GPL(kunit_binary_ptr_assert_format);

/* "\"abc\"" for "abc": a string literal operand is not repeated either. */
static bool is_str_literal(const char *text, const char *value)
{
	size_t len = strlen(text);

	return len >= 2 && text[0] == '"' && text[len - 1] == '"' && strncmp(text + 1, value, len - 2) == 0;
}

void kunit_binary_str_assert_format(const struct kunit_assert *assert, const struct va_format *message,
				    struct string_stream *stream)
{
	const struct kunit_binary_str_assert *a = container_of(assert, struct kunit_binary_str_assert, assert);

	add_expected(stream, a->text);
	if (!is_str_literal(a->text->left_text, a->left_value))
		string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == \"%s\"\n",
				  a->text->left_text, a->left_value);
	if (!is_str_literal(a->text->right_text, a->right_value))
		string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s == \"%s\"",
				  a->text->right_text, a->right_value);
	add_message(message, stream);
}
EXPORT_SYMBOL_GPL(kunit_binary_str_assert_format);

/* 16 bytes a line; a byte that differs from the other buffer's is shown as <xx>. */
static void add_hexdump(struct string_stream *stream, const u8 *buf, const u8 *other, size_t len)
{
	size_t i;

	string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT);
	for (i = 0; i < len; i++) {
		if (i && i % 16 == 0)
			string_stream_add(stream, "\n" KUNIT_SUBSUBTEST_INDENT);
		string_stream_add(stream, buf[i] != other[i] ? "<%02x>" : " %02x ", buf[i]);
	}
}

void kunit_mem_assert_format(const struct kunit_assert *assert, const struct va_format *message,
			     struct string_stream *stream)
{
	const struct kunit_mem_assert *a = container_of(assert, struct kunit_mem_assert, assert);

	add_expected(stream, a->text);
	if (!a->left_value || !a->right_value) {
		string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s is not null\n",
				  !a->left_value ? a->text->left_text : a->text->right_text);
	} else {
		string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s ==\n", a->text->left_text);
		add_hexdump(stream, a->left_value, a->right_value, a->size);
		string_stream_add(stream, "\n");
		string_stream_add(stream, KUNIT_SUBSUBTEST_INDENT "%s ==\n", a->text->right_text);
		add_hexdump(stream, a->right_value, a->left_value, a->size);
	}
	add_message(message, stream);
}
EXPORT_SYMBOL_GPL(kunit_mem_assert_format);
