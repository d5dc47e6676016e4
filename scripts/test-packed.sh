#!/usr/bin/env bash
# The package as another project gets it: `npm pack` (prepack builds dist/ and build/, runs depmod), the tarball
# installed into a temporary copy of examples/vitest-project (npm's cache first: --prefer-offline), and
# that project's tests run. Prints how long each step took. Usage: scripts/test-packed.sh [--keep]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lkm-packed.XXXXXX")
if [ "${1:-}" = "--keep" ]; then echo "test-packed: keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi

now() { date +%s%N; }
secs() { echo "scale=1; ($2 - $1) / 1000000000" | bc; }

t0=$(now)
tarball=$(npm pack --silent --pack-destination "$tmp" | tail -n 1)
t1=$(now)
echo "test-packed: npm pack: $tarball, $(du -k "$tmp/$tarball" | cut -f1) KiB, $(secs "$t0" "$t1") s"

mkdir "$tmp/project"
(cd examples/vitest-project && tar --exclude=node_modules --exclude=package-lock.json --exclude='*.ko' --exclude=.lkm-cache -cf - .) \
  | tar -xf - -C "$tmp/project"
cd "$tmp/project"
# The copy depends on the tarball, not on the checkout (file:../.. in the example).
node -e '
  const fs = require("fs"), p = JSON.parse(fs.readFileSync("package.json", "utf8"));
  p.devDependencies["lkm-wasm"] = "file:" + process.argv[1];
  fs.writeFileSync("package.json", JSON.stringify(p, null, 2) + "\n");
' "$tmp/$tarball"
npm install --prefer-offline --no-audit --no-fund --loglevel=error
t2=$(now)
echo "test-packed: npm install: $(secs "$t1" "$t2") s"

# Nothing of the checkout may be used: the installed package is a copy, not a link to $repo.
installed=$(node -p 'require.resolve("lkm-wasm/package.json")')
case "$installed" in "$repo"/*) echo "test-packed: lkm-wasm resolves into the checkout ($installed)" >&2; exit 1;; esac

# The shipped module tree has its depmod index (prepack): modprobe finds the package's modules.
npx lkm modprobe -n -v hello | grep -qx 'insmod /lib/modules/[^ ]*/extra/hello.ko *'
# The types as a TypeScript project sees them (the exports map's .d.ts, the matchers' declarations).
npx tsc -p .
npx vitest run
t3=$(now)
echo "test-packed: tsc + vitest run: $(secs "$t2" "$t3") s; total $(secs "$t0" "$t3") s"
