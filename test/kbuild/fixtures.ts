// Test fixtures for the module build: a tiny stand-in for wasm/include (just what the fixture modules and the
// generated NAME.mod.c use, same layouts as docs/module-format.md) and helpers to write module directories.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const INCLUDE: Record<string, string> = {
  'linux/kconfig.h': '#define CONFIG_MODULES 1\n',
  'linux/vermagic.h': '#define VERMAGIC_STRING "6.12.0-lkm-wasm SMP mod_unload wasm32 "\n',
  'linux/types.h': '#ifndef _T\n#define _T\ntypedef unsigned short u16; typedef signed char s8; typedef unsigned char u8;\n#endif\n',
  'linux/kernel.h': [
    '#ifndef _K',
    '#define _K',
    '#include <linux/types.h>',
    '#define KERN_INFO "\\0016"',
    '#define KERN_ALERT "\\0011"',
    'int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));',
    '#define pr_info(fmt, ...) printk(KERN_INFO fmt, ##__VA_ARGS__)',
    '#endif',
    '',
  ].join('\n'),
  'linux/init.h': '#define __init\n#define __exit\n',
  'linux/export.h': [
    '#define __EXPORT_SYMBOL(sym, sec) extern typeof(sym) sym; \\',
    '  __asm__(".section .custom_section." sec ",\\"\\",@\\n.asciz \\"" #sym "\\"\\n.text\\n")',
    '#define EXPORT_SYMBOL(sym) __EXPORT_SYMBOL(sym, "__ksymtab")',
    '#define EXPORT_SYMBOL_GPL(sym) __EXPORT_SYMBOL(sym, "__ksymtab_gpl")',
    '',
  ].join('\n'),
  'linux/module.h': [
    '#ifndef _M',
    '#define _M',
    '#include <linux/kernel.h>',
    '#include <linux/init.h>',
    '#include <linux/export.h>',
    '#define __weak __attribute__((weak))',
    '#define __stringify_1(x...) #x',
    '#define __stringify(x...) __stringify_1(x)',
    'struct list_head { struct list_head *next, *prev; };',
    'struct kernel_param { const char *name; struct module *mod; const void *ops; const u16 perm; s8 level; u8 flags; void *arg; };',
    'struct _ddebug { const char *modname, *function, *filename, *format; unsigned int lineno, flags; };',
    'struct kunit_suite;',
    'struct module { char name[60]; int (*init)(void); void (*exit)(void);',
    '  const struct kernel_param *kp, *kp_end; struct list_head kmem_allocs; unsigned long kmem_bytes, kmem_count;',
    '  unsigned int taints; struct _ddebug *dyndbg, *dyndbg_end; struct kunit_suite **kunit_suites, **kunit_suites_end; };',
    '_Static_assert(sizeof(struct module) == 112, "ABI");',
    'extern struct module __this_module;',
    '#define THIS_MODULE (&__this_module)',
    '#define MODULE_INFO(tag, info) __asm__(".section .custom_section..modinfo,\\"\\",@\\n.ascii \\"" #tag "=\\"\\n.ascii " __stringify(info) "\\n.byte 0\\n.text\\n")',
    '#define MODULE_LICENSE(x) MODULE_INFO(license, x)',
    '#define MODULE_AUTHOR(x) MODULE_INFO(author, x)',
    '#define MODULE_DESCRIPTION(x) MODULE_INFO(description, x)',
    '#define module_init(fn) int init_module(void) __attribute__((weak, alias(#fn)));',
    '#define module_exit(fn) void cleanup_module(void) __attribute__((weak, alias(#fn)));',
    '#define module_param_int(name) static struct kernel_param __param_##name __attribute__((used, section("__param"))) = { #name, THIS_MODULE, 0, 0644, -1, 0, &name }',
    '#endif',
    '',
  ].join('\n'),
};

export function tempDir(prefix = 'lkm-build-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

/** A temporary workspace with the fixture headers in WS/include. */
export function workspace(): { root: string; include: string; cleanup: () => void } {
  const root = tempDir();
  const include = join(root, 'include');
  writeTree(include, INCLUDE);
  return { root, include, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export const HELLO_C = [
  '#include <linux/module.h>',
  '#include <linux/kernel.h>',
  '',
  'static int __init hello_init(void)',
  '{',
  '\tpr_info("Hello world 1.\\n");',
  '\treturn 0;',
  '}',
  '',
  'static void __exit hello_exit(void)',
  '{',
  '\tpr_info("Goodbye world 1.\\n");',
  '}',
  '',
  'module_init(hello_init);',
  'module_exit(hello_exit);',
  '',
  'MODULE_LICENSE("GPL");',
  '',
].join('\n');

/** The textbook Makefile, unmodified. */
export const TEXTBOOK_MAKEFILE = [
  'obj-m += hello-1.o',
  '',
  'PWD := $(CURDIR)',
  '',
  'all:',
  '\tmake -C /lib/modules/$(shell uname -r)/build M=$(PWD) modules',
  '',
  'clean:',
  '\tmake -C /lib/modules/$(shell uname -r)/build M=$(PWD) clean',
  '',
].join('\n');
