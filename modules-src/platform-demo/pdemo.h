/* SPDX-License-Identifier: GPL-2.0 */
/* What the board (pdemo-board.c) tells the driver (pdemo.c) about each device: its platform data. */
#ifndef _PDEMO_H
#define _PDEMO_H

#include <linux/types.h>

struct pdemo_platform_data {
	const char *label;
	u32 gain;
};

#endif
