// SPDX-License-Identifier: GPL-2.0
/*
 * The initial UTS namespace (init/version.c): what uname(2) reports, from the build's -D flags
 * (src/kernel/release.ts through src/kbuild/toolchain.ts), as Linux's from its generated headers.
 */
#include <linux/export.h>
#include <linux/cred.h>
#include <linux/utsname.h>

struct uts_namespace init_uts_ns = {
	.name = {
		.sysname	= "Linux",
		.nodename	= UTS_NODENAME,
		.release	= UTS_RELEASE,
		.version	= UTS_VERSION,
		.machine	= UTS_MACHINE,
		.domainname	= "(none)",
	},
	.user_ns = &init_user_ns,
};
EXPORT_SYMBOL_GPL(init_uts_ns);

/* utsname() reaches the task's namespace on Linux without a GPL symbol: so here too. */
struct new_utsname *lkm_current_utsname(void)
{
	return &init_uts_ns.name;
}
EXPORT_SYMBOL(lkm_current_utsname);
