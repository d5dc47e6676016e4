// SPDX-License-Identifier: GPL-2.0
/*
 * Which suites run, and when (Linux 6.12's lib/kunit/executor.c and the module half of test.c): a
 * module's suites run when it goes live, filtered by kunit.filter_glob, as one KTAP document; they are
 * torn down when it goes away.
 */
/*
 * Linux builds lib/kunit/ as the module "kunit" (lib/kunit/kunit.ko when not built in): its parameters
 * are kunit.NAME on the command line, and modules.builtin lists it as kernel/lib/kunit/kunit.ko.
 */
#undef KBUILD_MODNAME
#define KBUILD_MODNAME "kunit"
#undef KBUILD_MODFILE
#define KBUILD_MODFILE "lib/kunit/kunit"

#include <kunit/test.h>
#include <linux/glob.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "host.h"
#include "kunit-internal.h"

static bool enable_param = true;
module_param_named(enable, enable_param, bool, 0);
MODULE_PARM_DESC(enable, "Enable KUnit tests");

static char *filter_glob_param;
module_param_named(filter_glob, filter_glob_param, charp, 0600);
MODULE_PARM_DESC(filter_glob, "Filter which KUnit test suites/tests run at boot-time, e.g. list* or list*.*del_test");

int kunit_stats_enabled = 1;
module_param_named(stats_enabled, kunit_stats_enabled, int, 0644);
MODULE_PARM_DESC(stats_enabled, "Print test stats: never (0), only for multiple subtests (1), or always (2)");

bool kunit_enabled(void)
{
	return enable_param;
}

const char *kunit_filter_glob(void)
{
	return filter_glob_param;
}

void kunit_exec_run_tests(struct kunit_suite_set *suite_set, bool builtin)
{
	size_t num_suites = suite_set->end - suite_set->start;

	if (!builtin || num_suites) {
		pr_info("KTAP version 1\n");
		pr_info("1..%zu\n", num_suites);
	}
	__kunit_test_suites_init(suite_set->start, num_suites, true);
}

/* A copy of @suite with only the cases matching @test_glob (NULL: all), or NULL if none does. */
static struct kunit_suite *filter_cases(const struct kunit_suite *suite, const char *test_glob)
{
	struct kunit_case *test_case, *cases;
	struct kunit_suite *copy;
	size_t n = 0;

	for (test_case = suite->test_cases; test_case->run_case; test_case++)
		n++;
	cases = kcalloc(n + 1, sizeof(*cases), GFP_KERNEL);
	if (!cases)
		return ERR_PTR(-ENOMEM);
	n = 0;
	for (test_case = suite->test_cases; test_case->run_case; test_case++)
		if (!test_glob || glob_match(test_glob, test_case->name))
			cases[n++] = *test_case;
	if (!n) {
		kfree(cases);
		return NULL;
	}
	copy = kmemdup(suite, sizeof(*copy), GFP_KERNEL);
	if (!copy) {
		kfree(cases);
		return ERR_PTR(-ENOMEM);
	}
	copy->test_cases = cases;
	return copy;
}

static void free_suite_set(struct kunit_suite_set set)
{
	struct kunit_suite * const *suites;

	for (suites = set.start; suites < set.end; suites++) {
		kfree((*suites)->test_cases);
		kfree(*suites);
	}
	kfree(set.start);
}

/*
 * The suites of @set whose "SUITE.CASE" matches @glob ("SUITE_GLOB" alone keeps every case), as
 * copies the caller frees with free_suite_set().
 */
static struct kunit_suite_set filter_suites(const struct kunit_suite_set *set, const char *glob, int *err)
{
	struct kunit_suite_set out = { NULL, NULL };
	struct kunit_suite **copies;
	char *suite_glob, *test_glob;
	size_t n = 0, i;

	*err = 0;
	suite_glob = kstrdup(glob, GFP_KERNEL);
	copies = kcalloc(set->end - set->start, sizeof(*copies), GFP_KERNEL);
	if (!suite_glob || !copies) {
		*err = -ENOMEM;
		goto out;
	}
	test_glob = strchr(suite_glob, '.');
	if (test_glob)
		*test_glob++ = '\0';
	for (i = 0; i < set->end - set->start; i++) {
		struct kunit_suite *copy;

		if (!glob_match(suite_glob, set->start[i]->name))
			continue;
		copy = filter_cases(set->start[i], test_glob);
		if (IS_ERR(copy)) {
			*err = PTR_ERR(copy);
			break;
		}
		if (copy)
			copies[n++] = copy;
	}
out:
	kfree(suite_glob);
	out.start = copies;
	out.end = copies + n;
	if (*err) {
		free_suite_set(out);
		out.start = out.end = NULL;
	}
	return out;
}

/* MODULE_STATE_LIVE: the module's suites run (kunit_module_init() in Linux). */
void __lkm_entry lkm_kunit_module_init(struct module *mod)
{
	struct kunit_suite_set set = { mod->kunit_suites, mod->kunit_suites_end };
	struct kunit_suite_set filtered;
	int err;

	if (!mod->kunit_suites || mod->kunit_suites_end <= mod->kunit_suites)
		return;
	filtered = filter_suites(&set, kunit_filter_glob() ?: "*.*", &err);
	if (err)
		pr_err("kunit module: error filtering suites: %d\n", err);
	/* From now on the module's suites are the filtered copies, freed when it goes. */
	mod->kunit_suites = (struct kunit_suite **)filtered.start;
	mod->kunit_suites_end = (struct kunit_suite **)filtered.end;
	kunit_exec_run_tests(&filtered, false);
}

/* MODULE_STATE_GOING: debugfs files and logs of its suites go, and the copies. */
void __lkm_entry lkm_kunit_module_exit(struct module *mod)
{
	struct kunit_suite_set set = { mod->kunit_suites, mod->kunit_suites_end };

	if (!mod->kunit_suites)
		return;
	__kunit_test_suites_exit(mod->kunit_suites, mod->kunit_suites_end - mod->kunit_suites);
	free_suite_set(set);
	mod->kunit_suites = mod->kunit_suites_end = NULL;
}

MODULE_DESCRIPTION("Base unit test (KUnit) API");
MODULE_LICENSE("GPL v2");
