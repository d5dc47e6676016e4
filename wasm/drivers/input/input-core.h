/* SPDX-License-Identifier: GPL-2.0-only */
/* What the input core's files share (drivers/input/input.c, input-sysfs.c, input-proc.c). */
#ifndef _LKM_INPUT_CORE_H
#define _LKM_INPUT_CORE_H

#include <linux/input.h>
#include <linux/mutex.h>
#include <linux/list.h>

#define INPUT_MAJOR 13
#define INPUT_FIRST_DYNAMIC_DEV 256
#define INPUT_MAX_CHAR_DEVICES 1024

extern struct list_head input_dev_list;
extern struct list_head input_handler_list;
extern struct mutex input_mutex;	/* the two lists and the handles on them */
extern const struct device_type input_dev_type;

/* "%lx" words of a bitmap, most significant first, Linux's input_print_bitmap(). */
int input_print_bitmap(char *buf, int buf_size, const unsigned long *bitmap, int max, int add_cr);

int input_proc_init(void);
void input_wakeup_procfs_readers(void);

#endif
