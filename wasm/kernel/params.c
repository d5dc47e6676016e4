// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kernel/params.c and lib/cmdline.c's next_arg(): module parameters.
 *
 * The host calls lkm_parse_params(mod, args) at load (Linux's parse_args() with the module's __param
 * table, unknown names ignored with a warning) and lkm_param_get()/lkm_param_set() for the files of
 * /sys/module/NAME/parameters/. Messages are Linux's, prefixed with the module name.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/dynamic_debug.h>
#include "host.h"

/* Protects all built-in parameters, modules use their own param_lock (no concurrency here). */

static inline char dash2underscore(char c)
{
	if (c == '-')
		return '_';
	return c;
}

/* Are the first @n characters of @a and @b equal, with '-' and '_' the same? */
bool parameqn(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (dash2underscore(a[i]) != dash2underscore(b[i]))
			return false;
	}
	return true;
}

bool parameq(const char *a, const char *b)
{
	return parameqn(a, b, strlen(a)+1);
}

static bool param_check_unsafe(const struct kernel_param *kp)
{
	if (kp->flags & KERNEL_PARAM_FL_UNSAFE) {
		pr_notice("Setting dangerous option %s - tainting kernel\n",
			  kp->name);
		add_taint(TAINT_USER, LOCKDEP_STILL_OK);
	}

	return true;
}

typedef int (*parse_unknown_fn)(char *param, char *val, const char *doing, void *arg);

