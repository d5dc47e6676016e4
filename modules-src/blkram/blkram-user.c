// SPDX-License-Identifier: GPL-2.0
/*
 * blkram-user: a C program using the blkram disk as a program uses any block device: its size by
 * BLKGETSIZE64 and lseek(SEEK_END), a write that is not sector-aligned and its read back, the geometry
 * (HDIO_GETGEO), and what happens at the end of the disk. Each call is printed with its result.
 *
 *   insmod blkram.ko
 *   ./blkram-user [TEXT]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/ioctl.h>
#include <unistd.h>

/* From <linux/fs.h> and <linux/hdreg.h> (the user side has only <linux/ioctl.h>). */
#define BLKGETSIZE64	_IOR(0x12, 114, size_t)
#define BLKSSZGET	_IO(0x12, 104)
#define HDIO_GETGEO	0x0301

struct hd_geometry {
	unsigned char heads;
	unsigned char sectors;
	unsigned short cylinders;
	unsigned long start;
};

static void show(const char *call, long long ret)
{
	if (ret < 0)
		printf("%s: %s\n", call, strerror(errno));
	else
		printf("%s: %lld\n", call, ret);
}

int main(int argc, char **argv)
{
	const char *text = argc > 1 ? argv[1] : "hello, block device";
	size_t len = strlen(text);
	struct hd_geometry geo;
	char back[256] = "";
	uint64_t size = 0;
	int ssz = 0;
	off_t end;
	int fd;

	fd = open("/dev/blkram", O_RDWR);
	show("open", fd);
	if (fd < 0)
		return 1;
	show("BLKGETSIZE64", ioctl(fd, BLKGETSIZE64, &size));
	printf("size=%llu\n", (unsigned long long)size);
	show("BLKSSZGET", ioctl(fd, BLKSSZGET, &ssz));
	printf("sector=%d\n", ssz);
	end = lseek(fd, 0, SEEK_END);
	show("lseek end", end);
	/* Straddles a sector and a page boundary: the block layer reads, patches and writes back. */
	show("pwrite 4090", pwrite(fd, text, len, 4090));
	show("pread 4090", pread(fd, back, len, 4090));
	printf("data=%s\n", back);
	show("HDIO_GETGEO", ioctl(fd, HDIO_GETGEO, &geo));
	printf("heads=%u sectors=%u cylinders=%u\n", geo.heads, geo.sectors, geo.cylinders);
	show("pread at end", pread(fd, back, sizeof(back), end));
	show("pwrite at end", pwrite(fd, text, len, end));
	show("pwrite across end", pwrite(fd, text, len, end - 4));
	show("close", close(fd));
	return 0;
}
