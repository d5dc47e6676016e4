/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LINUX_HDREG_H
#define _UAPI_LINUX_HDREG_H

/* HDIO_GETGEO: the legacy CHS geometry a driver's getgeo() reports (fdisk, sfdisk ask for it). */
#define HDIO_GETGEO		0x0301	/* get device geometry */

struct hd_geometry {
	unsigned char heads;
	unsigned char sectors;
	unsigned short cylinders;
	unsigned long start;
};

#endif /* _UAPI_LINUX_HDREG_H */