static int parse_one(char *param,
		     char *val,
		     const char *doing,
		     const struct kernel_param *params,
		     unsigned num_params,
		     s16 min_level,
		     s16 max_level,
		     void *arg, parse_unknown_fn handle_unknown)
{
	unsigned int i;
	int err;

	/* Find parameter */
	for (i = 0; i < num_params; i++) {
		if (parameq(param, params[i].name)) {
			if (params[i].level < min_level
			    || params[i].level > max_level)
				return 0;
			/* No one handled NULL, so do it here. */
			if (!val &&
			    !(params[i].ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
				return -EINVAL;
			kernel_param_lock(params[i].mod);
			if (param_check_unsafe(&params[i]))
				err = params[i].ops->set(val, &params[i]);
			else
				err = -EPERM;
			kernel_param_unlock(params[i].mod);
			return err;
		}
	}

	if (handle_unknown)
		return handle_unknown(param, val, doing, arg);

	return -ENOENT;
}

/*
 * Parse a string to get a param value pair. You can use " around spaces, but can't escape ".
 * Hyphens and underscores equivalent in parameter names.
 */
char *next_arg(char *args, char **param, char **val)
{
	unsigned int i, equals = 0;
	int in_quote = 0, quoted = 0;

	if (*args == '"') {
		args++;
		in_quote = 1;
		quoted = 1;
	}

	for (i = 0; args[i]; i++) {
		if (isspace(args[i]) && !in_quote)
			break;
		if (equals == 0) {
			if (args[i] == '=')
				equals = i;
		}
		if (args[i] == '"')
			in_quote = !in_quote;
	}

	*param = args;
	if (!equals)
		*val = NULL;
	else {
		args[equals] = '\0';
		*val = args + equals + 1;

		/* Don't include quotes in value. */
		if (**val == '"') {
			(*val)++;
			if (args[i-1] == '"')
				args[i-1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i-1] == '"')
		args[i-1] = '\0';

	if (args[i]) {
		args[i] = '\0';
		args += i + 1;
	} else
		args += i;

	/* Chew up trailing spaces. */
	return skip_spaces(args);
}

/* Args looks like "foo=bar,bar2 baz=fuz wiz". Returns NULL, ERR_PTR(-errno), or what follows "--". */
char *parse_args(const char *doing,
		 char *args,
		 const struct kernel_param *params,
		 unsigned num,
		 s16 min_level,
		 s16 max_level,
		 void *arg, parse_unknown_fn unknown)
{
	char *param, *val, *err = NULL;

	/* Chew leading spaces */
	args = skip_spaces(args);

	while (*args) {
		int ret;

		args = next_arg(args, &param, &val);
		/* Stop at -- */
		if (!val && strcmp(param, "--") == 0)
			return err ?: args;
		ret = parse_one(param, val, doing, params, num,
				min_level, max_level, arg, unknown);

		switch (ret) {
		case 0:
			continue;
		case -ENOENT:
			pr_err("%s: Unknown parameter `%s'\n", doing, param);
			break;
		case -ENOSPC:
			pr_err("%s: `%s' too large for parameter `%s'\n",
			       doing, val ?: "", param);
			break;
		default:
			pr_err("%s: `%s' invalid for parameter `%s'\n",
			       doing, val ?: "", param);
			break;
		}

		err = ERR_PTR(ret);
	}

	return err;
}

/* Lazy bastard, eh? */
#define STANDARD_PARAM_DEF(name, type, format, strtolfn)			\
	int param_set_##name(const char *val, const struct kernel_param *kp)	\
	{									\
		return strtolfn(val, 0, (type *)kp->arg);			\
	}									\
	int param_get_##name(char *buffer, const struct kernel_param *kp)	\
	{									\
		return scnprintf(buffer, PAGE_SIZE, format "\n",		\
				*((type *)kp->arg));				\
	}									\
	const struct kernel_param_ops param_ops_##name = {			\
		.set = param_set_##name,					\
		.get = param_get_##name,					\
	};									\
	EXPORT_SYMBOL(param_set_##name);					\
	EXPORT_SYMBOL(param_get_##name);					\
	EXPORT_SYMBOL(param_ops_##name)

STANDARD_PARAM_DEF(byte,	unsigned char,		"%hhu",		kstrtou8);
STANDARD_PARAM_DEF(short,	short,			"%hi",		kstrtos16);
STANDARD_PARAM_DEF(ushort,	unsigned short,		"%hu",		kstrtou16);
STANDARD_PARAM_DEF(int,		int,			"%i",		kstrtoint);
STANDARD_PARAM_DEF(uint,	unsigned int,		"%u",		kstrtouint);
STANDARD_PARAM_DEF(long,	long,			"%li",		kstrtol);
STANDARD_PARAM_DEF(ulong,	unsigned long,		"%lu",		kstrtoul);
STANDARD_PARAM_DEF(ullong,	unsigned long long,	"%llu",		kstrtoull);
STANDARD_PARAM_DEF(hexint,	unsigned int,		"%#08x",	kstrtouint);

int param_set_uint_minmax(const char *val, const struct kernel_param *kp,
		unsigned int min, unsigned int max)
{
	unsigned int num;
	int ret;

	if (!val)
		return -EINVAL;
	ret = kstrtouint(val, 0, &num);
	if (ret)
		return ret;
	if (num < min || num > max)
		return -EINVAL;
	*((unsigned int *)kp->arg) = num;
	return 0;
}
EXPORT_SYMBOL_GPL(param_set_uint_minmax);

/*
 * charp values set from a string are kmalloc'ed (by the kernel, not charged to the module) and
 * remembered here, so that only those are freed (the initial value is the module's own data).
 */
struct kmalloced_param {
	struct list_head list;
	char val[];
};
static LIST_HEAD(kmalloced_params);

static void *kmalloc_parameter(unsigned int size)
{
	struct kmalloced_param *p;

	p = __lkm_kmalloc(sizeof(*p) + size, GFP_KERNEL, NULL);
	if (!p)
		return NULL;

	list_add(&p->list, &kmalloced_params);
	return p->val;
}

/* Does nothing if parameter wasn't kmalloced above. */
static void maybe_kfree_parameter(void *param)
{
	struct kmalloced_param *p;

	list_for_each_entry(p, &kmalloced_params, list) {
		if (p->val == param) {
			list_del(&p->list);
			kfree(p);
			break;
		}
	}
}

int param_set_charp(const char *val, const struct kernel_param *kp)
{
	size_t len, maxlen = 1024;

	len = strnlen(val, maxlen + 1);
	if (len == maxlen + 1) {
		pr_err("%s: string parameter too long\n", kp->name);
		return -ENOSPC;
	}

	maybe_kfree_parameter(*(char **)kp->arg);

	*(char **)kp->arg = kmalloc_parameter(len + 1);
	if (!*(char **)kp->arg)
		return -ENOMEM;
	strcpy(*(char **)kp->arg, val);

	return 0;
}
EXPORT_SYMBOL(param_set_charp);

int param_get_charp(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%s\n", *((char **)kp->arg));
}
EXPORT_SYMBOL(param_get_charp);

void param_free_charp(void *arg)
{
	maybe_kfree_parameter(*((char **)arg));
}
EXPORT_SYMBOL(param_free_charp);

const struct kernel_param_ops param_ops_charp = {
	.set = param_set_charp,
	.get = param_get_charp,
	.free = param_free_charp,
};
EXPORT_SYMBOL(param_ops_charp);

/* Actually could be a bool or an int, for historical reasons. */
int param_set_bool(const char *val, const struct kernel_param *kp)
{
	/* No equals means "set"... */
	if (!val) val = "1";

	/* One of =[yYnN01] */
	return kstrtobool(val, kp->arg);
}
EXPORT_SYMBOL(param_set_bool);

int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	/* Y and N chosen as being relatively non-coder friendly */
	return sprintf(buffer, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}
EXPORT_SYMBOL(param_get_bool);

const struct kernel_param_ops param_ops_bool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_bool,
	.get = param_get_bool,
};
EXPORT_SYMBOL(param_ops_bool);

/* Can be set to true, never back to false. */
int param_set_bool_enable_only(const char *val, const struct kernel_param *kp)
{
	int err;
	bool new_value;
	bool orig_value = *(bool *)kp->arg;
	struct kernel_param dummy_kp = *kp;

	dummy_kp.arg = &new_value;

	err = param_set_bool(val, &dummy_kp);
	if (err)
		return err;

	/* Don't let them unset it once it's set! */
	if (!new_value && orig_value)
		return -EROFS;

	if (new_value)
		err = param_set_bool(val, kp);

	return err;
}
EXPORT_SYMBOL_GPL(param_set_bool_enable_only);

const struct kernel_param_ops param_ops_bool_enable_only = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_bool_enable_only,
	.get = param_get_bool,
};
EXPORT_SYMBOL_GPL(param_ops_bool_enable_only);

/* This one must be bool. */
int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	int ret;
	bool boolval;
	struct kernel_param dummy = { .arg = &boolval };

	ret = param_set_bool(val, &dummy);
	if (ret == 0)
		*(bool *)kp->arg = !boolval;
	return ret;
}
EXPORT_SYMBOL(param_set_invbool);

int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%c\n", (*(bool *)kp->arg) ? 'N' : 'Y');
}
EXPORT_SYMBOL(param_get_invbool);

const struct kernel_param_ops param_ops_invbool = {
	.set = param_set_invbool,
	.get = param_get_invbool,
};
EXPORT_SYMBOL(param_ops_invbool);

int param_set_bint(const char *val, const struct kernel_param *kp)
{
	/* Match bool exactly, by re-using it. */
	struct kernel_param boolkp = *kp;
	bool v;
	int ret;

	boolkp.arg = &v;

	ret = param_set_bool(val, &boolkp);
	if (ret == 0)
		*(int *)kp->arg = v;
	return ret;
}
EXPORT_SYMBOL(param_set_bint);

const struct kernel_param_ops param_ops_bint = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_bint,
	.get = param_get_int,
};
EXPORT_SYMBOL(param_ops_bint);

