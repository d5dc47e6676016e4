/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MODULE_PARAMS_H
#define _LINUX_MODULE_PARAMS_H

#include <linux/compiler_types.h>
#include <linux/stringify.h>
#include <linux/types.h>
#include <linux/init.h>

/* Parameters of a module are bare names; built-in ones are "modname.param". */
#ifdef MODULE
#define MODULE_PARAM_PREFIX /* empty */
#define __MODULE_INFO_PREFIX /* empty */
#else
#define MODULE_PARAM_PREFIX KBUILD_MODNAME "."
#define __MODULE_INFO_PREFIX KBUILD_MODNAME "."
#endif

/*
 * One "tag=info" string in the .modinfo custom section (docs/module-format.md §2). The value is emitted
 * with its C spelling (string literals, concatenations, escapes and macros expanded first), which the
 * assembler accepts as it is.
 */
#define __MODULE_INFO(tag, name, info)						\
	__asm__(".section .custom_section..modinfo,\"\",@\n"			\
		".ascii \"" __MODULE_INFO_PREFIX #tag "=\"\n"			\
		".ascii " __stringify(info) "\n"				\
		".byte 0\n"							\
		".text\n")

#define __MODULE_PARM_TYPE(name, _type)						\
	__MODULE_INFO(parmtype, name##type, #name ":" _type)

/* One-line description of a parameter: modinfo "parm=name:desc". */
#define MODULE_PARM_DESC(_parm, desc)						\
	__MODULE_INFO(parm, _parm, #_parm ":" desc)

struct kernel_param;

enum {
	KERNEL_PARAM_OPS_FL_NOARG = (1 << 0)
};

struct kernel_param_ops {
	/* How the ops should behave */
	unsigned int flags;
	/* Returns 0, or -errno.  arg is in kp->arg. */
	int (*set)(const char *val, const struct kernel_param *kp);
	/* Returns length written or -errno.  Buffer is 4k (ie. be short!) */
	int (*get)(char *buffer, const struct kernel_param *kp);
	/* Optional function to free kp->arg when module unloaded. */
	void (*free)(void *arg);
};

enum {
	KERNEL_PARAM_FL_UNSAFE	= (1 << 0),
	KERNEL_PARAM_FL_HWPARAM	= (1 << 1),
};

struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const u16 perm;
	s8 level;
	u8 flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

extern const struct kernel_param __start___param[], __stop___param[];

/* Special one for strings we want to copy into */
struct kparam_string {
	unsigned int maxlen;
	char *string;
};

/* Special one for arrays */
struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

#define __moduleparam_const const

/* Compile-time checks of the permission bits, as Linux: octal, not world-writable, no more for others. */
#define __param_bbz(e) ((int)(sizeof(struct { int:(-!!(e)); })))
#define VERIFY_OCTAL_PERMISSIONS(perm)						\
	(__param_bbz((perm) < 0) +						\
	 __param_bbz((perm) > 0777) +						\
	 __param_bbz((((perm) >> 6) & 4) < (((perm) >> 3) & 4)) +		\
	 __param_bbz((((perm) >> 3) & 4) < ((perm) & 4)) +			\
	 __param_bbz((((perm) >> 6) & 2) < (((perm) >> 3) & 2)) +		\
	 __param_bbz((perm) & 2) +						\
	 (perm))

/* This is the fundamental function for registering boot/module parameters. */
#define __module_param_call(prefix, name, ops, arg, perm, level, flags)	\
	static const char __param_str_##name[] = prefix #name;			\
	static struct kernel_param __moduleparam_const __param_##name		\
	__used __section("__param")						\
	__aligned(__alignof__(struct kernel_param))				\
	= { __param_str_##name, THIS_MODULE, ops,				\
	    VERIFY_OCTAL_PERMISSIONS(perm), level, flags, { arg } }

#define module_param_cb(name, ops, arg, perm)					\
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)

#define module_param_cb_unsafe(name, ops, arg, perm)				\
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1,	\
			    KERNEL_PARAM_FL_UNSAFE)

