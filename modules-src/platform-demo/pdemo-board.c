// SPDX-License-Identifier: GPL-2.0
/*
 * The board: what firmware would describe, registered by hand. Two platform devices with register
 * windows, one with an IRQ, each with platform data (copied by the platform core).
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include "pdemo.h"

static const struct resource left_res[] = {
	DEFINE_RES_MEM_NAMED(0x10000000, 0x100, "regs"),
	DEFINE_RES_IRQ(42),
};

static const struct resource right_res[] = {
	DEFINE_RES_MEM(0x10001000, 0x40),
};

static const struct pdemo_platform_data left_data = { .label = "left", .gain = 7 };
static const struct pdemo_platform_data right_data = { .label = "right", .gain = 5 };

static struct platform_device *left, *right;

static int __init pdemo_board_init(void)
{
	left = platform_device_register_resndata(NULL, "pdemo", 0, left_res, ARRAY_SIZE(left_res),
						 &left_data, sizeof(left_data));
	if (IS_ERR(left))
		return PTR_ERR(left);
	right = platform_device_register_resndata(NULL, "pdemo-lite", PLATFORM_DEVID_NONE, right_res,
						  ARRAY_SIZE(right_res), &right_data, sizeof(right_data));
	if (IS_ERR(right)) {
		platform_device_unregister(left);
		return PTR_ERR(right);
	}
	dev_info(&left->dev, "registered\n");
	return 0;
}

static void __exit pdemo_board_exit(void)
{
	platform_device_unregister(right);
	platform_device_unregister(left);
}

module_init(pdemo_board_init);
module_exit(pdemo_board_exit);
MODULE_DESCRIPTION("Registers the platform devices pdemo.0 and pdemo-lite");
MODULE_LICENSE("GPL");
