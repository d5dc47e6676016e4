// SPDX-License-Identifier: GPL-2.0
/* lib/ctype.c: the character class table behind <linux/ctype.h> (ISO-8859-1). */
#include <linux/ctype.h>
#include <linux/compiler.h>
#include <linux/export.h>

const unsigned char _ctype[] = {
	_C, _C, _C, _C, _C, _C, _C, _C,	/* 0-7 */
	_C, _C|_S, _C|_S, _C|_S, _C|_S, _C|_S, _C, _C,	/* 8-15 */
	_C, _C, _C, _C, _C, _C, _C, _C,	/* 16-23 */
	_C, _C, _C, _C, _C, _C, _C, _C,	/* 24-31 */
	_S|_SP, _P, _P, _P, _P, _P, _P, _P,	/* 32-39 */
	_P, _P, _P, _P, _P, _P, _P, _P,	/* 40-47 */
	_D, _D, _D, _D, _D, _D, _D, _D,	/* 48-55 */
	_D, _D, _P, _P, _P, _P, _P, _P,	/* 56-63 */
	_P, _U|_X, _U|_X, _U|_X, _U|_X, _U|_X, _U|_X, _U,	/* 64-71 */
	_U, _U, _U, _U, _U, _U, _U, _U,	/* 72-79 */
	_U, _U, _U, _U, _U, _U, _U, _U,	/* 80-87 */
	_U, _U, _U, _P, _P, _P, _P, _P,	/* 88-95 */
	_P, _L|_X, _L|_X, _L|_X, _L|_X, _L|_X, _L|_X, _L,	/* 96-103 */
	_L, _L, _L, _L, _L, _L, _L, _L,	/* 104-111 */
	_L, _L, _L, _L, _L, _L, _L, _L,	/* 112-119 */
	_L, _L, _L, _P, _P, _P, _P, _C,	/* 120-127 */
	_C, _C, _C, _C, _C, _C, _C, _C,	/* 128-135 */
	_C, _C, _C, _C, _C, _C, _C, _C,	/* 136-143 */
	_C, _C, _C, _C, _C, _C, _C, _C,	/* 144-151 */
	_C, _C, _C, _C, _C, _C, _C, _C,	/* 152-159 */
	_S|_SP, _P, _P, _P, _P, _P, _P, _P,	/* 160-167 */
	_P, _P, _P, _P, _P, _P, _P, _P,	/* 168-175 */
	_P, _P, _P, _P, _P, _P, _P, _P,	/* 176-183 */
	_P, _P, _P, _P, _P, _P, _P, _P,	/* 184-191 */
	_U, _U, _U, _U, _U, _U, _U, _U,	/* 192-199 */
	_U, _U, _U, _U, _U, _U, _U, _U,	/* 200-207 */
	_U, _U, _U, _U, _U, _U, _U, _P,	/* 208-215 */
	_U, _U, _U, _U, _U, _U, _U, _L,	/* 216-223 */
	_L, _L, _L, _L, _L, _L, _L, _L,	/* 224-231 */
	_L, _L, _L, _L, _L, _L, _L, _L,	/* 232-239 */
	_L, _L, _L, _L, _L, _L, _L, _P,	/* 240-247 */
	_L, _L, _L, _L, _L, _L, _L, _L,	/* 248-255 */
};
EXPORT_SYMBOL(_ctype);
