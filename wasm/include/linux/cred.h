/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>
#include <linux/uidgid.h>

/*
 * A task's credentials (kernel/cred.c). Every process here runs as root in the initial user namespace
 * (the shell has no login and no setuid), so every task's credentials are init_cred: uid, gid and their
 * effective, saved and fs forms all 0, as for a root shell on Linux.
 */
struct user_namespace {
	int level;	/* 0: the initial namespace, the only one */
};

extern struct user_namespace init_user_ns;

struct cred {
	kuid_t uid, suid, euid, fsuid;
	kgid_t gid, sgid, egid, fsgid;
	struct user_namespace *user_ns;
};

extern const struct cred init_cred;
const struct cred *lkm_current_cred(void);

#define current_cred()		(lkm_current_cred())
#define current_real_cred()	current_cred()
#define get_current_cred()	current_cred()
#define get_cred(c)		(c)
#define put_cred(c)		do { (void)(c); } while (0)
#define current_uid()		(current_cred()->uid)
#define current_gid()		(current_cred()->gid)
#define current_euid()		(current_cred()->euid)
#define current_egid()		(current_cred()->egid)
#define current_suid()		(current_cred()->suid)
#define current_sgid()		(current_cred()->sgid)
#define current_fsuid()		(current_cred()->fsuid)
#define current_fsgid()		(current_cred()->fsgid)
#define current_user_ns()	(current_cred()->user_ns)
#define current_uid_gid(_uid, _gid) do { *(_uid) = current_uid(); *(_gid) = current_gid(); } while (0)

/* The one namespace maps every id to itself. */
static inline uid_t from_kuid(struct user_namespace *ns, kuid_t kuid) { (void)ns; return __kuid_val(kuid); }
static inline gid_t from_kgid(struct user_namespace *ns, kgid_t kgid) { (void)ns; return __kgid_val(kgid); }
static inline uid_t from_kuid_munged(struct user_namespace *ns, kuid_t kuid) { return from_kuid(ns, kuid); }
static inline gid_t from_kgid_munged(struct user_namespace *ns, kgid_t kgid) { return from_kgid(ns, kgid); }
static inline kuid_t make_kuid(struct user_namespace *ns, uid_t uid) { (void)ns; return KUIDT_INIT(uid); }
static inline kgid_t make_kgid(struct user_namespace *ns, gid_t gid) { (void)ns; return KGIDT_INIT(gid); }
static inline bool kuid_has_mapping(struct user_namespace *ns, kuid_t uid) { (void)ns; return uid_valid(uid); }
static inline bool kgid_has_mapping(struct user_namespace *ns, kgid_t gid) { (void)ns; return gid_valid(gid); }

#endif /* _LINUX_CRED_H */
