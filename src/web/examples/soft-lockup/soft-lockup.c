// SPDX-License-Identifier: GPL-2.0
/*
 * A module whose init never returns: it spins on a flag nobody clears. On Linux the soft-lockup
 * watchdog reports the stuck CPU; here the page's watchdog stops the kernel's worker, reports it the
 * same way and reboots, and the page stays responsive throughout.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/kernel.h>

static volatile int spinning = 1;

static int __init soft_lockup_init(void)
{
	pr_info("spinning forever in init\n");
	while (spinning)
		;
	return 0;
}

static void __exit soft_lockup_exit(void)
{
}

module_init(soft_lockup_init);
module_exit(soft_lockup_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Init that loops forever (watchdog demo)");
