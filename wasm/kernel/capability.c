// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/capability.c: capable() and friends. Without capability sets of their own, tasks have what
 * root has on Linux: every valid capability when their effective uid is 0. An invalid number is a bug in
 * the caller, reported as Linux reports it.
 */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/printk.h>

bool ns_capable(struct user_namespace *ns, int cap)
{
	(void)ns;
	if (unlikely(!cap_valid(cap))) {
		pr_crit("capable() called with invalid cap=%u\n", cap);
		BUG();
	}
	return uid_eq(current_euid(), GLOBAL_ROOT_UID);
}
EXPORT_SYMBOL(ns_capable);

bool capable(int cap)
{
	return ns_capable(&init_user_ns, cap);
}
EXPORT_SYMBOL(capable);

bool file_ns_capable(const struct file *file, struct user_namespace *ns, int cap)
{
	(void)file;
	return ns_capable(ns, cap);
}
EXPORT_SYMBOL(file_ns_capable);

bool capable_wrt_inode_uidgid(struct mnt_idmap *idmap, const struct inode *inode, int cap)
{
	(void)idmap; (void)inode;	/* every id is mapped in the one namespace */
	return ns_capable(&init_user_ns, cap);
}
EXPORT_SYMBOL(capable_wrt_inode_uidgid);
