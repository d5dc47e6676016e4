// Shell scripting: newlines, comments, if/elif/else, for, while, until, case, !, { } and ( ), functions, here-documents, break/continue N,
// set -e and its exceptions, redirections of compound commands, syntax errors (bash's texts, status 2),
// Ctrl-C in loops, background compound commands, sh FILE / sh -c / . FILE, and what needs a PS2 line.
import { describe, expect, it, vi } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';
import { example } from '../helpers/paths.js';

/**
 * [script, status, stdout, stderr] as bash 5.2.15 gives them for `bash -c SCRIPT` (stderr's "bash: -c: line
 * 1: " prefix is the shell's "lkm: ", $0 "bash" is "lkm"; a syntax error is one line, as an interactive bash
 * prints it).
 */
const AS_BASH: [string, number, string, string][] = [
    ["if true; then echo yes; fi", 0, "yes\n", ""],
    ["if false; then echo yes; elif true; then echo elif; else echo no; fi", 0, "elif\n", ""],
    ["if false; then echo yes; else echo no; fi; echo $?", 0, "no\n0\n", ""],
    ["if false; then echo yes; fi; echo $?", 0, "0\n", ""],
    ["for i in a b c; do echo $i; done; echo $?", 0, "a\nb\nc\n0\n", ""],
    ["for i in; do echo $i; done; echo $?", 0, "0\n", ""],
    ["i=0; while ! echo $i | grep -q xxx; do echo $i; i=x$i; done", 0, "0\nx0\nxx0\n", ""],
    ["X=; until echo $X | grep -q aaa; do X=a$X; echo $X; done; echo $?", 0, "a\naa\naaa\n0\n", ""],
    ["for i in 1 2 3; do if echo $i | grep -q 2; then continue; fi; echo $i; done", 0, "1\n3\n", ""],
    ["for i in 1 2 3; do for j in a b; do if echo $j | grep -q b; then break 2; fi; echo $i$j; done; done; echo after", 0, "1a\nafter\n", ""],
    ["for i in 1 2 3; do for j in a b; do if echo $j | grep -q b; then continue 2; fi; echo $i$j; done; echo never; done", 0, "1a\n2a\n3a\n", ""],
    ["! true; echo $?", 0, "1\n", ""],
    ["! false; echo $?", 0, "0\n", ""],
    ["{ echo a; echo b; } | grep b", 0, "b\n", ""],
    ["( X=inner; echo $X ); echo \"[$X]\"", 0, "inner\n[]\n", ""],
    ["( exit 3 ); echo $?", 0, "3\n", ""],
    ["set -e; false; echo no", 1, "", ""],
    ["set -e; false || true; echo yes", 0, "yes\n", ""],
    ["set -e; if false; then :; fi; echo yes", 0, "yes\n", ""],
    ["set -e; ! true; echo yes", 0, "yes\n", ""],
    ["set -e; false && true; echo yes", 0, "yes\n", ""],
    ["set -e; true && false; echo no", 1, "", ""],
    ["set -e; { false; echo no; }; echo no2", 1, "", ""],
    ["set -e; while false; do :; done; echo yes", 0, "yes\n", ""],
    ["set -e; x=$(false); echo no", 1, "", ""],
    ["set -e; for i in 1 2; do false; done; echo no", 1, "", ""],
    ["set -e; (false; echo in); echo out", 1, "", ""],
    ["set -e; (false); echo out", 1, "", ""],
    ["set -e; set +e; false; echo yes", 0, "yes\n", ""],
    ["for i in 1 2; do echo $i; done > /tmp/o; cat /tmp/o", 0, "1\n2\n", ""],
    ["if true; then cat /nonexistent; fi 2>/dev/null; echo ok $?", 0, "ok 1\n", ""],
    ["fi", 2, "", "lkm: syntax error near unexpected token `fi'\n"],
    ["then", 2, "", "lkm: syntax error near unexpected token `then'\n"],
    ["if true; then fi", 2, "", "lkm: syntax error near unexpected token `fi'\n"],
    ["for i in 1 2; do echo; done done", 2, "", "lkm: syntax error near unexpected token `done'\n"],
    ["echo a; ;", 2, "", "lkm: syntax error near unexpected token `;'\n"],
    ["if true\nthen\n  echo multi\nfi", 0, "multi\n", ""],
    ["for i in $(echo x y z); do echo \"<$i>\"; done", 0, "<x>\n<y>\n<z>\n", ""],
    ["for i in \"a b\" c; do echo \"<$i>\"; done", 0, "<a b>\n<c>\n", ""],
    ["while true; do break; done; echo $?", 0, "0\n", ""],
    [": ; echo $?", 0, "0\n", ""],
    ["true && { echo a; false; } || echo b", 0, "a\nb\n", ""],
    ["echo $(for i in 1 2; do echo $i; done)", 0, "1 2\n", ""],
    ["if true; then echo x; fi | grep x", 0, "x\n", ""],
    ["echo a &&\necho b", 0, "a\nb\n", ""],
    ["echo 'multi\nline'", 0, "multi\nline\n", ""],
    ["(echo sub)", 0, "sub\n", ""],
    ["for i in 1 2\ndo\n  echo $i\ndone", 0, "1\n2\n", ""],
    ["if ! false; then echo neg; fi", 0, "neg\n", ""],
    ["{ echo a; } > /tmp/g; cat /tmp/g", 0, "a\n", ""],
    ["while true; do echo once; break; done 2>&1 | cat", 0, "once\n", ""],
    ["echo ${HOME}", 0, "/root\n", ""],
    ["if true; then", 2, "", "lkm: syntax error: unexpected end of file\n"],
    ["for i in 1 2; do", 2, "", "lkm: syntax error: unexpected end of file\n"],
    ["echo \"open", 2, "", "lkm: unexpected EOF while looking for matching `\"'\n"],
    ["echo $(echo", 2, "", "lkm: unexpected EOF while looking for matching `)'\n"],
    ["{ echo a; }; { echo b; } ; echo c", 0, "a\nb\nc\n", ""],
    ["{ echo a }", 2, "", "lkm: syntax error: unexpected end of file\n"],
    ["if true; then echo a; else; fi", 2, "", "lkm: syntax error near unexpected token `;'\n"],
    ["echo a | | cat", 2, "", "lkm: syntax error near unexpected token `|'\n"],
    ["echo >", 2, "", "lkm: syntax error near unexpected token `newline'\n"],
    ["echo a && || b", 2, "", "lkm: syntax error near unexpected token `||'\n"],
    ["( )", 2, "", "lkm: syntax error near unexpected token `)'\n"],
    ["{ }", 2, "", "lkm: syntax error near unexpected token `}'\n"],
    ["while false; do :; done; echo $?", 0, "0\n", ""],
    ["false; while false; do :; done; echo $?", 0, "0\n", ""],
    ["false; for i in; do :; done; echo $?", 0, "0\n", ""],
    ["for i in a b; do false; done; echo $?", 0, "1\n", ""],
    ["if false; then :; elif false; then :; fi; echo $?", 0, "0\n", ""],
    ["false; if true; then echo $?; fi", 0, "0\n", ""],
    ["echo a \\\nb", 0, "a b\n", ""],
    ["echo 'a \\\nb'", 0, "a \\\nb\n", ""],
    ["for x in 1; do echo $x; done; for x in 2; do echo $x; done", 0, "1\n2\n", ""],
    ["if true; then :; fi; fi", 2, "", "lkm: syntax error near unexpected token `fi'\n"],
    ["echo done; echo fi; echo then", 0, "done\nfi\nthen\n", ""],
    ["echo if then fi", 0, "if then fi\n", ""],
    ["exit 4; echo no", 4, "", ""],
    ["for i in 1 2; do exit 5; done; echo no", 5, "", ""],
    ["set -o errexit; false; echo no", 1, "", ""],
    ["while break; do echo no; done; echo $?", 0, "0\n", ""],
    ["for i in a b c; do echo $i; done | wc -l", 0, "3\n", ""],
    ["echo x | { cat; cat; }", 0, "x\n", ""],
    ["echo x | while false; do :; done", 0, "", ""],
    ["(cd /tmp; pwd); pwd", 0, "/tmp\n/\n", ""],
    ["set -- a \"b c\" d; echo $#; echo $1; echo $2; echo $*; shift; echo $1 $#; shift 5; echo $? $#", 0, "3\na\nb c\na b c d\nb c 2\n1 2\n", ""],
    ["set a b; for x in $*; do echo \"<$x>\"; done", 0, "<a>\n<b>\n", ""],
    ["X=\"1 2 3\"; for i in $X; do echo \"<$i>\"; done; for i in \"$X\"; do echo \"<$i>\"; done", 0, "<1>\n<2>\n<3>\n<1 2 3>\n", ""],
    ["E=; echo $E x; echo \"$E\" x", 0, "x\n x\n", ""],
    ["X=\"a  b\"; Y=$X; echo \"$Y\"", 0, "a  b\n", ""],
    ["sh -c 'echo $0 $1 $#' name one two", 0, "name one 2\n", ""],
    ["set -e x y; echo $1; false; echo no", 1, "x\n", ""],
    ["shift x; echo $?", 0, "1\n", "lkm: shift: x: numeric argument required\n"],
    ["set -e; x=$(false; echo hi); echo $x", 0, "hi\n", ""],
    ["set -e; (false; echo in); echo $?", 1, "", ""],
    ["if true; then echo a; cat /nonexistent; fi > /tmp/x 2>&1; cat /tmp/x", 0, "a\ncat: /nonexistent: No such file or directory\n", ""],
    ["echo a;echo b", 0, "a\nb\n", ""],
    ["echo a&&echo b||echo c", 0, "a\nb\n", ""],
    ["{ echo a;}", 0, "a\n", ""],
    ["{echo a;}", 2, "", "lkm: syntax error near unexpected token `}'\n"],
    ["x=5; echo ${x}y", 0, "5y\n", ""],
    ["for i in 1 2; do # loop\n  echo $i # print\ndone", 0, "1\n2\n", ""],
    ["if true; then # c\n  echo a\nfi", 0, "a\n", ""],
    ["for i in 1 2\ndo echo $i; done", 0, "1\n2\n", ""],
    ["echo } {", 0, "} {\n", ""],
    ["true; (echo a; echo b) | cat", 0, "a\nb\n", ""],
    ["if (true); then echo y; fi", 0, "y\n", ""],
    ["echo $(if true; then echo a; fi)", 0, "a\n", ""],
    ["echo \"$(echo \")\")\"", 0, ")\n", ""],
    ["for i in 1 2; do for j in 3 4; do echo $i$j; done; done", 0, "13\n14\n23\n24\n", ""],
    ["if true; then if false; then echo a; else echo b; fi; fi", 0, "b\n", ""],
    ["while false; do echo; done && echo yes", 0, "yes\n", ""],
    ["echo a # comment; echo b", 0, "a\n", ""],
    ["echo a#b", 0, "a#b\n", ""],
    ["X=1 Y=2; echo $X$Y", 0, "12\n", ""],
    ["i=0; for j in 1 2 3; do i=$i$j; done; echo $i", 0, "0123\n", ""],
    ["echo 'a;b' \"c|d\" e\\;f", 0, "a;b c|d e;f\n", ""],
    ["! ", 1, "", ""],
    ["if", 2, "", "lkm: syntax error: unexpected end of file\n"],
    ["for", 2, "", "lkm: syntax error near unexpected token `newline'\n"],
    ["for i", 2, "", "lkm: syntax error: unexpected end of file\n"],
    ["for i in a b", 2, "", "lkm: syntax error: unexpected end of file\n"],
    ["echo \"a\nb\" | grep b", 0, "b\n", ""],
    ["{ echo a; echo b; } 2>&1 > /tmp/o; cat /tmp/o", 0, "a\nb\n", ""],
    ["until true; do echo; done; echo $?", 0, "0\n", ""],
    ["(exit 3) || echo failed $?", 0, "failed 3\n", ""],
    ["echo $( (echo sub) )", 0, "sub\n", ""],
    ["if true; then :; fi; echo $?", 0, "0\n", ""],
    ["for i in 1 2; do continue; echo no; done; echo $?", 0, "0\n", ""],
    ["while :; do break; done", 0, "", ""],
    ["for i in 1 2 3; do echo $i; if echo $i | grep -q 2; then break; fi; done; echo $? $i", 0, "1\n2\n0 2\n", ""],
    ["for i in 1 2; do (break; echo no); echo $i; done; echo $?", 0, "no\n1\nno\n2\n0\n", "lkm: break: only meaningful in a `for', `while', or `until' loop\nlkm: break: only meaningful in a `for', `while', or `until' loop\n"],
    ["f() { echo \"f: $1 $# $*\"; }; f a b; echo \"[$1]\"", 0, "f: a 2 a b\n[]\n", ""],
    ["function g { echo g $1; return 3; echo no; }; g x; echo $?", 0, "g x\n3\n", ""],
    ["function h() { echo h; }; h", 0, "h\n", ""],
    ["f() { local X=in; echo $X; }; X=out; f; echo $X", 0, "in\nout\n", ""],
    ["f() { X=changed; }; X=out; f; echo $X", 0, "changed\n", ""],
    ["f() { return; }; false; f; echo $?", 0, "1\n", ""],
    ["return; echo $?", 0, "2\n", "lkm: return: can only `return' from a function or sourced script\n"],
    ["local x; echo $?", 0, "1\n", "lkm: local: can only be used in a function\n"],
    ["f() { for i in 1 2 3; do if echo $i | grep -q 2; then return 7; fi; echo $i; done; }; f; echo $?", 0, "1\n7\n", ""],
    ["f() { echo out; echo err 2>&1; } ; f > /tmp/ff; cat /tmp/ff", 0, "out\nerr\n", ""],
    ["f() { echo $X; }; X=tmp f; echo \"[$X]\"", 0, "tmp\n[]\n", ""],
    ["f()\n{\n  echo multi\n}\nf", 0, "multi\n", ""],
    ["f() ( X=sub; echo $X ); X=main; f; echo $X", 0, "sub\nmain\n", ""],
    ["f() { echo a; }; f() { echo b; }; f", 0, "b\n", ""],
    ["count() { n=0; while read l; do n=x$n; done; echo $n; }; echo \"1\n2\" | count", 0, "xx0\n", ""],
    ["f() { g; }; g() { echo g; }; f", 0, "g\n", ""],
    ["f() { echo $1; }; set -- top; f inner; echo $1", 0, "inner\ntop\n", ""],
    ["set -e; f() { false; echo no; }; f; echo no2", 1, "", ""],
    ["set -e; f() { false; echo yes; }; if f; then echo then; fi", 0, "yes\nthen\n", ""],
    ["f() { exit 4; }; f; echo no", 4, "", ""],
    ["echo $(f() { echo sub; }; f)", 0, "sub\n", ""],
    ["f() { return x; }; f; echo $?", 0, "2\n", "lkm: return: x: numeric argument required\n"],
    ["f() echo hi", 2, "", "lkm: syntax error near unexpected token `echo'\n"],
    ["case start in start) echo starting;; stop) echo stopping;; *) echo usage; exit 1;; esac", 0, "starting\n", ""],
    ["case foo in f*) echo f;; esac; echo $?", 0, "f\n0\n", ""],
    ["case x in a|b) echo ab;; x|y) echo xy;; esac", 0, "xy\n", ""],
    ["case bar in (b?r) echo q;; esac", 0, "q\n", ""],
    ["case a1 in [a-c][0-9]) echo class;; esac", 0, "class\n", ""],
    ["case d in [!a-c]) echo neg;; esac", 0, "neg\n", ""],
    ["case z in a) echo a;; esac; echo $?", 0, "0\n", ""],
    ["false; case z in z) ;; esac; echo $?", 0, "0\n", ""],
    ["X=hello; case $X in hel*) echo $X matched;; esac", 0, "hello matched\n", ""],
    ["case \"a b\" in \"a b\") echo quoted;; esac", 0, "quoted\n", ""],
    ["case x in\n  x)\n    echo multi\n    ;;\n  *)\n    echo no\n    ;;\nesac", 0, "multi\n", ""],
    ["case x in x) echo last\nesac", 0, "last\n", ""],
    ["case x in x) false;; esac; echo $?", 0, "1\n", ""],
    ["for a in start stop bad; do case $a in start|stop) echo ok $a;; *) echo \"Usage: $0 {start|stop}\";; esac; done", 0, "ok start\nok stop\nUsage: lkm {start|stop}\n", ""],
    ["case x in x) echo a;; esac > /dev/null; echo after", 0, "after\n", ""],
    ["echo a;;", 2, "", "lkm: syntax error near unexpected token `;;'\n"],
    ["case x in x) echo;; ", 2, "", "lkm: syntax error: unexpected end of file\n"],
    ["case x", 2, "", "lkm: syntax error: unexpected end of file\n"],
    ["case x in x echo;; esac", 2, "", "lkm: syntax error near unexpected token `echo'\n"],
    ["case a.b in *.b) echo dot;; esac", 0, "dot\n", ""],
    ["case ab in a\\*) echo no;; *) echo yes;; esac", 0, "yes\n", ""],
    ["case 'a*' in a\\*) echo literal;; esac", 0, "literal\n", ""],
    ["case ] in []]) echo bracket;; esac", 0, "bracket\n", ""],
    ["f() { case $1 in -h) echo help; return 0;; esac; echo run $1; }; f -h; f x", 0, "help\nrun x\n", ""],
    ["set -- \"a b\" c; for x in \"$@\"; do echo \"<$x>\"; done", 0, "<a b>\n<c>\n", ""],
    ["set --; for x in \"$@\"; do echo \"<$x>\"; done; echo done", 0, "done\n", ""],
    ["set -- \"a b\" c; for x in \"[$@]\"; do echo \"<$x>\"; done", 0, "<[a b>\n<c]>\n", ""],
    ["set -- \"a b\" c; for x in $@; do echo \"<$x>\"; done", 0, "<a>\n<b>\n<c>\n", ""],
    ["set -- \"a b\" c; for x in \"$*\"; do echo \"<$x>\"; done", 0, "<a b c>\n", ""],
    ["f() { for a in \"$@\"; do echo \"($a)\"; done; }; f \"x y\" z \"\"", 0, "(x y)\n(z)\n()\n", ""],
    ["set --; for x in \"$@\"\"\"; do echo \"<$x>\"; done", 0, "<>\n", ""],
    ["set -- 1; for x in \"$@\" \"$@\"; do echo \"<$x>\"; done", 0, "<1>\n<1>\n", ""],
    ["cd /; set -- '*'; case $1 in '*') echo star;; esac", 0, "star\n", ""],
    ["i=5; echo $((i++)) $((++i)) $((i+=2)) $i $((x)) $((010)) $((0x1f)) $((7/2)) $((-7/2)) $((-7%3)) $((2**10)) $((1<2 && 3>2)) $((5>3?1:0)) $(( (1+2)*3 )) $((~0)) $((1<<4)) $((i==9))", 0, "5 7 9 9 0 8 31 3 -3 -1 1024 1 1 9 -1 16 1\n", ""],
    ["X=3+4; echo $((X*2)) $(($X*2))", 0, "14 11\n", ""],
    ["echo $((1/0)); echo after", 1, "", "lkm: 1/0: division by 0 (error token is \"0\")\n"],
    ["echo $((2+)); echo after", 1, "", "lkm: 2+: syntax error: operand expected (error token is \"+\")\n"],
    ["i=0; while echo $i | grep -qv 4; do i=$((i+1)); done; echo $i", 0, "4\n", ""],
    ["echo \"$((3*4))\" $((  ))", 0, "12 0\n", ""],
    ["n=0; for i in 1 2 3; do n=$((n + i)); done; echo $n", 0, "6\n", ""],
    ["echo $((9223372036854775807 + 1)) $((1 ? 2 : 3)) $((0 && x++)) $x", 0, "-9223372036854775808 2 0\n", ""],
    ["set -- 5 6; echo $(($1 * $2)) $(($# + 1))", 0, "30 3\n", ""],
    ["echo $((1 +* 2))", 1, "", "lkm: 1 +* 2: syntax error: operand expected (error token is \"* 2\")\n"],
    ["echo $((08))", 1, "", "lkm: 08: value too great for base (error token is \"08\")\n"],
    ["echo $((a=4, a*a)) $a", 0, "16 4\n", ""],
    ["X=abc.ko; E=; echo ${#X} ${U:-def} ${E:-empty} ${E-unset} ${X:+alt} ${U+no} ${X%.ko} ${X#a} ${X##*b} ${X%%.*} ${Z:=set} $Z", 0, "6 def empty alt abc bc.ko c.ko abc set set\n", ""],
    ["f=/lib/m/x.ko; echo ${f##*/} ${f%/*}; echo ${X:-${f}}", 0, "x.ko /lib/m\n/lib/m/x.ko\n", ""],
    ["echo ${X:-\"a b\"}", 0, "a b\n", ""],
    ["for f in a.ko b.ko; do echo ${f%.ko}; done", 0, "a\nb\n", ""],
    ["set -- one two; echo ${1} ${2:-x} ${3:-none} ${#}", 0, "one two none 2\n", ""],
    ["echo \"${U:-q u}\" \"${#U}\"", 0, "q u 0\n", ""],
    ["echo ${X}", 0, "\n", ""],
    ["echo ${", 2, "", "lkm: unexpected EOF while looking for matching `}'\n"],
    // ${X:?}: bash's text; the status is an interactive bash's (bash -c exits with 127).
    ["echo ${U:?must be set}; echo after", 1, "", "lkm: U: must be set\n"],
    ["E=; echo ${E:?}", 1, "", "lkm: E: parameter null or not set\n"],
    ["echo ${U?}", 1, "", "lkm: U: parameter not set\n"],
    ["cat <<EOF\nhello $HOME\nit's \"quoted\" \\$x \\\\ $(echo sub) $((1+2))\nEOF\necho after", 0, "hello /root\nit's \"quoted\" $x \\ sub 3\nafter\n", ""],
    ["cat <<'EOF'\nno $HOME expansion \\$ \"q\"\nEOF", 0, "no $HOME expansion \\$ \"q\"\n", ""],
    ["cat <<-END\n\ttab stripped\n\t\ttwo\n\tEND", 0, "tab stripped\ntwo\n", ""],
    ["X=v; cat <<EOF | grep v\na $X\nb\nEOF", 0, "a v\n", ""],
    ["while read a b; do echo \"$b-$a\"; done <<EOF\n1 one\n2 two\nEOF", 0, "one-1\ntwo-2\n", ""],
    ["cat <<A; cat <<B\nfirst\nA\nsecond\nB", 0, "first\nsecond\n", ""],
    ["f() { cat; }; f <<EOF\nin function\nEOF", 0, "in function\n", ""],
    ["cat << \"E F\"\nx\nE F", 0, "x\n", ""],
    ["cat <<EOF > /dev/null\nx\nEOF\necho $?", 0, "0\n", ""],
    ["cat <<EOF\na\\\nb \"\\\"\" \\a\nEOF", 0, "ab \"\\\"\" \\a\n", ""],
    ["if true; then cat <<EOF\ninside if\nEOF\nfi", 0, "inside if\n", ""],
];

