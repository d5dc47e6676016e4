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

/* What input_get_disposition() decides for an event. */
#define INPUT_IGNORE_EVENT	0
#define INPUT_PASS_TO_HANDLERS	1
#define INPUT_PASS_TO_DEVICE	2
#define INPUT_SLOT		4
#define INPUT_FLUSH		8
#define INPUT_PASS_TO_ALL	(INPUT_PASS_TO_HANDLERS | INPUT_PASS_TO_DEVICE)

static inline bool is_event_supported(unsigned int code, const unsigned long *bm, unsigned int max)
{
	return code <= max && test_bit(code, bm);
}

/* input.c: an event's disposition carried out (under event_lock). */
void input_event_dispose(struct input_dev *dev, int disposition, unsigned int type, unsigned int code,
			 int value);

/* input-keymap.c: the keycode table's default methods. */
int input_default_getkeycode(struct input_dev *dev, struct input_keymap_entry *ke);
int input_default_setkeycode(struct input_dev *dev, const struct input_keymap_entry *ke,
			     unsigned int *old_keycode);

/* "%lx" words of a bitmap, most significant first, Linux's input_print_bitmap(). */
int input_print_bitmap(char *buf, int buf_size, const unsigned long *bitmap, int max, int add_cr);

int input_proc_init(void);
void input_wakeup_procfs_readers(void);

#endif
