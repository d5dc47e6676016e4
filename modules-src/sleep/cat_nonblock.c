// SPDX-License-Identifier: GPL-2.0
/*
 * cat_nonblock FILE: prints FILE without ever waiting for it, as in LKMPG. An open or read that would
 * block says so (EAGAIN) and exits 1; otherwise the contents go to stdout.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[512];
	ssize_t n;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: %s FILE\nprints FILE without waiting for input\n", argv[0]);
		return 2;
	}
	fd = open(argv[1], O_RDONLY | O_NONBLOCK);
	if (fd < 0) {
		puts(errno == EAGAIN ? "Open would block" : "Open failed");
		return 1;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		fwrite(buf, 1, n, stdout);
	if (n < 0) {
		puts(errno == EAGAIN ? "Normally I'd block, but you told me not to" : "Another read error");
		return 1;
	}
	close(fd);
	return 0;
}