/* We break the rule and mangle the string. */
static int param_array(struct module *mod,
		       const char *name,
		       const char *val,
		       unsigned int min, unsigned int max,
		       void *elem, int elemsize,
		       int (*set)(const char *, const struct kernel_param *kp),
		       s16 level,
		       unsigned int *num)
{
	int ret;
	struct kernel_param kp = { .name = name, .mod = mod, .level = level, .arg = elem };
	char save;

	*num = 0;
	/* We expect a comma-separated list of values. */
	do {
		int len;

		if (*num == max) {
			pr_err("%s: can only take %i arguments\n", name, max);
			return -EINVAL;
		}
		len = strcspn(val, ",");

		/* nul-terminate and parse */
		save = val[len];
		((char *)val)[len] = '\0';
		ret = set(val, &kp);

		if (ret != 0)
			return ret;
		kp.arg += elemsize;
		val += len+1;
		(*num)++;
	} while (save == ',');

	if (*num < min) {
		pr_err("%s: needs at least %i arguments\n", name, min);
		return -EINVAL;
	}
	return 0;
}

static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	unsigned int temp_num;

	return param_array(kp->mod, kp->name, val, 1, arr->max, arr->elem,
			   arr->elemsize, arr->ops->set, kp->level,
			   arr->num ?: &temp_num);
}

static int param_array_get(char *buffer, const struct kernel_param *kp)
{
	int i, off, ret;
	const struct kparam_array *arr = kp->arr;
	struct kernel_param p = *kp;

	for (i = off = 0; i < (arr->num ? *arr->num : arr->max); i++) {
		/* Replace \n with comma */
		if (i)
			buffer[off - 1] = ',';
		p.arg = arr->elem + arr->elemsize * i;
		ret = arr->ops->get(buffer + off, &p);
		if (ret < 0)
			return ret;
		off += ret;
	}
	buffer[off] = '\0';
	return off;
}

