#!/usr/bin/env node
// Where the bytes of the wasm are: the code section's function bodies summed
// by crate, and ours by module, from the name section that rustc's linker
// writes into the cargo output (target/wasm32-unknown-unknown/release/*.wasm,
// before wasm-bindgen and wasm-opt strip it). Sizes are of that unoptimized
// module; wasm-opt shrinks all of it by a similar share, so the ranking and
// the shares hold for the shipped file.
//
//   node scripts/wasm-size.mjs <module.wasm> [--top 25] [--json out.json] [--functions 20]
//
// A generic function is counted in the crate that defines it, whatever types
// it was instantiated with: `tachys::view::…::build<peer_coach::ui::…>` is
// Leptos's (tachys) code, made for one of our components.

import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

export function readModule(bytes) {
  let i = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[i++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) return result;
    }
  };
  const name = () => {
    const n = leb();
    const s = new TextDecoder().decode(bytes.subarray(i, i + n));
    i += n;
    return s;
  };
  const sections = [];
  let imports = 0;
  let bodies = [];
  const names = new Map();
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    const start = i;
    let custom = '';
    if (id === 0) custom = name();
    sections.push({ id, custom, size });
    if (id === 2) {
      const count = leb();
      for (let k = 0; k < count; k++) {
        name();
        name();
        const kind = bytes[i++];
        if (kind === 0) { leb(); imports++; } // a function
        else if (kind === 1) { i++; const flags = leb(); leb(); if (flags & 1) leb(); }
        else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
        else if (kind === 3) { i += 2; }
        else if (kind === 4) { i++; leb(); }
      }
    } else if (id === 10) {
      const count = leb();
      bodies = new Array(count);
      for (let k = 0; k < count; k++) {
        const len = leb();
        bodies[k] = len;
        i += len;
      }
    } else if (id === 0 && custom === 'name') {
      while (i < end) {
        const sub = bytes[i++];
        const len = leb();
        const subEnd = i + len;
        if (sub === 1) {
          const count = leb();
          for (let k = 0; k < count; k++) {
            const index = leb();
            names.set(index, name());
          }
        }
        i = subEnd;
      }
    }
    i = end;
    void start;
  }
  const functions = bodies.map((size, k) => ({ size, name: demangle(names.get(imports + k) ?? `func${imports + k}`) }));
  return { sections, functions };
}

// Rust's legacy mangling (`_ZN` + length-prefixed parts + `17h<hash>E`) to
// `a::b::<T as c::D>::f`; other names are returned as they are.
export function demangle(name) {
  const m = name.match(/^_?_ZN(.*)E$/);
  if (!m) return name;
  const parts = [];
  let s = m[1];
  while (s.length) {
    const d = s.match(/^(\d+)/);
    if (!d) break;
    const len = Number(d[1]);
    parts.push(s.slice(d[1].length, d[1].length + len));
    s = s.slice(d[1].length + len);
  }
  if (parts.length > 1 && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  const codes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
  return parts
    .map((p) => p
      .replace(/^_\$/, '$')
      .replace(/\$([A-Z]{1,2})\$/g, (all, c) => codes[c] ?? all)
      .replace(/\$u([0-9a-f]+)\$/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
      .replaceAll('..', '::'))
    .join('::');
}

// The path a function's name starts with, for `<A as B>::f` the path of A.
export function ownerPath(fn) {
  let s = fn;
  for (;;) {
    const before = s;
    s = s.replace(/^<+/, '').replace(/^(&|\*const |\*mut |mut |dyn |\[|\()+/, '');
    if (s === before) break;
  }
  const m = s.match(/^([A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*)/);
  return m ? m[1].split('::') : [s.slice(0, 20)];
}

export function group(functions, ours) {
  const crates = new Map();
  const modules = new Map();
  const add = (map, key, size) => {
    const e = map.get(key) ?? { size: 0, count: 0 };
    e.size += size;
    e.count += 1;
    map.set(key, e);
  };
  for (const f of functions) {
    const path = ownerPath(f.name);
    let crate = path[0];
    if (/^(func\d+|[a-z_]*dlmalloc.*|__.*)$/.test(crate)) crate = crate.startsWith('func') ? '(unnamed)' : crate;
    add(crates, crate, f.size);
    if (crate === ours) {
      const module = path.slice(1, 3).filter((p) => /^[a-z_][a-z0-9_]*$/.test(p));
      const key = module.length >= 2 && ['ui', 'domain', 'app', 'platform', 'i18n'].includes(module[0])
        ? `${module[0]}::${module[1]}` : (module[0] ?? '(root)');
      add(modules, key, f.size);
    }
  }
  const sorted = (map) => [...map.entries()].map(([key, v]) => ({ key, ...v })).sort((a, b) => b.size - a.size);
  return { crates: sorted(crates), modules: sorted(modules) };
}

const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count'];

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: opt, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: 'string', default: '25' },
      functions: { type: 'string', default: '0' },
      json: { type: 'string' },
      ours: { type: 'string', default: 'peer_coach' },
      grep: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new Error('usage: wasm-size.mjs <module.wasm>');

  const bytes = readFileSync(positionals[0]);
  const { sections, functions } = readModule(bytes);
  const code = functions.reduce((a, f) => a + f.size, 0);
  const { crates, modules } = group(functions, opt.ours);
  const num = (n) => n.toLocaleString('en-US');
  const pct = (n) => `${((100 * n) / code).toFixed(1)}%`;
  const top = Number(opt.top);
  console.log(`${positionals[0]}: ${num(bytes.length)} bytes; sections:`);
  for (const s of sections) {
    if (s.custom && s.custom !== 'name') continue;
    console.log(`  ${(s.custom ? `custom "${s.custom}"` : SECTION[s.id]).padEnd(16)} ${num(s.size).padStart(11)}`);
  }
  const print = (title, rows) => {
    console.log(`\n${title} (code section ${num(code)} bytes, ${num(functions.length)} functions)`);
    const width = Math.max(...rows.slice(0, top).map((r) => r.key.length), 10);
    for (const r of rows.slice(0, top)) {
      console.log(`  ${r.key.padEnd(width)} ${num(r.size).padStart(10)} ${pct(r.size).padStart(6)} ${num(r.count).padStart(6)} fns`);
    }
    const rest = rows.slice(top).reduce((a, r) => a + r.size, 0);
    if (rest) console.log(`  ${'(the rest)'.padEnd(width)} ${num(rest).padStart(10)} ${pct(rest).padStart(6)}`);
  };
  print('by crate', crates);
  print(`by module of ${opt.ours}`, modules);
  const many = Number(opt.functions);
  if (many) {
    console.log(`\nlargest functions`);
    for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, many)) {
      console.log(`  ${num(f.size).padStart(9)}  ${f.name.slice(0, 140)}`);
    }
  }
  if (opt.grep) {
    const re = new RegExp(opt.grep);
    const hits = functions.filter((f) => re.test(f.name)).sort((a, b) => b.size - a.size);
    console.log(`\nfunctions matching /${opt.grep}/: ${num(hits.reduce((a, f) => a + f.size, 0))} bytes in ${hits.length}`);
    for (const f of hits.slice(0, top)) console.log(`  ${num(f.size).padStart(9)}  ${f.name.slice(0, 140)}`);
  }
  if (opt.json) writeFileSync(opt.json, JSON.stringify({ size: bytes.length, code, sections, crates, modules }, null, 1));
}
