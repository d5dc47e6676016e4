/* SPDX-License-Identifier: GPL-2.0 */
#ifndef STACK_B_H
#define STACK_B_H

extern int stack_b_calls;
int stack_b_twice(int x);

#endif
