import { fileURLToPath } from 'node:url';
import { defineKunitTests } from 'lkm-wasm/vitest';

// The module's KUnit cases, each a vitest test (suite "hello": greeting_test, length_test).
await defineKunitTests(fileURLToPath(new URL('../hello-kunit', import.meta.url)));
