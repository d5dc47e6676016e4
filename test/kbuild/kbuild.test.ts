import { describe, expect, it } from 'vitest';
import { evalMakefile, filterOut, MakeError, objectFlags, parseKbuild, shellWords } from '../../src/kbuild/kbuild.js';

const DIR = '/home/user/hello';
const parse = (text: string, extra: Partial<Parameters<typeof parseKbuild>[1]> = {}) =>
  parseKbuild(text, { file: `${DIR}/Makefile`, dir: DIR, ...extra });
const mods = (text: string) => parse(text).modules.map((m) => `${m.name}:${m.objects.join(',')}`);

describe('Kbuild / Makefile reader', () => {
  it('reads the textbook out-of-tree Makefile (kbuild branch, rules ignored)', () => {
    const mk = [
      '# hello world module',
      'ifneq ($(KERNELRELEASE),)',
      'obj-m := hello.o',
      'else',
      'KDIR ?= /lib/modules/$(shell uname -r)/build',
      'PWD := $(shell pwd)',
      'obj-m := wrong.o',
      '',
      'default:',
      '\t$(MAKE) -C $(KDIR) M=$(PWD) modules',
      '',
      'clean:',
      '\t$(MAKE) -C $(KDIR) M=$(PWD) clean',
      'endif',
    ].join('\n');
    expect(mods(mk)).toEqual(['hello:hello.o']);
  });

  it('reads the unconditional form with all:/clean: rules and make -C', () => {
    const mk = [
      'obj-m += hello-1.o',
      'obj-m += hello-2.o',
      '',
      'PWD := $(CURDIR)',
      '',
      'all:',
      '\tmake -C /lib/modules/$(shell uname -r)/build M=$(PWD) modules',
      '',
      'clean:',
      '\tmake -C /lib/modules/$(shell uname -r)/build M=$(PWD) clean',
    ].join('\n');
    expect(mods(mk)).toEqual(['hello-1:hello-1.o', 'hello-2:hello-2.o']);
  });

  it('takes the else branch of ifeq ($(KERNELRELEASE),)', () => {
    const mk = ['ifeq ($(KERNELRELEASE),)', 'all:', '\techo nope', 'else', '  obj-m := k.o', 'endif'].join('\n');
    expect(mods(mk)).toEqual(['k:k.o']);
  });

  it('handles x-objs, x-y, x-m composites and keeps link order', () => {
    expect(mods('obj-m := startstop.o\nstartstop-objs := start.o stop.o\n')).toEqual(['startstop:start.o,stop.o']);
    expect(mods('obj-m += drv.o\ndrv-y := core.o\ndrv-y += io.o\ndrv-m += extra.o\n')).toEqual(['drv:core.o,io.o,extra.o']);
  });

  it('handles line continuations and comments', () => {
    const mk = 'obj-m := a.o \\\n\tb.o \\\n   c.o # trailing comment\n# obj-m += d.o\nx := 1 \\# not a comment\n';
    expect(mods(mk)).toEqual(['a:a.o', 'b:b.o', 'c:c.o']);
    expect(parse(mk).vars.get('x')).toBe('1 # not a comment');
  });

  it('expands variables defined in the same file, recursively and simply', () => {
    const mk = [
      'NAME := mydrv',
      'MOD = $(NAME)',
      'obj-m += $(MOD).o',
      '$(MOD)-objs = $(PARTS)',
      'PARTS = main.o ${HELP}',
      'HELP := helper.o',
      'LATE := $(UNSET_YET)',
      'UNSET_YET := x',
    ].join('\n');
    expect(mods(mk)).toEqual(['mydrv:main.o,helper.o']);
    expect(parse(mk).vars.get('LATE')).toBe('');
  });

  it('reads obj-$(CONFIG_X) as obj-m only when the file sets CONFIG_X=m', () => {
    expect(mods('obj-$(CONFIG_FOO) += foo.o\nobj-m += bar.o\n')).toEqual(['bar:bar.o']);
    expect(mods('CONFIG_FOO := m\nobj-$(CONFIG_FOO) += foo.o\n')).toEqual(['foo:foo.o']);
    expect(mods('CONFIG_FOO=m\nobj-$(CONFIG_FOO) += foo.o\n')).toEqual(['foo:foo.o']);
    const kb = parse('CONFIG_FOO=y\nobj-$(CONFIG_FOO) += foo.o\n');
    expect(kb.modules).toEqual([]);
    expect(kb.builtin).toEqual(['foo.o']);
  });

  it('supports ifdef/ifndef/else ifeq chains and nesting', () => {
    const mk = [
      'A := 1',
      'ifdef A',
      ' ifndef B',
      '  obj-m += one.o',
      ' else',
      '  obj-m += never.o',
      ' endif',
      'else ifeq ($(A),1)',
      'obj-m += never2.o',
      'endif',
      'ifeq "$(A)" "2"',
      'obj-m += never3.o',
      "else ifneq '$(A)' '2'",
      'obj-m += two.o',
      'else',
      'obj-m += never4.o',
      'endif',
    ].join('\n');
    expect(mods(mk)).toEqual(['one:one.o', 'two:two.o']);
  });

  it('supports += ?= := != and substitution references and text functions', () => {
    const { vars } = evalMakefile(
      [
        'SRCS := a.c b.c sub/c.c',
        'OBJS = $(SRCS:.c=.o)',
        'P = $(patsubst %.c,%.o,$(notdir $(SRCS)))',
        'Q ?= first',
        'Q ?= second',
        'R := x',
        'R += y',
        'S = $(addprefix -I,inc1 inc2) $(addsuffix .o,m n)',
        'T = $(filter-out b.o,$(OBJS)) $(words $(SRCS)) $(firstword $(SRCS)) $(strip   a   b  )',
        'U = $(subst .,_,1.2.3) $(if $(EMPTY),yes,no) $(foreach w,p q,<$(w)>) $(sort c b a b)',
        'V = $(dir sub/c.c x.c) $(basename a.b.c) $(suffix q.h)',
        'W != echo unsupported',
        'greet = hello $(1)',
        'X = $(call greet,world)',
        'Y = $(shell uname -r)',
      ].join('\n'),
      { file: 'Makefile', dir: DIR },
    );
    expect(vars.get('OBJS')).toBe('a.o b.o sub/c.o');
    expect(vars.get('P')).toBe('a.o b.o c.o');
    expect(vars.get('Q')).toBe('first');
    expect(vars.get('R')).toBe('x y');
    expect(vars.get('S')).toBe('-Iinc1 -Iinc2 m.o n.o');
    expect(vars.get('T')).toBe('a.o sub/c.o 3 a.c a b');
    expect(vars.get('U')).toBe('1_2_3 no <p> <q> a b c');
    expect(vars.get('V')).toBe('sub/ ./ a.b .h');
    expect(vars.get('W')).toBe('');
    expect(vars.get('X')).toBe('hello world');
    expect(vars.get('Y')).toBe('6.12.0-lkm-wasm');
  });

  it('defines src/obj/M/PWD/CURDIR as the module directory and skips define blocks', () => {
    const mk = [
      'define RECIPE',
      'obj-m += fake.o',
      'endif',
      'endef',
      'ifeq (1,2)',
      'define SKIPPED',
      'endif',
      'endef',
      'endif',
      'obj-m := real.o',
      'ccflags-y := -I$(src)/include -I$(PWD)/x -DDIR=\\"$(M)\\"',
    ].join('\n');
    const kb = parse(mk);
    expect(kb.modules.map((m) => m.name)).toEqual(['real']);
    expect(objectFlags(kb, 'real.o').add).toEqual([`-I${DIR}/include`, `-I${DIR}/x`, `-DDIR="${DIR}"`]);
    expect(kb.vars.get('RECIPE')).toBe('obj-m += fake.o\nendif');
  });

  it('collects ccflags-y, EXTRA_CFLAGS, CFLAGS_file.o and the remove lists', () => {
    const mk = [
      'obj-m := m.o',
      'm-y := a.o sub/b.o',
      'ccflags-y := -DDEBUG -Wno-unused',
      'EXTRA_CFLAGS += -DOLD_STYLE',
      'CFLAGS_a.o := -DONLY_A',
      'CFLAGS_sub/b.o := -DONLY_B',
      'ccflags-remove-y := -Wundef',
      'CFLAGS_REMOVE_a.o := -O2',
    ].join('\n');
    const kb = parse(mk);
    expect(kb.modules[0]!.objects).toEqual(['a.o', 'sub/b.o']);
    expect(objectFlags(kb, 'a.o')).toEqual({ add: ['-DDEBUG', '-Wno-unused', '-DOLD_STYLE', '-DONLY_A'], remove: ['-Wundef', '-O2'] });
    expect(objectFlags(kb, 'sub/b.o').add).toEqual(['-DDEBUG', '-Wno-unused', '-DOLD_STYLE', '-DONLY_B']);
    expect(filterOut(['-O2', '-Wall', '-Wundef'], ['-Wundef', '-O%'])).toEqual(['-Wall']);
  });

  it('lets command-line variables win unless overridden, and reads KBUILD_EXTRA_SYMBOLS', () => {
    const mk = 'NAME := a\noverride FORCE := file\nobj-m := $(NAME).o\nKBUILD_EXTRA_SYMBOLS := ../other/Module.symvers\n';
    const kb = parse(mk, { commandLine: { NAME: 'b', FORCE: 'cmd' } });
    expect(kb.modules.map((m) => m.name)).toEqual(['b']);
    expect(kb.vars.get('FORCE')).toBe('file');
    expect(kb.extraSymbols).toEqual(['/home/user/other/Module.symvers']);
  });

  it('expands $(wildcard) through the glob callback', () => {
    const kb = parse('obj-m := w.o\nw-objs := $(patsubst $(src)/%.c,%.o,$(wildcard $(src)/*.c))\n', {
      glob: (p) => (p === `${DIR}/*.c` ? [`${DIR}/x.c`, `${DIR}/y.c`] : []),
    });
    expect(kb.modules[0]!.objects).toEqual(['x.o', 'y.o']);
  });

  it('reports $(error) and unbalanced conditionals like make', () => {
    expect(() => parse('ifneq ($(KERNELRELEASE),)\n$(error no kbuild support)\nendif\n')).toThrow(MakeError);
    expect(() => parse('ifneq ($(KERNELRELEASE),)\n$(error no kbuild support)\nendif\n')).toThrow(
      `${DIR}/Makefile:2: *** no kbuild support.  Stop.`,
    );
    expect(() => parse('ifdef X\nobj-m := a.o\n')).toThrow(/missing 'endif'/);
    expect(() => parse('endif\n')).toThrow(/extraneous 'endif'/);
  });

  it('reports subdirectory entries, non-objects and CRLF files', () => {
    const kb = parse('obj-m += sub/ a.o\r\nobj-m += weird\r\n');
    expect(kb.subdirs).toEqual(['sub/']);
    expect(kb.modules.map((m) => m.name)).toEqual(['a']);
    expect(kb.warnings.join('\n')).toMatch(/weird/);
  });

  it('follows include through the callback and reports what it could not read', () => {
    const mk = 'ifneq ($(KERNELRELEASE),)\ninclude Kbuild\nelse\nall:\n\t$(MAKE) -C x M=$(PWD)\nendif\n';
    const first = parse(mk);
    expect(first.includes).toEqual([`${DIR}/Kbuild`]);
    expect(first.modules).toEqual([]);
    const kb = parse(mk, { include: (p) => (p === `${DIR}/Kbuild` ? 'obj-m += stack-a.o stack-b.o\n' : undefined) });
    expect(kb.modules.map((m) => m.name)).toEqual(['stack-a', 'stack-b']);
    expect(kb.includes).toEqual([]);
  });

  it('splits flags like the shell that runs the recipe', () => {
    expect(shellWords(`-DA='"x y"' -DB=\\"z\\" "-DC=1 2" -I/p\\ q`)).toEqual(['-DA="x y"', '-DB="z"', '-DC=1 2', '-I/p q']);
  });
});
