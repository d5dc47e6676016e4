// SPDX-License-Identifier: GPL-2.0
/*
 * test-uuid: a self-test of <linux/uuid.h> (lib/uuid.c) in the frame of Linux's lib/test_uuid.c: text
 * to UUID and GUID byte order and back through %pUb/%pUl, invalid strings, generated version-4 values.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/uuid.h>
#include "../selftests/kselftest_module.h"

KSTM_MODULE_GLOBALS();

static const struct {
	const char *text;
	guid_t guid;
	uuid_t uuid;
} cases[] = {
	{ "c33f4995-3701-450e-9fbf-206a2e98e576",
	  GUID_INIT(0xc33f4995, 0x3701, 0x450e, 0x9f, 0xbf, 0x20, 0x6a, 0x2e, 0x98, 0xe5, 0x76),
	  UUID_INIT(0xc33f4995, 0x3701, 0x450e, 0x9f, 0xbf, 0x20, 0x6a, 0x2e, 0x98, 0xe5, 0x76) },
	{ "64b4371c-77c1-48f9-8221-29f054fc023b",
	  GUID_INIT(0x64b4371c, 0x77c1, 0x48f9, 0x82, 0x21, 0x29, 0xf0, 0x54, 0xfc, 0x02, 0x3b),
	  UUID_INIT(0x64b4371c, 0x77c1, 0x48f9, 0x82, 0x21, 0x29, 0xf0, 0x54, 0xfc, 0x02, 0x3b) },
	{ "0cb4ddff-a545-4401-9d06-688af53e7f84",
	  GUID_INIT(0x0cb4ddff, 0xa545, 0x4401, 0x9d, 0x06, 0x68, 0x8a, 0xf5, 0x3e, 0x7f, 0x84),
	  UUID_INIT(0x0cb4ddff, 0xa545, 0x4401, 0x9d, 0x06, 0x68, 0x8a, 0xf5, 0x3e, 0x7f, 0x84) },
};

static const char * const invalid[] = {
	"c33f4995-3701-450e-9fbf206a2e98e576 ",
	"64b4371c-77c1-48f9-8221-29f054XX023b",
	"0cb4ddff-a545-4401-9d06-688af53e",
	"c33f4995+3701-450e-9fbf-206a2e98e576",
};

static void selftest(void)
{
	char text[UUID_STRING_LEN + 1];
	unsigned int i;
	guid_t g;
	uuid_t u;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		KSTM_CHECK(uuid_is_valid(cases[i].text));
		KSTM_CHECK(guid_parse(cases[i].text, &g) == 0 && guid_equal(&g, &cases[i].guid));
		KSTM_CHECK(uuid_parse(cases[i].text, &u) == 0 && uuid_equal(&u, &cases[i].uuid));
		snprintf(text, sizeof(text), "%pUl", &cases[i].guid);
		KSTM_CHECK(!strcmp(text, cases[i].text));
		snprintf(text, sizeof(text), "%pUb", &cases[i].uuid);
		KSTM_CHECK(!strcmp(text, cases[i].text));
		KSTM_CHECK(cases[i].guid.b[0] == cases[i].uuid.b[3] && cases[i].guid.b[8] == cases[i].uuid.b[8]);
	}
	for (i = 0; i < ARRAY_SIZE(invalid); i++) {
		KSTM_CHECK(!uuid_is_valid(invalid[i]));
		KSTM_CHECK(guid_parse(invalid[i], &g) == -EINVAL);
		KSTM_CHECK(uuid_parse(invalid[i], &u) == -EINVAL);
	}
	for (i = 0; i < 16; i++) {
		uuid_t a, b;

		uuid_gen(&a);
		uuid_gen(&b);
		guid_gen(&g);
		KSTM_CHECK((a.b[6] >> 4) == 4 && (a.b[8] & 0xc0) == 0x80);
		KSTM_CHECK((g.b[7] >> 4) == 4 && (g.b[8] & 0xc0) == 0x80);
		KSTM_CHECK(!uuid_equal(&a, &b) && !uuid_is_null(&a));
	}
	KSTM_CHECK(uuid_is_null(&uuid_null) && guid_is_null(&guid_null));
}

KSTM_MODULE_LOADERS(test_uuid);
MODULE_DESCRIPTION("Test cases for lib/uuid.c module");
MODULE_LICENSE("Dual BSD/GPL");
