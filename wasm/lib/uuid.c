// SPDX-License-Identifier: GPL-2.0
/*
 * lib/uuid.c: random (version 4) UUIDs and GUIDs, and the "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" text
 * form. The text is the same for both; a GUID's first three fields are stored byte-swapped, which the
 * index tables say: text byte i goes to b[index[i]].
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/hex.h>
#include <linux/random.h>
#include <linux/uuid.h>

const guid_t guid_null;
EXPORT_SYMBOL(guid_null);
const uuid_t uuid_null;
EXPORT_SYMBOL(uuid_null);

const u8 guid_index[16] = { 3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15 };
const u8 uuid_index[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

/* Random bytes with the version (4) in the high nibble of byte @ver and the RFC 4122 variant (10xx). */
static void random_v4(u8 *b, int ver)
{
	get_random_bytes(b, UUID_SIZE);
	b[ver] = (b[ver] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
}

void generate_random_uuid(unsigned char uuid[UUID_SIZE])
{
	random_v4(uuid, 6);
}
EXPORT_SYMBOL(generate_random_uuid);

void generate_random_guid(unsigned char guid[UUID_SIZE])
{
	random_v4(guid, 7);	/* the version field's high byte is byte 7 in a GUID */
}
EXPORT_SYMBOL(generate_random_guid);

void guid_gen(guid_t *u)
{
	generate_random_guid(u->b);
}
EXPORT_SYMBOL_GPL(guid_gen);

void uuid_gen(uuid_t *u)
{
	generate_random_uuid(u->b);
}
EXPORT_SYMBOL_GPL(uuid_gen);

/* Dashes at 8, 13, 18 and 23, hex digits everywhere else, 36 characters (what follows is not looked at). */
bool uuid_is_valid(const char *uuid)
{
	unsigned int i;

	for (i = 0; i < UUID_STRING_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (uuid[i] != '-')
				return false;
		} else if (!isxdigit(uuid[i])) {
			return false;
		}
	}
	return true;
}
EXPORT_SYMBOL(uuid_is_valid);

static int parse_into(const char *text, u8 *b, const u8 index[16])
{
	unsigned int i, at = 0;

	if (!uuid_is_valid(text))
		return -EINVAL;
	for (i = 0; i < UUID_SIZE; i++) {
		if (at == 8 || at == 13 || at == 18 || at == 23)
			at++;
		b[index[i]] = (hex_to_bin(text[at]) << 4) | hex_to_bin(text[at + 1]);
		at += 2;
	}
	return 0;
}

int guid_parse(const char *uuid, guid_t *u)
{
	return parse_into(uuid, u->b, guid_index);
}
EXPORT_SYMBOL(guid_parse);

int uuid_parse(const char *uuid, uuid_t *u)
{
	return parse_into(uuid, u->b, uuid_index);
}
EXPORT_SYMBOL(uuid_parse);
