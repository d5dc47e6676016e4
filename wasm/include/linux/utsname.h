/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

/*
 * The UTS namespace (kernel/utsname.c, init/version.c: wasm/kernel/utsname.c). There is one here, the
 * initial one, so utsname() (the current task's) is init_utsname(). Its release, version and machine
 * are `uname -r`, `uname -v`, `uname -m`: src/kernel/release.ts, given to C as -D flags.
 */
#include <linux/kref.h>
#include <linux/err.h>
#include <uapi/linux/utsname.h>

enum uts_proc {
	UTS_PROC_ARCH,
	UTS_PROC_OSTYPE,
	UTS_PROC_OSRELEASE,
	UTS_PROC_VERSION,
	UTS_PROC_HOSTNAME,
	UTS_PROC_DOMAINNAME,
};

struct user_namespace;
extern struct user_namespace init_user_ns;

struct uts_namespace {
	struct new_utsname name;
	struct user_namespace *user_ns;
};
extern struct uts_namespace init_uts_ns;

/* The one namespace is never freed: taking and dropping references has nothing to count. */
static inline void get_uts_ns(struct uts_namespace *ns) { (void)ns; }
static inline void put_uts_ns(struct uts_namespace *ns) { (void)ns; }

static inline void uts_proc_notify(enum uts_proc proc) { (void)proc; }

struct new_utsname *lkm_current_utsname(void);

static inline struct new_utsname *utsname(void)
{
	return lkm_current_utsname();
}

static inline struct new_utsname *init_utsname(void)
{
	return &init_uts_ns.name;
}

#endif /* _LINUX_UTSNAME_H */
