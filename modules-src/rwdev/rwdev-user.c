// SPDX-License-Identifier: GPL-2.0
/*
 * rwdev-user: a user program for the rwdev driver. It writes to /dev/rwdev, asks the driver how much the
 * buffer holds (RWDEV_IOC_GET_LEN), seeks and reads part of it back, fills the buffer through an ioctl
 * (RWDEV_IOC_FILL) and shows what a wrong request gets (ENOTTY). Each system call is printed with its result.
 *
 *   modprobe rwdev
 *   mknod /dev/rwdev c 240 0
 *   ./rwdev-user [TEXT]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "rwdev.h"

static void show(const char *call, long ret)
{
	if (ret < 0)
		printf("%-28s = -1 (%s)\n", call, strerror(errno));
	else
		printf("%-28s = %ld\n", call, ret);
}

int main(int argc, char **argv)
{
	const char *text = argc > 1 ? argv[1] : "hello rwdev";
	char buf[RWDEV_SIZE + 1];
	int len = -1, fill = '*';
	ssize_t n;
	int fd;

	fd = open("/dev/rwdev", O_RDWR);
	show("open(\"/dev/rwdev\")", fd);
	if (fd < 0) {
		fprintf(stderr, "%s: /dev/rwdev: %s (modprobe rwdev; mknod /dev/rwdev c %d 0)\n",
			argv[0], strerror(errno), RWDEV_MAJOR);
		return 1;
	}
	show("ioctl(RWDEV_IOC_RESET)", ioctl(fd, RWDEV_IOC_RESET));
	show("write(text)", write(fd, text, strlen(text)));
	show("ioctl(RWDEV_IOC_GET_LEN)", ioctl(fd, RWDEV_IOC_GET_LEN, &len));
	printf("the driver holds %d bytes\n", len);
	show("lseek(6, SEEK_SET)", lseek(fd, 6, SEEK_SET));
	n = read(fd, buf, RWDEV_SIZE);
	show("read()", n);
	printf("read back: \"%.*s\"\n", (int)(n > 0 ? n : 0), buf);
	show("ioctl(RWDEV_IOC_FILL, '*')", ioctl(fd, RWDEV_IOC_FILL, &fill));
	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, RWDEV_SIZE);
	printf("after fill: %zd bytes of '%c'\n", n, n > 0 ? buf[0] : '?');
	show("ioctl(unknown request)", ioctl(fd, _IO(RWDEV_IOC_MAGIC, 99)));
	show("close()", close(fd));
	return 0;
}
