#!/usr/bin/env node
// Trunk's post-build hook (see Trunk.toml), run in Trunk's staging folder
// before it becomes dist/. It makes the page carry a strict
// Content-Security-Policy and, in release builds, work offline:
//
// 1. The boot script Trunk writes inline into index.html becomes a classic
//    script, still inline, after the first screen's (public/shell.js), and
//    the stylesheet is inlined too: nothing is fetched before the first
//    paint but the page itself. In a frame sandboxed without `allow-same-origin`
//    (an opaque origin, where a module script or a fetch from a host without
//    CORS headers is refused) it starts the app from classic copies of the
//    glue (`classic-<hash>.js`) and of the wasm (`wasm-<hash>.js`, base64),
//    so an embedded app is never blank.
// 2. A Content-Security-Policy meta tag allows only the app's own files,
//    that inline script and stylesheet (by their SHA-256, so no other inline
//    script or style runs) and WebAssembly (and frames of itself: the
//    trainers' preview); nothing is ever fetched from anywhere else.
// 3. Release builds get `sw.js`: a service worker that precaches exactly the
//    files of this build (listed here from the hashed file names, never by
//    hand), under a cache named after their hash, and serves them cache-first.
//    A new build waits until the page asks it to take over ("reload to
//    update"), so an open app never mixes two versions.
//
// Debug builds (`make serve`, with Trunk's inline live-reload script) are
// left as Trunk wrote them.
//
// Environment (set by Trunk): TRUNK_STAGING_DIR, TRUNK_PUBLIC_URL,
// TRUNK_PROFILE. Also runnable by hand on a built folder:
//   TRUNK_STAGING_DIR=dist TRUNK_PUBLIC_URL=/ TRUNK_PROFILE=release node scripts/post-build.mjs

import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile, unlink } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { minify as terser } from 'terser';
import { minify as minifyCss } from 'csso';
import { LINK, NAME, classicLink, classicPart, splitWasm } from './split-wasm.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const publicUrl = withSlash(process.env.TRUNK_PUBLIC_URL ?? '/');
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';