static void param_array_free(void *arg)
{
	unsigned int i;
	const struct kparam_array *arr = arg;

	if (arr->ops->free)
		for (i = 0; i < (arr->num ? *arr->num : arr->max); i++)
			arr->ops->free(arr->elem + arr->elemsize * i);
}

const struct kernel_param_ops param_array_ops = {
	.set = param_array_set,
	.get = param_array_get,
	.free = param_array_free,
};
EXPORT_SYMBOL(param_array_ops);

int param_set_copystring(const char *val, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;

	if (strnlen(val, kps->maxlen) == kps->maxlen) {
		pr_err("%s: string doesn't fit in %u chars.\n",
		       kp->name, kps->maxlen-1);
		return -ENOSPC;
	}
	strcpy(kps->string, val);
	return 0;
}
EXPORT_SYMBOL(param_set_copystring);

int param_get_string(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;
	return scnprintf(buffer, PAGE_SIZE, "%s\n", kps->string);
}
EXPORT_SYMBOL(param_get_string);

const struct kernel_param_ops param_ops_string = {
	.set = param_set_copystring,
	.get = param_get_string,
};
EXPORT_SYMBOL(param_ops_string);

/* --------------------------------------------------------------------------------------------------
 * dyndbg="QUERY" on a module: the dynamic debug query language, applied to the module's pr_debug sites.
 *   query := [func NAME] [file NAME] [line N[-M]] [format TEXT] FLAGS   (several queries: ';' separated)
 *   FLAGS := [+-=][pmflt_]*   p: print, m/f/l/t: module/function/line/thread prefixes
 */
static bool ddebug_match(const char *pattern, const char *s)
{
	/* shell glob with * and ? */
	if (!*pattern)
		return !*s;
	if (*pattern == '*')
		return ddebug_match(pattern + 1, s) || (*s && ddebug_match(pattern, s + 1));
	if (*s && (*pattern == '?' || *pattern == *s))
		return ddebug_match(pattern + 1, s + 1);
	return false;
}

static int ddebug_exec_query(struct module *mod, char *query)
{
	char *words[16];
	int nwords = 0, i;
	const char *func = NULL, *file = NULL, *format = NULL;
	unsigned int first = 0, last = ~0u;
	unsigned int mask = ~0u, set = 0;
	char *flags;
	struct _ddebug *d;

	while (*query && nwords < (int)ARRAY_SIZE(words)) {
		query = skip_spaces(query);
		if (!*query)
			break;
		words[nwords++] = query;
		while (*query && !isspace(*query))
			query++;
		if (*query)
			*query++ = '\0';
	}
	if (!nwords)
		return 0;
	for (i = 0; i + 1 < nwords; i += 2) {
		if (!strcmp(words[i], "func"))
			func = words[i + 1];
		else if (!strcmp(words[i], "file"))
			file = words[i + 1];
		else if (!strcmp(words[i], "format"))
			format = words[i + 1];
		else if (!strcmp(words[i], "module"))
			;
		else if (!strcmp(words[i], "line")) {
			char *dash = strchr(words[i + 1], '-');

			if (dash)
				*dash = '\0';
			if (kstrtouint(words[i + 1], 10, &first))
				return -EINVAL;
			last = first;
			if (dash && (dash[1] ? kstrtouint(dash + 1, 10, &last) : (last = ~0u, 0)))
				return -EINVAL;
		} else {
			pr_err("dyndbg: unknown keyword \"%s\"\n", words[i]);
			return -EINVAL;
		}
	}
	if (i != nwords - 1)
		return -EINVAL;
	flags = words[nwords - 1];
	if (*flags != '+' && *flags != '-' && *flags != '=')
		return -EINVAL;
	for (i = 1; flags[i]; i++) {
		switch (flags[i]) {
		case 'p': set |= _DPRINTK_FLAGS_PRINT; break;
		case 'm': set |= _DPRINTK_FLAGS_INCL_MODNAME; break;
		case 'f': set |= _DPRINTK_FLAGS_INCL_FUNCNAME; break;
		case 'l': set |= _DPRINTK_FLAGS_INCL_LINENO; break;
		case 't': set |= _DPRINTK_FLAGS_INCL_TID; break;
		case 's': set |= _DPRINTK_FLAGS_INCL_SOURCENAME; break;
		case '_': break;
		default:
			return -EINVAL;
		}
	}
	switch (*flags) {
	case '+': mask = ~0u; break;
	case '-': mask = ~set; set = 0; break;
	case '=': mask = 0; break;
	}
	for (d = mod->dyndbg; d && d < mod->dyndbg_end; d++) {
		if (func && !ddebug_match(func, d->function))
			continue;
		if (file && !ddebug_match(file, d->filename) && !ddebug_match(file, kbasename(d->filename)))
			continue;
		if (format && !strstr(d->format, format))
			continue;
		if (d->lineno < first || d->lineno > last)
			continue;
		d->flags = (d->flags & mask) | set;
	}
	return 0;
}

