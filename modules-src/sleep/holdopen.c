// SPDX-License-Identifier: GPL-2.0
/*
 * holdopen FILE SECONDS: opens FILE as cat would (waiting if the driver makes it wait), prints what it
 * reads, keeps the file open SECONDS more, then closes it. Two of them show /proc/sleep's one-at-a-time
 * rule: the second open() returns once the first holder has closed. (LKMPG uses `tail -f` for this.)
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[256];
	ssize_t n;
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: %s FILE SECONDS\n", argv[0]);
		return 2;
	}
	fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		fwrite(buf, 1, n, stdout);
	fflush(stdout);
	sleep(atoi(argv[2]));
	close(fd);
	return 0;
}
