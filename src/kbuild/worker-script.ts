// The compiler worker as source text: loads @yowasp/clang once, then runs ToolJobs (runner.ts) sent as messages.
// Browser-safe (no imports): a host prepends two bindings and evaluates it in a worker:
//   post(message, transfer)  send a message to the pool      listen(handler)  receive the pool's messages
// pool.node.ts does this for worker_threads; a Web Worker pool would use WEB_WORKER_PRELUDE (not wired yet).
//
// Protocol: first message `{ init: { bundleUrl, modules, noDirectCc1 } }` (modules: byte length → compiled
// WebAssembly.Module of yowasp's .wasm files, shared instead of compiled per worker), then jobs
// `{ id, tool, args, files, outputs, compile? }` answered by `{ id, status, stderr, files }` or `{ id, error }`;
// `{ id: -1, error }` means the compiler could not load.

export const WEB_WORKER_PRELUDE = `
const post = (message, transfer) => self.postMessage(message, transfer);
const listen = (handler) => self.addEventListener('message', (e) => handler(e.data));
`;

export const WORKER_BODY = String.raw`
let gotInit;
const init = new Promise((resolve) => { gotInit = resolve; });
let config = {};
const ready = init.then(async (cfg) => {
  config = cfg;
  const modules = cfg.modules || {};
  // Use the modules the pool compiled once (shared compiled code) instead of compiling ~75 MB of wasm per
  // worker: yowasp compiles each .wasm from a Response whose content-length identifies it.
  const compileStreaming = WebAssembly.compileStreaming;
  WebAssembly.compileStreaming = async (source) => {
    const response = await source;
    const shared = modules[response.headers.get('content-length')];
    return shared || compileStreaming.call(WebAssembly, response);
  };
  const y = await import(cfg.bundleUrl);
  await y.runLLVM(undefined, {}, { fetchProgress() {} });
  return y;
});
ready.catch((e) => post({ id: -1, error: String(e && e.stack || e) }));
function mount(tree, path, content) {
  const parts = path.split('/').filter(Boolean);
  let dir = tree;
  for (const p of parts.slice(0, -1)) {
    const next = dir[p];
    if (next === undefined || typeof next === 'string' || next instanceof Uint8Array) dir[p] = {};
    dir = dir[p];
  }
  dir[parts[parts.length - 1]] = content;
}
function pick(tree, path) {
  let node = tree;
  for (const p of path.split('/').filter(Boolean)) {
    if (node === undefined || typeof node === 'string' || node instanceof Uint8Array) return undefined;
    node = node[p];
  }
  if (typeof node === 'string') return new TextEncoder().encode(node);
  return node instanceof Uint8Array ? node : undefined;
}
// The clang driver cannot spawn under WASI, so yowasp runs 'clang -###' and then the cc1 job it prints: two
// runs per compile. Every object of a build has the same driver flags apart from its file names and -D/-U/-I/
// -include/-ivfsoverlay flags, so the cc1 line is computed once per distinct rest (with placeholders and a sentinel -D) and
// reused. Anything unexpected falls back to the driver.
const PH_DIR = '/__lkm_driver__';
const PH = { src: PH_DIR + '/src.c', out: PH_DIR + '/out.o', dep: PH_DIR + '/out.d' };
const SENTINEL = '__LKM_PREPROCESSOR_FLAGS__';
const templates = new Map();
function splitPreprocessor(args, compile) {
  const rest = [];
  const pp = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === compile.src) rest.push(PH.src);
    else if (a === compile.out) rest.push(PH.out);
    else if (a === compile.dep) rest.push(PH.dep);
    else if (['-D', '-U', '-I', '-include', '-iquote', '-isystem', '-idirafter', '-ivfsoverlay'].includes(a) && i + 1 < args.length) pp.push(a, args[++i]);
    else if (/^-[DUI]./.test(a)) pp.push(a);
    else rest.push(a);
  }
  return { rest: [...rest, '-D' + SENTINEL], pp };
}
async function cc1Template(y, rest) {
  const key = JSON.stringify(rest);
  if (templates.has(key)) return templates.get(key);
  let text = '';
  const sink = (b) => { if (b) text += new TextDecoder().decode(b); };
  let template = null;
  try {
    await y.runLLVM(['clang', '-###', ...rest], { __lkm_driver__: { 'src.c': '' } }, { stdout: sink, stderr: sink });
    const jobs = text.split('\n').filter((l) => l.startsWith(' "'));
    if (jobs.length === 1) {
      const cmd = Array.from(jobs[0].matchAll(/ (?:([^ "]+)|"((?:[^"\\$]|\\["\\$])*)")/g), (m) => m[1] !== undefined ? m[1] : m[2].replace(/\\(["\\$])/g, '$1'));
      if (cmd[0] === '') cmd.shift();
      const at = cmd.indexOf(SENTINEL);
      if (cmd.includes('-cc1') && cmd.includes(PH.src) && at > 0 && cmd[at - 1] === '-D') template = cmd;
    }
  } catch (e) { template = null; }
  templates.set(key, template);
  return template;
}
async function runCompile(y, args, tree, compile, options) {
  const { rest, pp } = splitPreprocessor(args, compile);
  const template = await cc1Template(y, rest);
  if (!template) return y.commands.clang(args, tree, options);
  const base = compile.src.slice(compile.src.lastIndexOf('/') + 1);
  const cmd = [];
  for (let i = 0; i < template.length; i++) {
    const a = template[i];
    if (a === '-D' && template[i + 1] === SENTINEL) { cmd.push(...pp); i++; continue; }
    if (a === '-main-file-name') { cmd.push(a, base); i++; continue; }
    cmd.push(a === PH.src ? compile.src : a === PH.out ? compile.out : a === PH.dep ? compile.dep : a);
  }
  return y.runLLVM(cmd, tree, options);
}
listen(async ({ id, tool, args, files, outputs, compile, init: cfg }) => {
  if (cfg) { gotInit(cfg); return; }
  try {
    const y = await ready;
    const tree = {};
    for (const [path, content] of Object.entries(files)) mount(tree, path, content);
    const chunks = [];
    const sink = (b) => { if (b) chunks.push(b.slice()); };
    const options = { stdout: sink, stderr: sink, decodeASCII: false };
    let out;
    let status = 0;
    try {
      if (tool === 'clang' && compile && !config.noDirectCc1) out = await runCompile(y, args, tree, compile, options);
      else out = await y.commands[tool](args, tree, options);
    } catch (e) {
      if (!(e instanceof y.Exit)) throw e;
      status = e.code || 1;
      out = e.files;
    }
    const result = {};
    const transfer = [];
    for (const o of outputs) {
      const f = pick(out, o);
      if (f) { const c = f.slice(); result[o] = c; transfer.push(c.buffer); }
    }
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) { all.set(c, at); at += c.length; }
    post({ id, status, stderr: new TextDecoder().decode(all), files: result }, transfer);
  } catch (e) {
    post({ id, error: String(e && e.stack || e) });
  }
});
`;