static void ddebug_exec_queries(struct module *mod, char *queries)
{
	char *q;

	while ((q = strsep(&queries, ";\n")) != NULL)
		ddebug_exec_query(mod, q);
}

/* Unknown names: async_probe and dyndbg are for every module, anything else is ignored with a warning. */
static int unknown_module_param_cb(char *param, char *val, const char *modname, void *arg)
{
	struct module *mod = arg;
	char *sep;

	if (strcmp(param, "async_probe") == 0)
		return 0;

	/* Check for magic 'dyndbg' arg (also "<mod>.dyndbg") */
	sep = strchr(param, '.');
	if (!strcmp(sep ? sep + 1 : param, "dyndbg")) {
		ddebug_exec_queries(mod, val ? val : (char[]){ "+p" });
		return 0;
	}
	pr_warn("%s: unknown parameter '%s' ignored\n", modname, param);
	return 0;
}

/*
 * Load time: parse @args (modifiable) against @mod's parameters, as load_module() does.
 * Returns 0 or the last -errno; parameters after "--" are reported and ignored.
 */
int __lkm_entry lkm_parse_params(struct module *mod, char *args)
{
	char *after_dashes;
	unsigned int num = mod->kp && mod->kp_end ? mod->kp_end - mod->kp : 0;

	after_dashes = parse_args(mod->name, args, mod->kp, num, -32768, 32767, mod,
				  unknown_module_param_cb);
	if (IS_ERR(after_dashes))
		return PTR_ERR(after_dashes);
	if (after_dashes)
		pr_warn("%s: parameters '%s' after `--' ignored\n", mod->name, after_dashes);
	return 0;
}

/* Everything else on the command line is for modules loaded later (modprobe reads it) or for init. */
static int unknown_bootoption(char *param, char *val, const char *doing, void *arg)
{
	return 0;
}

/*
 * Boot: the kernel command line against vmlinux's own parameters ("kunit.filter_glob=…"), as
 * start_kernel()'s parse_args("Booting kernel", …). Returns 0 or the last -errno.
 */
int __lkm_entry lkm_parse_cmdline(char *args)
{
	char *after_dashes;

	after_dashes = parse_args("Booting kernel", args, __start___param,
				  __stop___param - __start___param, -1, -1, NULL, unknown_bootoption);
	return IS_ERR(after_dashes) ? PTR_ERR(after_dashes) : 0;
}

/* vmlinux's own parameters ("kunit.stats_enabled"): the built-in modules' /sys/module/NAME/parameters. */
const struct kernel_param *__lkm_entry lkm_builtin_params(unsigned int *num)
{
	*num = __stop___param - __start___param;
	return __start___param;
}

/* sysfs read: the text (ending in "\n") into @buf (PAGE_SIZE), its length, or -errno. */
int __lkm_entry lkm_param_get(const struct kernel_param *kp, char *buf)
{
	int count;

	if (!kp->ops->get)
		return -EPERM;

	kernel_param_lock(kp->mod);
	count = kp->ops->get(buf, kp);
	kernel_param_unlock(kp->mod);
	return count;
}

/* sysfs write: 0 or -errno. */
int __lkm_entry lkm_param_set(const struct kernel_param *kp, const char *val)
{
	int err;

	if (!kp->ops->set)
		return -EPERM;

	kernel_param_lock(kp->mod);
	if (param_check_unsafe(kp))
		err = kp->ops->set(val, kp);
	else
		err = -EPERM;
	kernel_param_unlock(kp->mod);
	return err;
}

/* Unload: the params' free() hooks (charp strings), as destroy_params(). */
void __lkm_entry lkm_destroy_params(struct module *mod)
{
	const struct kernel_param *kp;

	if (!mod->kp || !mod->kp_end)
		return;
	for (kp = mod->kp; kp < mod->kp_end; kp++)
		if (kp->ops->free)
			kp->ops->free(kp->arg);
}
