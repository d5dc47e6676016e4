// SPDX-License-Identifier: GPL-2.0
/* KUnit's text buffers (string-stream.h). */
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

#include "string-stream.h"

struct string_stream *alloc_string_stream(gfp_t gfp)
{
	struct string_stream *stream = kzalloc(sizeof(*stream), gfp);

	if (!stream)
		return ERR_PTR(-ENOMEM);
	stream->gfp = gfp;
	return stream;
}

void string_stream_destroy(struct string_stream *stream)
{
	if (IS_ERR_OR_NULL(stream))
		return;
	kfree(stream->buf);
	kfree(stream);
}

static bool reserve(struct string_stream *stream, size_t more)
{
	size_t want = stream->length + more + 1;
	char *buf;

	if (want <= stream->capacity)
		return true;
	want = max(want, 2 * stream->capacity);
	want = max_t(size_t, want, 128);
	buf = krealloc(stream->buf, want, stream->gfp);
	if (!buf)
		return false;
	stream->buf = buf;
	stream->capacity = want;
	return true;
}

int string_stream_vadd(struct string_stream *stream, const char *fmt, va_list args)
{
	va_list measure;
	int len;

	va_copy(measure, args);
	len = vsnprintf(NULL, 0, fmt, measure);
	va_end(measure);
	if (len < 0)
		return len;
	if (!reserve(stream, len + 1))
		return -ENOMEM;
	vsnprintf(stream->buf + stream->length, len + 1, fmt, args);
	stream->length += len;
	if (stream->append_newlines && (!len || stream->buf[stream->length - 1] != '\n')) {
		stream->buf[stream->length++] = '\n';
		stream->buf[stream->length] = '\0';
	}
	return 0;
}

int string_stream_add(struct string_stream *stream, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = string_stream_vadd(stream, fmt, args);
	va_end(args);
	return ret;
}

void string_stream_clear(struct string_stream *stream)
{
	stream->length = 0;
	if (stream->buf)
		stream->buf[0] = '\0';
}

bool string_stream_is_empty(struct string_stream *stream)
{
	return stream->length == 0;
}

const char *string_stream_text(struct string_stream *stream)
{
	return stream->buf ? stream->buf : "";
}

static void stream_action(void *p)
{
	string_stream_destroy(p);
}

struct string_stream *kunit_alloc_string_stream(struct kunit *test, gfp_t gfp)
{
	struct string_stream *stream = alloc_string_stream(gfp);

	if (IS_ERR(stream))
		return stream;
	if (kunit_add_action_or_reset(test, stream_action, stream))
		return ERR_PTR(-ENOMEM);
	return stream;
}

void kunit_free_string_stream(struct kunit *test, struct string_stream *stream)
{
	kunit_release_action(test, stream_action, stream);
}
