// The app's WebAssembly in parts, for scripts/post-build.mjs: the first
// screen's code in one file, each group of other screens (src/ui/screens.rs)
// in files fetched the first time one of them is shown.
//
// Trunk builds the crate with the `split` feature (index.html), which makes
// those groups split points and keeps the linker's relocations (build.rs).
// This script then takes cargo's module and
//   1. splits it with wasm-split-cli (crates.io: wasm_split_cli_support,
//      installed by scripts/setup.sh): the main module, the groups' modules
//      and the chunks they share, and `__wasm_split.js`, the loader the main
//      module imports;
//   2. runs wasm-bindgen on the main module (keeping the exports the parts
//      link to);
//   3. in release builds, runs wasm-opt on every module;
//   4. puts them all in `wasm-<hash of the files>/` in the build folder, so a
//      new build never mixes with a cached old one, and the loader's relative
//      addresses hold under any public URL.
// Trunk's own wasm-bindgen output of the whole module is deleted by the caller.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const NAME = 'peer-coach';
/** The loader module wasm-split writes (the main module's glue imports it). */
export const LINK = '__wasm_split.js';

function run(cmd, args) {
  const out = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.error?.code === 'ENOENT') {
    throw new Error(`split-wasm: ${cmd} not found: run scripts/setup.sh build`);
  }
  if (out.status !== 0) throw new Error(`split-wasm: ${cmd} ${args.join(' ')} failed:\n${out.stderr}`);
  return out.stdout;
}

/** Run `jobs` (functions returning promises) two at a time. */
async function pool(jobs, width = 2) {
  const queue = [...jobs];
  await Promise.all(Array.from({ length: width }, async () => {
    while (queue.length) await queue.shift()();
  }));
}

function runAsync(cmd, args) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`split-wasm: ${cmd} failed:\n${err}`))));
  });
}

/** The module cargo wrote for this profile. */
export function cargoModule(release) {
  const target = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
  return join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${NAME}.wasm`);
}

/**
 * Split, bind and (release) optimize cargo's module into `dir`.
 * Returns the folder's name and the files in it.
 */
export async function splitWasm({ dir, release, input = cargoModule(release) }) {
  if (!existsSync(input)) throw new Error(`split-wasm: ${input} missing`);
  const work = await mkdtemp(join(tmpdir(), 'peer-coach-split-'));
  try {
    const split = join(work, 'split');
    const out = join(work, 'out');
    await mkdir(split);
    await mkdir(out);
    run('wasm-split-cli', [input, split, '--out-name', NAME]);
    run('wasm-bindgen', [
      '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
      '--out-dir', out, '--out-name', NAME, join(split, `${NAME}.wasm`),
    ]);
    for (const name of await readdir(split)) {
      if (name === `${NAME}.wasm`) continue;
      await rename(join(split, name), join(out, name));
    }
    const modules = (await readdir(out)).filter((name) => name.endsWith('.wasm'));
    if (release) {
      // The main module as Trunk used to optimize the whole (`z`, converged,
      // its memory known to start zeroed); the parts share that memory, so
      // for them its state is not assumed. Rust puts the stack first in
      // memory, so the lowest kilobyte is never addressed (about 1 KB less).
      await pool(modules.map((name) => () => {
        const path = join(out, name);
        const main = name === `${NAME}_bg.wasm`;
        const flags = ['-Oz', '--low-memory-unused', ...(main ? ['--converge', '--zero-filled-memory'] : [])];
        return runAsync('wasm-opt', [...flags, path, '-o', path]);
      }));
    }
    const files = (await readdir(out)).sort();
    const digest = createHash('sha256');
    for (const name of files) digest.update(name).update(await readFile(join(out, name)));
    const folder = `wasm-${digest.digest('hex').slice(0, 16)}`;
    await rm(join(dir, folder), { recursive: true, force: true });
    await mkdir(join(dir, folder));
    for (const name of files) {
      await writeFile(join(dir, folder, name), await readFile(join(out, name)));
    }
    return { folder, files };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The loader as a classic script, for opaque origins (see post-build.mjs):
 * its exports on `self.peerCoachSplit`, the main module's `initSync` from
 * the classic glue, and each part read from its classic copy (base64, via
 * `self.peerCoachPart(name)`, which the boot script defines) instead of a
 * fetch, which an opaque origin may not make.
 */
export function classicLink(source) {
  let code = source.replace(
    /^import \{ initSync \} from "[^"]+";$/m,
    'const initSync = (...args) => self.peerCoachClassic.initSync(...args);',
  );
  const names = [];
  code = code.replace(/^export const (\w+) =/gm, (_, name) => {
    names.push(name);
    return `const ${name} =`;
  });
  code = code.replace(
    /fetch\(new URL\("\.\/([\w.-]+)\.wasm", import\.meta\.url\)\)/g,
    (_, name) => `self.peerCoachPart(${JSON.stringify(name)})`,
  );
  if (/^\s*(import|export)\b/m.test(code) || /import\.meta|\bfetch\(/.test(code)) {
    throw new Error('split-wasm: the loader has imports, exports or fetches this script cannot make classic');
  }
  return `// wasm-split's loader as a classic script, for opaque origins (see boot.js).
(() => {
'use strict';
${code}
self.peerCoachSplit = { ${names.join(', ')} };
})();
`;
}

/** A part of the module as a classic script: base64 in a global. */
export function classicPart(name, bytes) {
  return `(self.peerCoachParts ||= {})[${JSON.stringify(name)}] = "${bytes.toString('base64')}";\n`;
}