#define __level_param_cb(name, ops, arg, perm, level)				\
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, level, 0)
#define core_param_cb(name, ops, arg, perm)		__level_param_cb(name, ops, arg, perm, 1)
#define postcore_param_cb(name, ops, arg, perm)		__level_param_cb(name, ops, arg, perm, 2)
#define arch_param_cb(name, ops, arg, perm)		__level_param_cb(name, ops, arg, perm, 3)
#define subsys_param_cb(name, ops, arg, perm)		__level_param_cb(name, ops, arg, perm, 4)
#define fs_param_cb(name, ops, arg, perm)		__level_param_cb(name, ops, arg, perm, 5)
#define device_param_cb(name, ops, arg, perm)		__level_param_cb(name, ops, arg, perm, 6)
#define late_param_cb(name, ops, arg, perm)		__level_param_cb(name, ops, arg, perm, 7)

/* Type checks: a compile error if the variable does not have the type the param type stores. */
#define __param_check(name, p, type) \
	static inline type __always_unused *__check_##name(void) { return(p); }

#define param_check_byte(name, p)	__param_check(name, p, unsigned char)
#define param_check_short(name, p)	__param_check(name, p, short)
#define param_check_ushort(name, p)	__param_check(name, p, unsigned short)
#define param_check_int(name, p)	__param_check(name, p, int)
#define param_check_uint(name, p)	__param_check(name, p, unsigned int)
#define param_check_long(name, p)	__param_check(name, p, long)
#define param_check_ulong(name, p)	__param_check(name, p, unsigned long)
#define param_check_ullong(name, p)	__param_check(name, p, unsigned long long)
#define param_check_hexint(name, p)	param_check_uint(name, p)
#define param_check_charp(name, p)	__param_check(name, p, char *)
#define param_check_bool(name, p)	__param_check(name, p, bool)
#define param_check_invbool(name, p)	__param_check(name, p, bool)
#define param_check_bint		param_check_int

/**
 * module_param_named - typesafe helper for a renamed module/cmdline parameter
 */
