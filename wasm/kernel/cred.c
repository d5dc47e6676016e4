// SPDX-License-Identifier: GPL-2.0
/* kernel/cred.c: the credentials every task has here, root's in the initial user namespace (linux/cred.h). */
#include <linux/cred.h>
#include <linux/export.h>

struct user_namespace init_user_ns;
EXPORT_SYMBOL_GPL(init_user_ns);

const struct cred init_cred = {
	.uid = GLOBAL_ROOT_UID, .suid = GLOBAL_ROOT_UID, .euid = GLOBAL_ROOT_UID, .fsuid = GLOBAL_ROOT_UID,
	.gid = GLOBAL_ROOT_GID, .sgid = GLOBAL_ROOT_GID, .egid = GLOBAL_ROOT_GID, .fsgid = GLOBAL_ROOT_GID,
	.user_ns = &init_user_ns,
};
EXPORT_SYMBOL(init_cred);

const struct cred *lkm_current_cred(void)
{
	return &init_cred;
}
EXPORT_SYMBOL(lkm_current_cred);
