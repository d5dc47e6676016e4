/* SPDX-License-Identifier: GPL-2.0 */
/* Symbols visible only to tests (Linux 6.12's <kunit/visibility.h>); KUnit is always built in here. */
#ifndef _KUNIT_VISIBILITY_H
#define _KUNIT_VISIBILITY_H

#include <linux/export.h>

#define VISIBLE_IF_KUNIT
#define EXPORT_SYMBOL_IF_KUNIT(symbol) EXPORT_SYMBOL_NS(symbol, EXPORTED_FOR_KUNIT_TESTING)

#endif