#define module_param_named(name, value, type, perm)				\
	param_check_##type(name, &(value));					\
	module_param_cb(name, &param_ops_##type, &value, perm);		\
	__MODULE_PARM_TYPE(name, #type)

#define module_param_named_unsafe(name, value, type, perm)			\
	param_check_##type(name, &(value));					\
	module_param_cb_unsafe(name, &param_ops_##type, &value, perm);	\
	__MODULE_PARM_TYPE(name, #type)

/**
 * module_param - typesafe helper for a module/cmdline parameter
 * @name: the variable to alter, and exposed parameter name.
 * @type: the type of the parameter
 * @perm: visibility in sysfs.
 */
#define module_param(name, type, perm)						\
	module_param_named(name, name, type, perm)

#define module_param_unsafe(name, type, perm)					\
	module_param_named_unsafe(name, name, type, perm)

#define module_param_hw_named(name, value, type, hwtype, perm)		\
	module_param_named(name, value, type, perm)
#define module_param_hw(name, type, hwtype, perm)				\
	module_param_hw_named(name, name, type, hwtype, perm)

/* Copies a string into a fixed-size buffer. */
#define module_param_string(name, string, len, perm)				\
	static const struct kparam_string __param_string_##name		\
		= { len, string };						\
	__module_param_call(MODULE_PARAM_PREFIX, name,				\
			    &param_ops_string,					\
			    .str = &__param_string_##name, perm, -1, 0);	\
	__MODULE_PARM_TYPE(name, "string")

#define __param_array_size(a) (sizeof(a) / sizeof((a)[0]))

/**
 * module_param_array - a parameter which is an array of some type
 * @nump: optional pointer filled in with the number written
 */
#define module_param_array(name, type, nump, perm)				\
	module_param_array_named(name, name, type, nump, perm)

#define module_param_array_named(name, array, type, nump, perm)		\
	param_check_##type(name, &(array)[0]);					\
	static const struct kparam_array __param_arr_##name			\
	= { .max = __param_array_size(array), .num = nump,			\
	    .ops = &param_ops_##type,						\
	    .elemsize = sizeof(array[0]), .elem = array };			\
	__module_param_call(MODULE_PARAM_PREFIX, name,				\
			    &param_array_ops,					\
			    .arr = &__param_arr_##name,				\
			    perm, -1, 0);					\
	__MODULE_PARM_TYPE(name, "array of " #type)

#define module_param_hw_array(name, type, hwtype, nump, perm)			\
	module_param_array(name, type, nump, perm)

/* Built-in parameters of vmlinux itself (no module prefix). */
#define core_param(name, var, type, perm)					\
	param_check_##type(name, &(var));					\
	__module_param_call("", name, &param_ops_##type, &var, perm, -1, 0)

static inline void kernel_param_lock(struct module *mod) { (void)mod; }
static inline void kernel_param_unlock(struct module *mod) { (void)mod; }

/* The standard parameter types (vmlinux, kernel/params.c semantics). */
extern const struct kernel_param_ops param_ops_byte;
extern int param_set_byte(const char *val, const struct kernel_param *kp);
extern int param_get_byte(char *buffer, const struct kernel_param *kp);

extern const struct kernel_param_ops param_ops_short;
extern int param_set_short(const char *val, const struct kernel_param *kp);
extern int param_get_short(char *buffer, const struct kernel_param *kp);

extern const struct kernel_param_ops param_ops_ushort;
extern int param_set_ushort(const char *val, const struct kernel_param *kp);
extern int param_get_ushort(char *buffer, const struct kernel_param *kp);

extern const struct kernel_param_ops param_ops_int;
extern int param_set_int(const char *val, const struct kernel_param *kp);
extern int param_get_int(char *buffer, const struct kernel_param *kp);

extern const struct kernel_param_ops param_ops_uint;
extern int param_set_uint(const char *val, const struct kernel_param *kp);
extern int param_get_uint(char *buffer, const struct kernel_param *kp);
int param_set_uint_minmax(const char *val, const struct kernel_param *kp,
			  unsigned int min, unsigned int max);

extern const struct kernel_param_ops param_ops_long;
extern int param_set_long(const char *val, const struct kernel_param *kp);
extern int param_get_long(char *buffer, const struct kernel_param *kp);

extern const struct kernel_param_ops param_ops_ulong;
extern int param_set_ulong(const char *val, const struct kernel_param *kp);
extern int param_get_ulong(char *buffer, const struct kernel_param *kp);

extern const struct kernel_param_ops param_ops_ullong;
extern int param_set_ullong(const char *val, const struct kernel_param *kp);
extern int param_get_ullong(char *buffer, const struct kernel_param *kp);

extern const struct kernel_param_ops param_ops_hexint;
extern int param_set_hexint(const char *val, const struct kernel_param *kp);
extern int param_get_hexint(char *buffer, const struct kernel_param *kp);

extern const struct kernel_param_ops param_ops_charp;
extern int param_set_charp(const char *val, const struct kernel_param *kp);
extern int param_get_charp(char *buffer, const struct kernel_param *kp);
extern void param_free_charp(void *arg);

extern const struct kernel_param_ops param_ops_bool;
extern int param_set_bool(const char *val, const struct kernel_param *kp);
extern int param_get_bool(char *buffer, const struct kernel_param *kp);
extern const struct kernel_param_ops param_ops_bool_enable_only;
extern int param_set_bool_enable_only(const char *val, const struct kernel_param *kp);
#define param_get_bool_enable_only param_get_bool
#define param_check_bool_enable_only param_check_bool

extern const struct kernel_param_ops param_ops_invbool;
extern int param_set_invbool(const char *val, const struct kernel_param *kp);
extern int param_get_invbool(char *buffer, const struct kernel_param *kp);

extern const struct kernel_param_ops param_ops_bint;
extern int param_set_bint(const char *val, const struct kernel_param *kp);
#define param_get_bint param_get_int

extern const struct kernel_param_ops param_array_ops;

extern const struct kernel_param_ops param_ops_string;
extern int param_set_copystring(const char *val, const struct kernel_param *kp);
extern int param_get_string(char *buffer, const struct kernel_param *kp);

#endif /* _LINUX_MODULE_PARAMS_H */
