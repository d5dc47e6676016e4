// SPDX-License-Identifier: LicenseRef-Proprietary
/* A module under a non-GPL license: it taints the kernel (P) and cannot use GPL-only exports. */
#include <linux/module.h>
#include <linux/kernel.h>

static int __init proprietary_init(void)
{
	pr_info("proprietary: loaded\n");
	return 0;
}

static void __exit proprietary_exit(void)
{
	pr_info("proprietary: unloaded\n");
}

module_init(proprietary_init);
module_exit(proprietary_exit);

MODULE_LICENSE("Proprietary");
MODULE_AUTHOR("Example Corp");
MODULE_DESCRIPTION("A proprietary module");
