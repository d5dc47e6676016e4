// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * module.sig_enforce, as kernel/module/signing.c has it: set from the command line
 * (module.sig_enforce=1), by /sys/module/module/parameters/sig_enforce (once on, never off), or
 * at boot for a kernel that stands for CONFIG_MODULE_SIG_FORCE=y. The signature itself is checked
 * by the host (src/kernel/module-sig.ts), which asks is_module_sig_enforced() on every load.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include "host.h"

#undef MODULE_PARAM_PREFIX
#define MODULE_PARAM_PREFIX "module."

static bool sig_enforce = IS_ENABLED(CONFIG_MODULE_SIG_FORCE);
module_param(sig_enforce, bool_enable_only, 0644);

bool __lkm_entry is_module_sig_enforced(void)
{
	return sig_enforce;
}
EXPORT_SYMBOL(is_module_sig_enforced);

void __lkm_entry set_module_sig_enforced(void)
{
	sig_enforce = true;
}
