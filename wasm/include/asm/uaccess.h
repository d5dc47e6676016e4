/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_UACCESS_H
#define _ASM_UACCESS_H
/* Older modules include the arch header; the API is <linux/uaccess.h>. */
#include <linux/uaccess.h>
#endif
