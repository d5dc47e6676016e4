/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LINUX_RTC_H_
#define _UAPI_LINUX_RTC_H_

#include <linux/const.h>
#include <linux/ioctl.h>
#include <linux/types.h>

/*
 * The struct used to pass data via the following ioctl. Similar to the struct tm in <time.h>, but it
 * needs to be here so that the kernel source is self contained, allowing cross-compiles, etc.
 */
struct rtc_time {
	int tm_sec;
	int tm_min;
	int tm_hour;
	int tm_mday;
	int tm_mon;
	int tm_year;
	int tm_wday;
	int tm_yday;
	int tm_isdst;
};

/* This data structure is inspired by the EFI (v0.92) wakeup alarm API. */
struct rtc_wkalrm {
	unsigned char enabled;	/* 0 = alarm disabled, 1 = alarm enabled */
	unsigned char pending;	/* 0 = alarm not pending, 1 = alarm pending */
	struct rtc_time time;	/* time the alarm is set to */
};

#define RTC_AIE_ON	_IO('p', 0x01)		/* Alarm int. enable on		*/
#define RTC_AIE_OFF	_IO('p', 0x02)		/* ... off			*/
#define RTC_UIE_ON	_IO('p', 0x03)		/* Update int. enable on	*/
#define RTC_UIE_OFF	_IO('p', 0x04)		/* ... off			*/
#define RTC_PIE_ON	_IO('p', 0x05)		/* Periodic int. enable on	*/
#define RTC_PIE_OFF	_IO('p', 0x06)		/* ... off			*/
#define RTC_WIE_ON	_IO('p', 0x0f)		/* Watchdog int. enable on	*/
#define RTC_WIE_OFF	_IO('p', 0x10)		/* ... off			*/

#define RTC_ALM_SET	_IOW('p', 0x07, struct rtc_time) /* Set alarm time	*/
#define RTC_ALM_READ	_IOR('p', 0x08, struct rtc_time) /* Read alarm time	*/
#define RTC_RD_TIME	_IOR('p', 0x09, struct rtc_time) /* Read RTC time	*/
#define RTC_SET_TIME	_IOW('p', 0x0a, struct rtc_time) /* Set RTC time	*/
#define RTC_IRQP_READ	_IOR('p', 0x0b, unsigned long)	 /* Read IRQ rate	*/
#define RTC_IRQP_SET	_IOW('p', 0x0c, unsigned long)	 /* Set IRQ rate	*/
#define RTC_EPOCH_READ	_IOR('p', 0x0d, unsigned long)	 /* Read epoch		*/
#define RTC_EPOCH_SET	_IOW('p', 0x0e, unsigned long)	 /* Set epoch		*/
#define RTC_WKALM_SET	_IOW('p', 0x0f, struct rtc_wkalrm)/* Set wakeup alarm	*/
#define RTC_WKALM_RD	_IOR('p', 0x10, struct rtc_wkalrm)/* Get wakeup alarm	*/

/* interrupt flags */
#define RTC_IRQF	0x80	/* Any of the following is active */
#define RTC_PF		0x40	/* Periodic interrupt */
#define RTC_AF		0x20	/* Alarm interrupt */
#define RTC_UF		0x10	/* Update interrupt for 1Hz RTC */

#endif /* _UAPI_LINUX_RTC_H_ */
