/* SPDX-License-Identifier: GPL-2.0 */
#ifndef STACK_C_H
#define STACK_C_H

extern int stack_c_calls;
int stack_c_sum(int x);

#endif
