/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A growing text buffer (lib/kunit/string-stream.h): failure messages are built in one, and every test
 * case and suite keeps its debugfs log in one. One contiguous buffer here instead of Linux's fragments.
 */
#ifndef _KUNIT_STRING_STREAM_H
#define _KUNIT_STRING_STREAM_H

#include <linux/gfp_types.h>
#include <linux/stdarg.h>
#include <linux/types.h>

struct kunit;

struct string_stream {
	size_t length;
	size_t capacity;
	char *buf;
	gfp_t gfp;
	/* Logs end every added text with a newline if it has none (kunit_log() lines). */
	bool append_newlines;
};

struct string_stream *alloc_string_stream(gfp_t gfp);
void string_stream_destroy(struct string_stream *stream);

/* The same, owned by @test: destroyed when the case ends. */
struct string_stream *kunit_alloc_string_stream(struct kunit *test, gfp_t gfp);
void kunit_free_string_stream(struct kunit *test, struct string_stream *stream);

int __printf(2, 3) string_stream_add(struct string_stream *stream, const char *fmt, ...);
int __printf(2, 0) string_stream_vadd(struct string_stream *stream, const char *fmt, va_list args);
void string_stream_clear(struct string_stream *stream);
bool string_stream_is_empty(struct string_stream *stream);

/* The text so far (NUL-terminated, owned by the stream; valid until the next add or clear). */
const char *string_stream_text(struct string_stream *stream);

static inline void string_stream_set_append_newlines(struct string_stream *stream, bool on)
{
	stream->append_newlines = on;
}

#endif
