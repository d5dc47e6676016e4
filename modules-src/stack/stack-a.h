/* SPDX-License-Identifier: GPL-2.0 */
#ifndef STACK_A_H
#define STACK_A_H

extern int stack_a_calls;
int stack_a_add(int a, int b);
int stack_a_secret(void);

#endif