describe('shell scripts behave as bash', () => {
  it.each(AS_BASH)('%j', async (script, status, stdout, stderr) => {
    const t = await bootTestKernel();
    expect(await t.run(script)).toEqual({ status, stdout, stderr });
  });
});

describe('shell scripts with modules and devices', () => {
  it('runs lines with comments; for makes device nodes as scull_load does', async () => {
    const t = await bootTestKernel();
    const r = await t.run('# make the nodes\nfor i in 0 1 2 3; do mknod /dev/scull$i c 240 $i; done # four\nls /dev | grep scull\necho $i');
    expect(r).toEqual({ status: 0, stdout: 'scull0\nscull1\nscull2\nscull3\n3\n', stderr: '' });
    expect((await t.run('ls -l /dev/scull2')).stdout).toMatch(/^c.* 240, +2 .*\/dev\/scull2\n$/);
  });

  it('if on a pipeline: lsmod | grep -q', async () => {
    const t = await bootTestKernel();
    const check = 'if lsmod | grep -q stack_a; then echo loaded; else echo absent; fi';
    expect((await t.run(check)).stdout).toBe('absent\n');
    await t.run(`insmod ${example('stack-a')}`);
    expect((await t.run(check)).stdout).toBe('loaded\n');
  });

  it('set -e stops a script at a failing insmod; the lines before it ran', async () => {
    const t = await bootTestKernel();
    const r = await t.run(`set -e\ninsmod ${example('stack-a')}\ninsmod /nonexistent.ko\necho not reached`);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^insmod: ERROR: could not load module \/nonexistent.ko: No such file or directory\n$/);
    expect(t.sh.exitRequested).toBe(1);
  });

  it('break leaves the loop at the first module not loaded; until counts down', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('stack-a')}; insmod ${example('stack-b')}`);
    const r = await t.run('n=0\nfor m in stack_a stack_b stack_c stack_a; do\n  if lsmod | grep -q $m; then n=x$n; else break; fi\ndone\necho $n $m');
    expect(r).toEqual({ status: 0, stdout: 'xx0 stack_c\n', stderr: '' });
    expect((await t.run('until ! lsmod | grep -q stack_; do rmmod $(lsmod | head -n 2 | tail -n 1 | head -c 7) || break; done; lsmod | wc -l')).stdout).toBe('1\n');
  });

  it('a compound command redirected: done > file, fi 2>/dev/null, < file', async () => {
    const t = await bootTestKernel();
    expect(await t.run('for i in 1 2; do echo line$i; done > /tmp/l; while false; do :; done < /tmp/l; cat /tmp/l')).toEqual({ status: 0, stdout: 'line1\nline2\n', stderr: '' });
    expect(await t.run('if true; then cat /nonexistent; fi 2>/dev/null')).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(await t.run('{ cat; echo end; } < /tmp/l')).toEqual({ status: 0, stdout: 'line1\nline2\nend\n', stderr: '' });
    expect(await t.run('{ echo x; } < /nonexistent; echo $?')).toEqual({ status: 0, stdout: '1\n', stderr: 'lkm: /nonexistent: No such file or directory\n' });
  });
});

describe('loops and the terminal, jobs and script files', () => {
  it('Ctrl-C ends a loop around a sleeping read, and the rest of the line', async () => {
    const t = await bootTestKernel();
    await t.run(`insmod ${example('sleepy')}`);
    const done = t.run('while true; do cat /dev/sleepy; done; echo after');
    await vi.waitFor(() => expect(t.sh.interrupt()).toBe(true));
    expect(await done).toEqual({ status: 130, stdout: '', stderr: '\n' });
  });

  it('a loop of builtins lets the terminal in: Ctrl-C stops while true; do :; done', async () => {
    const t = await bootTestKernel();
    const done = t.run('while true; do i=1; done; echo after');
    // The loop yields to other tasks now and then, so this poll runs while it loops.
    await vi.waitFor(() => expect(t.sh.env.get('i')).toBe('1'));
    expect(t.sh.interrupt()).toBe(true);
    expect(await done).toEqual({ status: 130, stdout: '', stderr: '\n' });
  });

  it('a compound command in the background is a job', async () => {
    const t = await bootTestKernel();
    const r = await t.run('for i in 1 2; do echo $i; done & wait; echo $?');
    expect(r).toEqual({ status: 0, stdout: '1\n2\n0\n', stderr: '[1] 1000\n[1]+  Done                    for i in 1 2; do echo $i; done\n' });
    // A job is a subshell: set -e ends the job, not the shell; its variables stay inside.
    expect((await t.run('set -e; { false; echo no; } & wait %1 || echo $?; set +e')).stdout).toBe('1\n');
    expect((await t.run('X=1 & wait; echo "[$X]"')).stdout).toBe('[]\n');
  });

  it('sh FILE ARGS runs a load script: set -e, for over $*, $(uname -r)', async () => {
    const t = await bootTestKernel();
    await t.sh.fs.writeFile('/tmp/load.sh', [
      '# load.sh MODULE...: insmod each one of the example tree; stop at the first that fails',
      'set -e',
      'for m in $*; do',
      '  insmod /lib/modules/$(uname -r)/extra/$m.ko',
      '  echo loaded $m',
      'done',
      'echo "all $# loaded"',
    ].join('\n'));
    expect(await t.run('sh /tmp/load.sh stack-a stack-b')).toEqual({ status: 0, stdout: 'loaded stack-a\nloaded stack-b\nall 2 loaded\n', stderr: '' });
    const r = await t.run('sh /tmp/load.sh stack-c nosuch hello; echo status $?');
    expect(r.stdout).toBe('loaded stack-c\nstatus 1\n');
    expect(r.stderr).toMatch(/^insmod: ERROR: could not load module .*nosuch.ko: No such file or directory\n$/);
    // The script's set -e was its own shell's.
    expect((await t.run('false; echo $?')).stdout).toBe('1\n');
    expect((await t.run('lsmod | grep -c stack_')).stdout).toBe('3\n');
  });

  it('sh -c, sh reading stdin, . FILE and source run scripts; exit in one', async () => {
    const t = await bootTestKernel();
    await t.sh.fs.writeFile('/tmp/x.sh', 'X=set; exit 3; echo no\n');
    await t.sh.fs.writeFile('/tmp/y.sh', 'Y=dot; echo in $1\n');
    expect(await t.run('sh /tmp/x.sh; echo $? "[$X]"')).toEqual({ status: 0, stdout: '3 []\n', stderr: '' });
    expect(await t.run('sh -c "if true; then echo c; fi"; echo "echo piped" | sh')).toEqual({ status: 0, stdout: 'c\npiped\n', stderr: '' });
    expect(await t.run('sh /nonexistent; echo $?')).toEqual({ status: 0, stdout: '127\n', stderr: 'lkm: /nonexistent: No such file or directory\n' });
    expect(await t.run('. /tmp/y.sh one; echo $Y "[$1]"; source /tmp/y.sh')).toEqual({ status: 0, stdout: 'in one\ndot []\nin\n', stderr: '' });
    // break in a sourced file leaves the loop around the `.`.
    await t.sh.fs.writeFile('/tmp/b.sh', 'break\n');
    expect((await t.run('for i in 1 2; do echo $i; . /tmp/b.sh; done; echo out')).stdout).toBe('1\nout\n');
    // `exit` in a sourced file ends the shell that sourced it.
    expect(await t.run('. /tmp/x.sh; echo no')).toEqual({ status: 3, stdout: '', stderr: '' });
  });

  it('tells an unfinished command (PS2) from a finished or a wrong one', async () => {
    const t = await bootTestKernel();
    for (const open of ['for i in 1 2; do', 'if true; then echo', 'while true', '{ echo', '( echo', 'echo "a', "echo 'a", 'echo $(date', 'echo ${X', 'cat <<EOF', 'cat <<EOF\nline', 'echo a &&', 'echo a |', 'if true; then :; else'])
      expect(t.sh.incomplete(open), open).toBe(true);
    for (const done of ['cat <<EOF\nline\nEOF', 'for i in 1 2; do echo; done', 'echo a', '', 'fi', 'echo >', 'if true; then :; fi; fi', 'echo a; # for'])
      expect(t.sh.incomplete(done), done).toBe(false);
    expect(t.sh.incomplete('for i in 1 2; do\necho $i\ndone')).toBe(false);
    // A trailing backslash continues the line; at the end of a script it is literal, as in bash.
    expect(t.sh.incomplete('echo a \\')).toBe(true);
    expect(t.sh.incomplete("echo 'a \\'")).toBe(false);
    expect((await t.run('echo a \\')).stdout).toBe('a \\\n');
    expect((await t.run('echo a \\\nb')).stdout).toBe('a b\n');
  });

  it('read: a line of a file, fields, -r, backslashes, the end of the input; while read over a file', async () => {
    const t = await bootTestKernel();
    // [file's text, script, stdout] as bash 5.2 gives them with that text in /tmp/r.
    const cases: [string, string, string][] = [
      ['a\\ b  c  d \\\ne f\n', 'read x y < /tmp/r; echo "[$x][$y]"', '[a b][c  d e f]\n'],
      ['  a b  \n', 'read < /tmp/r; echo "[$REPLY]"', '[  a b  ]\n'],
      ['a\\ b c\n', 'read -r x y < /tmp/r; echo "[$x][$y]" $?', '[a\\][b c] 0\n'],
      ['last', 'read x < /tmp/r; echo "$? [$x]"', '1 [last]\n'],
      ['', 'read x < /tmp/r; echo "$? [$x]"', '1 []\n'],
      ['a b\n', 'read x y z < /tmp/r; echo "[$x][$y][$z]"', '[a][b][]\n'],
      ['a\\\nb\n', 'read < /tmp/r; echo "[$REPLY]"', '[ab]\n'],
      ['a\\\\b\n', 'read x < /tmp/r; echo "[$x]"', '[a\\b]\n'],
      ['1 one\n2 two\n3 three\n', 'while read n w; do echo "$w=$n"; done < /tmp/r', 'one=1\ntwo=2\nthree=3\n'],
      // cat takes what read left.
      ['1\n2\n3\n', 'while read n; do echo got $n; cat; done < /tmp/r', 'got 1\n2\n3\n'],
      ['1\n2\n3\n', '{ read a; read b; echo "$b$a"; cat; } < /tmp/r', '21\n3\n'],
      ['x y\n', 'cat /tmp/r | while read a b; do echo "$b $a"; done', 'y x\n'],
    ];
    for (const [text, script, stdout] of cases) {
      await t.sh.fs.writeFile('/tmp/r', text);
      expect(await t.run(script), script).toEqual({ status: 0, stdout, stderr: '' });
    }
    expect(await t.run('read -z')).toEqual({ status: 2, stdout: '', stderr: 'lkm: read: -z: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n' });
    expect(await t.run('read 1x < /dev/null')).toEqual({ status: 1, stdout: '', stderr: "lkm: read: `1x': not a valid identifier\n" });
  });

  it('read from the terminal takes one typed line; the next one stays for the next read', async () => {
    const t = await bootTestKernel();
    const typed = ['first line\n', 'second\n'];
    t.sh.terminal = { read: async (max) => { const c = typed[0]?.slice(0, max) ?? null; if (typed[0]) typed[0] = typed[0].slice(max); if (typed[0] === '') typed.shift(); return c; } };
    expect(await t.run('read a b; echo "[$a][$b]"; read c; echo "[$c]"; read d; echo $?')).toEqual({ status: 0, stdout: '[first][line]\n[second]\n1\n', stderr: '' });
  });

  it('pathname expansion: sorted matches, no dot files unless asked, quoted wildcards and no match stay', async () => {
    const t = await bootTestKernel();
    for (const d of ['/tmp/g', '/tmp/g/d1', '/tmp/g/d2', '/tmp/g/.hid']) await t.sh.fs.mkdir(d);
    for (const f of ['a.ko', 'b.ko', 'c.txt', '.dot', 'd1/Makefile']) await t.sh.fs.writeFile(`/tmp/g/${f}`, '');
    // [script, stdout] as bash 5.2 gives them over the same files.
    const cases: [string, string][] = [
      ["cd /tmp/g; echo *.ko", "a.ko b.ko\n"],
      ["cd /tmp/g; echo *", "a.ko b.ko c.txt d1 d2\n"],
      ["cd /tmp/g; echo .*", ".dot .hid\n"],
      ["cd /tmp/g; echo nomatch*; echo \"*.ko\"; echo \\*.ko", "nomatch*\n*.ko\n*.ko\n"],
      ["cd /tmp/g; for f in *.ko; do echo \"<$f>\"; done", "<a.ko>\n<b.ko>\n"],
      ["cd /tmp/g; echo */Makefile", "d1/Makefile\n"],
      ["echo /tmp/g/[ab].ko /tmp/g/?.txt", "/tmp/g/a.ko /tmp/g/b.ko /tmp/g/c.txt\n"],
      ["cd /tmp/g; X='*.txt'; echo $X \"$X\"", "c.txt *.txt\n"],
      ["cd /tmp/g; echo [ x ]", "[ x ]\n"],
      ["cd /tmp/g; Y=*.ko; echo \"$Y\"", "*.ko\n"],
      ["cd /tmp/g; echo d*/", "d1/ d2/\n"],
      ["cd /tmp/g; case a.ko in *.ko) echo ko;; esac", "ko\n"],
      ["echo /tmp/g/*/M*", "/tmp/g/d1/Makefile\n"],
    ];
    for (const [script, stdout] of cases) expect(await t.run(script), script).toEqual({ status: 0, stdout, stderr: '' });
  });

  it('pathname expansion over device nodes: for d in /dev/scull*, ls /dev/scull[0-3]', async () => {
    const t = await bootTestKernel();
    await t.run('for i in 0 1 2 3; do mknod /dev/scull$i c 240 $i; done');
    expect((await t.run('echo /dev/scull*')).stdout).toBe('/dev/scull0 /dev/scull1 /dev/scull2 /dev/scull3\n');
    expect((await t.run('for d in /dev/scull[12]; do echo "<$d>"; done')).stdout).toBe('</dev/scull1>\n</dev/scull2>\n');
    expect(await t.run('ls /dev/scull[0-3] | wc -l; ls /dev/scull[4-9]')).toEqual({ status: 2, stdout: '4\n', stderr: "ls: cannot access '/dev/scull[4-9]': No such file or directory\n" });
  });
});