/** The policy, allowing the inline scripts and styles of these hashes. */
export const policy = ({ scripts = [], styles = [] } = {}) => [
  "default-src 'self'",
  ["script-src 'self'", ...scripts, "'wasm-unsafe-eval'"].join(' '),
  ["style-src 'self'", ...styles].join(' '),
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
export const CSP = policy();

/** How the policy names an inline script or stylesheet. */
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** JavaScript the browser reads, without the reader's spaces and comments
 * (the sources in scripts/ and the tools' output stay readable). */
async function minify(code, { module = false } = {}) {
  const out = await terser(code, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return `${out.code}\n`;
}

function withSlash(url) {
  return url.endsWith('/') ? url : `${url}/`;
}

function hash(text, length = 16) {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

// 404.html (GitHub Pages serves it for every address of the site that is
// no file): the app's address where it says `%BASE%`, and the same policy.
// Its script, 404.js, hands a link whose `#` became `%23` in the path to
// the app as its fragment.
const notFoundPath = join(dir, '404.html');
const notFound = await readFile(notFoundPath, 'utf8').catch(() => null);
if (notFound != null && notFound.includes('%BASE%')) {
  let page = notFound.replaceAll('%BASE%', publicUrl);
  if (release) {
    page = page.replace(
      '<meta charset="utf-8" />',
      `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
    );
  }
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(page)) {
    throw new Error('post-build: an inline script is in 404.html');
  }
  await writeFile(notFoundPath, page);
}

const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');
const local = (url) => join(dir, url.slice(publicUrl.length));

// 1. The inline boot script, into its own file (once: a rerun finds none):
//    a classic script that starts the app in one of two ways (see boot()).
//    The wasm it starts is the split one (scripts/split-wasm.mjs), not
//    Trunk's bindings of the whole module, which go.
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (found) {
  for (const name of await readdir(dir)) {
    if (/^(boot|classic|wasm)-[0-9a-f]{16}\.js$/.test(name)) await unlink(join(dir, name));
    if (/^wasm-[0-9a-f]{16}$/.test(name)) await rm(join(dir, name), { recursive: true });
  }
  const trunkGlue = found[1].match(/from\s+'([^']+\.js)'/)?.[1];
  const trunkWasm = found[1].match(/module_or_path:\s*'([^']+\.wasm)'/)?.[1];
  if (!trunkGlue || !trunkWasm) throw new Error(`post-build: unexpected boot script from Trunk:\n${found[1]}`);
  await unlink(local(trunkGlue));
  await unlink(local(trunkWasm));
  // Trunk's preloads were of those files.
  html = html.replace(/\s*<link rel="(?:modulepreload|preload)"[^>]*>/g, '');

  const { folder, files } = await splitWasm({ dir, release });
  const base = `${publicUrl}${folder}/`;
  const glue = `${base}${NAME}.js`;
  const wasm = `${base}${NAME}_bg.wasm`;
  const link = `${base}${LINK}`;

  // `make serve` (a debug build with Trunk's live reload, which injects an
  // inline script of its own) keeps Trunk's inline boot script, pointed at
  // the split files; the policy and the service worker are for the release
  // build only.
  if (!release) {
    html = html.replace(inline, (tag) => tag.replaceAll(trunkGlue, glue).replaceAll(trunkWasm, wasm));
    await writeFile(indexPath, html);
    await unlink(join(dir, 'sw.js')).catch(() => {});
    process.exit(0);
  }

  // The classic copies of the glue, the loader, the main wasm and every
  // part, for opaque origins (made from the sources as wasm-bindgen and
  // wasm-split wrote them, then minified like the rest).
  const glueSource = await readFile(local(glue), 'utf8');
  const linkSource = await readFile(local(link), 'utf8');
  const classicGlue = await minify(classic(glueSource));
  const classicName = `classic-${hash(classicGlue)}.js`;
  await writeFile(join(dir, classicName), classicGlue);
  const loader = await minify(classicLink(linkSource));
  const loaderName = `classic-${hash(loader)}.js`;
  await writeFile(join(dir, loaderName), loader);
  const bytes = await readFile(local(wasm));
  const wasmScript = `self.peerCoachWasm = "${bytes.toString('base64')}";\n`;
  const wasmName = `wasm-${hash(wasmScript)}.js`;
  await writeFile(join(dir, wasmName), wasmScript);
  for (const name of files) {
    if (!name.endsWith('.wasm') || name === `${NAME}_bg.wasm`) continue;
    const part = name.slice(0, -'.wasm'.length);
    await writeFile(join(dir, folder, `${part}.classic.js`), classicPart(part, await readFile(join(dir, folder, name))));
  }
  // The modules themselves, minified: they are on the first load's path.
  await writeFile(local(glue), await minify(glueSource, { module: true }));
  await writeFile(local(link), await minify(linkSource, { module: true }));

  // The main module's glue, the loader it imports and the main wasm, fetched
  // as early as the boot script runs. From an opaque origin they would be
  // refused (CORS), so the boot script adds them only where they work.
  const integrity = async (url) =>
    `sha384-${createHash('sha384').update(await readFile(local(url))).digest('base64')}`;
  const preloads = [
    `<link rel="modulepreload" href="${glue}" crossorigin="anonymous" integrity="${await integrity(glue)}">`,
    `<link rel="modulepreload" href="${link}" crossorigin="anonymous" integrity="${await integrity(link)}">`,
    // (Chromium ignores `integrity` on a fetch preload, and says so.)
    `<link rel="preload" href="${wasm}" crossorigin="anonymous" as="fetch" type="application/wasm">`,
  ];

  const code = await minify(boot({
    glue,
    wasm,
    preloads: preloads.join(''),
    classicGlue: `${publicUrl}${classicName}`,
    classicLink: `${publicUrl}${loaderName}`,
    classicWasm: `${publicUrl}${wasmName}`,
    classicParts: base,
  }));
  // The first screen's script (public/shell.js) runs first in the same
  // script, in the page: no request before the first paint (each one is a
  // round trip on a phone, and about 25 ms here).
  const shellTag = /\s*<script src="shell\.js"><\/script>/;
  if (!shellTag.test(html)) throw new Error('post-build: no <script src="shell.js"> in index.html');
  html = html.replace(shellTag, '');
  const shell = await minify(await readFile(join(dir, 'shell.js'), 'utf8'));
  await unlink(join(dir, 'shell.js'));
  const first = `${shell.trimEnd().replace(/;?$/, ';')}\n${code}`;
  if (/<\/script|<!--/i.test(first)) throw new Error('post-build: the boot script would end its <script> early');
  // First in <head> after the metadata: after a stylesheet, a script
  // would wait for it, and the fetches it starts would too.
  html = html.replace(inline, '');
  const tag = `<script>${first.trimEnd()}</script>\n    `;
  const at = html.search(/<link rel="stylesheet"/);
  html = at < 0 ? html.replace('</head>', `  ${tag}</head>`) : html.slice(0, at) + tag + html.slice(at);
} else if (!release) {
  await unlink(join(dir, 'sw.js')).catch(() => {});
  process.exit(0);
}
if (/<script type="module"/.test(html)) {
  throw new Error('post-build: a module script is left in index.html');
}

// Trunk reads `data-integrity` but leaves it on the tag.
html = html.replace(/ data-integrity="none"/g, '');

// The stylesheet, without its comments and spaces (style/ stays readable),
// in the page: it blocks the first paint, and a request of its own would
// cost a round trip before it (about 25 ms to the first paint here).
html = await inlineStylesheets(html);
// The page's own comments (they are for the sources).
html = html.replace(/\n?\s*<!--[\s\S]*?-->/g, '');

// 2. The policy, first in <head> so it covers everything after it: the
//    page's inline script and stylesheet by their hashes, nothing else
//    inline.
const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
if ((html.match(/<script\b/g) ?? []).length !== scripts.length + (html.match(/<script src=/g) ?? []).length) {
  throw new Error('post-build: an inline script with attributes is in index.html');
}
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy({ scripts, styles })}" />`;
html = html.includes('http-equiv="Content-Security-Policy"')
  ? html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, meta)
  : html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);
await writeFile(indexPath, html);

// 3. The service worker of this build.
if (release) {
  const files = (await readdir(dir, { recursive: true }))
    .map((name) => name.split(sep).join('/'))
    .filter((name) => statSync(join(dir, name)).isFile())
    // The classic copies are only for opaque origins, where no service
    // worker runs: never precached.
    .filter((name) => name !== 'sw.js' && !name.startsWith('.'))
    .filter((name) => !/^(classic|wasm)-[0-9a-f]{16}\.js$/.test(name) && !name.endsWith('.classic.js'))
    .sort();
  const contents = await Promise.all(files.map((name) => readFile(join(dir, name))));
  const version = hash(Buffer.concat(contents.flatMap((c, i) => [Buffer.from(files[i]), c])));
  await writeFile(join(dir, 'sw.js'), serviceWorker(version, files));
} else {
  await unlink(join(dir, 'sw.js')).catch(() => {});
}

/**
 * The boot script. Where the page has an origin of its own it adds Trunk's
 * preloads, imports the module glue, starts the wasm and (release) registers
 * the service worker.
 *
 * A frame sandboxed without `allow-same-origin` (as course platforms
 * often embed) has an opaque origin: there a module script, a preload or a
 * fetch of the wasm is a cross-origin request that a static host without
 * CORS headers refuses, and the page would stay blank; the service worker
 * and storage are not available either. So there the boot script loads
 * classic scripts, which need no CORS: the glue as a classic script and the
 * wasm as base64 in one, and starts it from those bytes. The app then says
 * that nothing will be kept (its storage falls back to memory).
 */
function boot({ glue, wasm, preloads, classicGlue, classicLink, classicWasm, classicParts }) {
  return `// Peer Coach's boot script, written by scripts/post-build.mjs.
(() => {
  'use strict';
  // Settles once the app has started, or failed to: the service worker
  // waits for it (see below).
  let settle;
  const settled = new Promise((ok) => {
    settle = ok;
  });
  const started = (instance) => {
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
  };
  // The app could not be fetched or started: the first screen says so
  // (public/shell.js), rather than looking ready and opening nothing.
  const failed = (error) => {
    console.error(error);
    if (self.peerCoachFailed) self.peerCoachFailed();
  };
  const domReady = new Promise((ok) => {
    if (document.readyState === 'loading') addEventListener('DOMContentLoaded', ok, { once: true });
    else ok();
  });
  const opaque = self.origin === 'null';
  if (opaque) {
    const load = (src) => new Promise((ok, fail) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = ok;
      script.onerror = () => fail(new Error('Peer Coach could not load ' + src));
      document.head.append(script);
    });
    const bytes = (base64) => {
      const text = atob(base64);
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
      return out;
    };
    // A part of the wasm (a screen's code), as the loader would fetch it.
    self.peerCoachPart = (name) =>
      load(${JSON.stringify(classicParts)} + name + '.classic.js').then(() => {
        const part = bytes(self.peerCoachParts[name]);
        delete self.peerCoachParts[name];
        return new Response(part, { headers: { 'Content-Type': 'application/wasm' } });
      });
    const scripts = load(${JSON.stringify(classicLink)})
      .then(() => load(${JSON.stringify(classicGlue)}))
      .then(() => load(${JSON.stringify(classicWasm)}));
    Promise.all([scripts, domReady])
      .then(() => {
        const main = bytes(self.peerCoachWasm);
        delete self.peerCoachWasm;
        return self.peerCoachClassic.init({ module_or_path: main });
      })
      .then(started, failed);
    return;
  }
  // The app's files are fetched once the first screen (index.html) is
  // painted: before, they would share the network with what that paint
  // waits for. That is the first frame after DOMContentLoaded, when
  // public/shell.js shows the first screen (a frame painted while the page
  // still streams in shows nothing of it). A page opened in a background
  // tab paints nothing: it starts at once.
  const hidden = document.visibilityState === 'hidden';
  // The app replaces the first screen once the browser has reported that
  // screen's largest paint: replaced before (a busy main thread reports
  // it late), the app's own screen would be the page's largest contentful
  // paint, behind the wasm. The wasm compiles meanwhile. A browser that
  // reports no such paint waits for nothing more.
  const reported = () => new Promise((ok) => {
    const types = (self.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (hidden || !types.includes('largest-contentful-paint')) return ok();
    const observer = new PerformanceObserver(() => {
      observer.disconnect();
      ok();
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(ok, 500);
  });
  const compile = () => fetch(${JSON.stringify(wasm)}).then((response) => {
    if (!response.ok) throw new Error('Peer Coach could not load its WebAssembly: ' + response.status);
    // A host that serves the wasm as another type: compiled from its bytes.
    return (response.headers.get('Content-Type') || '').startsWith('application/wasm') && WebAssembly.compileStreaming
      ? WebAssembly.compileStreaming(response)
      : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
  const start = () => {
    document.head.insertAdjacentHTML('beforeend', ${JSON.stringify(preloads)});
    Promise.all([import(${JSON.stringify(glue)}), compile(), domReady.then(reported)])
      .then(([bindings, module]) => bindings.default({ module_or_path: module }).then((instance) => {
        window.wasmBindings = bindings;
        started(instance);
      }))
      .catch(failed)
      .finally(settle);
  };
  // (\`node scripts/bench.mjs --early-boot\` measures a copy without this
  // wait and the one for the reported paint: it finds both by their shape.)
  if (hidden) start();
  else domReady.then(() => requestAnimationFrame(() => setTimeout(start, 0)));
${release ? registerWorker() : ''}
})();
`;
}

/** wasm-bindgen's module glue (`--target web`) as a classic script: the
 * same code in a function, its exports on `self.peerCoachClassic`. */
function classic(source) {
  // The loader it imports (split-wasm.mjs) is loaded first, as a classic
  // script too.
  let code = source.replace(
    /^import \* as (\w+) from "\.\/__wasm_split\.js";?$/gm,
    'const $1 = self.peerCoachSplit;',
  );
  code = code.replace(/import\.meta\.url/g, 'document.baseURI');
  code = code.replace(/^export\s+\{[^}]*\};?\s*$/gm, '');
  code = code.replace(/^export\s+default\s+__wbg_init;?\s*$/gm, '');
  code = code.replace(/^export\s+(?=(async\s+)?function\b|class\b|const\b|let\b)/gm, '');
  if (/^\s*(import|export)\b/m.test(code) || /\bimport\s*\(|import\.meta/.test(code)) {
    throw new Error('post-build: the wasm-bindgen glue has imports or exports this script cannot make classic');
  }
  if (!/function __wbg_init\b/.test(code) || !/function initSync\b/.test(code)) {
    throw new Error('post-build: the wasm-bindgen glue has no __wbg_init/initSync');
  }
  return `// wasm-bindgen's glue as a classic script, for opaque origins (see boot.js).
(() => {
'use strict';
${code}
self.peerCoachClassic = { init: __wbg_init, initSync };
})();
`;
}

/** The lines the boot script ends with in release builds: register the
 * service worker, and tell the app when a new version is ready. Only where
 * the page has an origin of its own (never in an opaque one, where reading
 * `navigator.serviceWorker` throws), and never an uncaught error. */
function registerWorker() {
  return `
  // Offline: the service worker of this build (sw.js), and "reload to update".
  let workers = null;
  try {
    if (!opaque && 'serviceWorker' in navigator) workers = navigator.serviceWorker;
  } catch {
    workers = null;
  }
  if (workers) {
    let reloading = false;
    // On a first visit the worker takes over an uncontrolled page: that is
    // no update.
    const hadController = workers.controller != null;
    const ready = (registration) => {
      window.peerCoachUpdate = () => {
        reloading = true;
        // Another tab may have let the new version in already: then a reload
        // is all this one needs.
        if (registration.waiting) registration.waiting.postMessage('skip-waiting');
        else location.reload();
      };
      window.peerCoachUpdateReady = true;
      dispatchEvent(new Event('peer-coach-update-ready'));
    };
    workers.addEventListener('controllerchange', () => {
      if (reloading) location.reload();
      // A new version took over from another tab: this page still runs the
      // old one, so it offers the reload too.
      else if (hadController) workers.getRegistration().then((r) => r && ready(r), () => {});
    });
    // Once the app runs and the page has loaded: the worker's precache
    // (every part of the app, fetched again from the server) must not
    // compete with what the first screen needs. The page's \`load\` comes
    // before the app's files are even asked for (they wait for the first
    // paint), so on its own it would let the precache share the network,
    // and here the processor, with the main wasm (about 60 ms later to
    // the first button here).
    const register = () => workers
      .register(${JSON.stringify(`${publicUrl}sw.js`)}, { scope: ${JSON.stringify(publicUrl)} })
      .then((registration) => {
        if (registration.waiting && workers.controller) ready(registration);
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker?.addEventListener('statechange', () => {
            if (worker.state === 'installed' && workers.controller) ready(registration);
          });
        });
      })
      .catch(() => {});
    settled.then(() => {
      if (document.readyState === 'complete') register();
      else addEventListener('load', register, { once: true });
    });
  }
`;
}

/** Each stylesheet of the build, minified, into the page (and its file
 * removed: nothing else reads it). */
async function inlineStylesheets(page) {
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.css')) continue;
    const css = minifyCss(await readFile(join(dir, name), 'utf8'), { restructure: false }).css;
    if (/<\/style/i.test(css)) throw new Error(`post-build: ${name} would end its <style> early`);
    const escaped = `${publicUrl}${name}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const link = new RegExp(`<link rel="stylesheet" href="${escaped}"\\s*/?>`);
    if (!link.test(page)) throw new Error(`post-build: no <link> to ${name} in index.html`);
    page = page.replace(link, () => `<style>${css}</style>`);
    await unlink(join(dir, name));
  }
  return page;
}

function serviceWorker(version, files) {
  return `// Peer Coach's service worker, written by scripts/post-build.mjs for one
// build: it precaches exactly that build's files and serves them
// cache-first. Nothing is ever sent anywhere.
const CACHE = 'peer-coach-${version}';
const SCOPE = new URL(${JSON.stringify(publicUrl)}, self.location).href;
const FILES = ${JSON.stringify(['', ...files], null, 2)}.map((name) => SCOPE + name);
const INDEX = SCOPE + 'index.html';
const NOT_FOUND = SCOPE + '404.html';

function page(url) {
  const path = url.split(/[?#]/)[0];
  if (path === SCOPE || FILES.includes(path)) return path === SCOPE ? INDEX : path;
  return FILES.includes(NOT_FOUND) ? NOT_FOUND : INDEX;
}

self.addEventListener('install', (event) => {
  // From the server, never from the browser's HTTP cache: a host that lets
  // index.html be cached for minutes must not mix the old page into the
  // new build's files.
  const fresh = FILES.map((url) => new Request(url, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('peer-coach-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// The page asks a waiting version to take over when the person chose to
// reload.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  // The app routes by fragment: its address is index.html; any other
  // address of the scope that is no file of this build is 404.html, as on
  // the host, which hands it to the app as a fragment (a link whose \`#\`
  // became \`%23\`).
  const key = request.mode === 'navigate' ? page(request.url) : request.url.split('#')[0];
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: request.mode === 'navigate' }))
      .then((cached) => cached || fetch(request)),
  );
});
`;
}
