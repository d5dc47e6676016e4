// printf (bash's builtin): conversions, flags, escapes, the format reused, errors. Expected texts are
// what bash 5 prints for the same command.
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../helpers/kernel.js';

describe('printf', () => {
  it('conversions with widths, precision and flags', async () => {
    const t = await bootTestKernel();
    const out = async (line: string) => (await t.run(line)).stdout;
    expect(await out("printf '%s-%d|%5.2f|%x|%o|%c|%%\\n' ab 42 3.14159 255 8 xyz")).toBe('ab-42| 3.14|ff|10|x|%\n');
    expect(await out("printf '%05d|%-5d|%+d|% d|%5s|%-5s|\\n' 42 42 42 42 ab ab")).toBe('00042|42   |+42| 42|   ab|ab   |\n');
    expect(await out("printf '%u %x %X %#x %#o %.3d %10.4s|\\n' -1 -1 255 255 8 7 abcdefg"))
      .toBe('18446744073709551615 ffffffffffffffff FF 0xff 010 007       abcd|\n');
    expect(await out("printf '%*d|%-*d|%.*s|\\n' 5 1 4 2 2 abc")).toBe('    1|2   |ab|\n');
    expect(await out("printf '%i %d %d %d\\n' 0x1f 017 -5 +3")).toBe('31 15 -5 3\n');
    expect(await out("printf '%d %d\\n' \"'A\" '\"z'")).toBe('65 122\n');
    expect(await out("printf '%e|%E|%g|%g|%g|%G|%.2e|%f\\n' 12345.678 0.5 0.0001 123456789 100 0.00001 1234 -1.5"))
      .toBe('1.234568e+04|5.000000E-01|0.0001|1.23457e+08|100|1E-05|1.23e+03|-1.500000\n');
    expect(await out("printf '%08.3f|%-8.1f|%+.0f\\n' 3.14159 2.25 2.5")).toBe('0003.142|2.2     |+2\n');
  });

  it('escapes of the format and %b, %q quoting', async () => {
    const t = await bootTestKernel();
    const out = async (line: string) => (await t.run(line)).stdout;
    // In the format \0 takes two more octal digits (\010 is backspace), in %b three.
    expect(await out("printf 'a\\tb\\\\c\\x41\\101\\0101|\\n'")).toBe('a\tb\\cAA\b1|\n');
    expect(await out("printf '%s\\n' 'a\\tb'")).toBe('a\\tb\n');
    expect(await out("printf '%b|\\n' 'a\\tb' '\\0101\\x42' 'x\\\\y'")).toBe('a\tb|\nAB|\nx\\y|\n');
    // \c in a %b argument ends all output.
    expect(await out("printf '%b-%s\\n' 'stop\\chere' more")).toBe('stop');
    expect(await out("printf '%q\\n' 'a b' \"it's\" '' 'x*y' plain")).toBe("a\\ b\nit\\'s\n''\nx\\*y\nplain\n");
    expect(await out("printf '%q\\n' \"$(printf 'a\\tb')\"")).toBe("$'a\\tb'\n");
  });

  it('reuses the format while arguments remain; missing ones are empty or zero', async () => {
    const t = await bootTestKernel();
    expect(await t.run("printf '%s=%d\\n' a 1 b 2 c")).toEqual({ status: 0, stdout: 'a=1\nb=2\nc=0\n', stderr: '' });
    expect(await t.run("printf 'none\\n' x y")).toEqual({ status: 0, stdout: 'none\n', stderr: '' });
    expect(await t.run("printf '[%s]\\n'")).toEqual({ status: 0, stdout: '[]\n', stderr: '' });
    expect(await t.run('printf -- %s- a b')).toEqual({ status: 0, stdout: 'a-b-', stderr: '' });
    expect(await t.run("printf -v X '%s-%d' a 5; echo \"$X\"")).toEqual({ status: 0, stdout: 'a-5\n', stderr: '' });
  });

  it("bash's errors", async () => {
    const t = await bootTestKernel();
    expect(await t.run('printf')).toEqual({ status: 2, stdout: '', stderr: 'printf: usage: printf [-v var] format [arguments]\n' });
    expect(await t.run('printf -v 1x a')).toEqual({ status: 2, stdout: '', stderr: "lkm: printf: `1x': not a valid identifier\n" });
    expect(await t.run('printf -q a')).toEqual({ status: 2, stdout: '', stderr: 'lkm: printf: -q: invalid option\nprintf: usage: printf [-v var] format [arguments]\n' });
    expect(await t.run("printf '%d|\\n' abc 12x 7")).toEqual({
      status: 1, stdout: '0|\n12|\n7|\n', stderr: 'lkm: printf: abc: invalid number\nlkm: printf: 12x: invalid number\n' });
    expect(await t.run("printf '%d\\n' 99999999999999999999")).toEqual({
      status: 1, stdout: '9223372036854775807\n', stderr: 'lkm: printf: 99999999999999999999: Numerical result out of range\n' });
    expect(await t.run("printf 'ab%y'")).toEqual({ status: 1, stdout: 'ab', stderr: "lkm: printf: `y': invalid format character\n" });
    expect(await t.run("printf 'ab%'")).toEqual({ status: 1, stdout: 'ab', stderr: "lkm: printf: `%': missing format character\n" });
    expect(await t.run("printf '%f\\n' x")).toEqual({ status: 1, stdout: '0.000000\n', stderr: 'lkm: printf: x: invalid number\n' });
  });
});
