/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Circular buffers (see Documentation/core-api/circular-buffers.rst): @size is a power of 2, head is
 * where the producer writes, tail where the consumer reads; one slot stays empty to tell full from empty.
 */
#ifndef _LINUX_CIRC_BUF_H
#define _LINUX_CIRC_BUF_H 1

struct circ_buf {
	char *buf;
	int head;
	int tail;
};

/* Return count in buffer.  */
#define CIRC_CNT(head,tail,size) (((head) - (tail)) & ((size)-1))

/* Return space available, 0..size-1.  We always leave one free char as a completely full buffer has
   head == tail, which is the same as empty.  */
#define CIRC_SPACE(head,tail,size) CIRC_CNT((tail),((head)+1),(size))

/* Return count up to the end of the buffer.  Carefully avoid accessing head and tail more than once,
   so they can change underneath us without returning inconsistent results.  */
#define CIRC_CNT_TO_END(head,tail,size) \
	({int __end = (size) - (tail); \
	  int __n = ((head) + __end) & ((size)-1); \
	  __n < __end ? __n : __end;})

/* Return space available up to the end of the buffer.  */
#define CIRC_SPACE_TO_END(head,tail,size) \
	({int __end = (size) - 1 - (head); \
	  int __n = (__end + (tail)) & ((size)-1); \
	  __n <= __end ? __n : __end+1;})

#endif /* _LINUX_CIRC_BUF_H  */
