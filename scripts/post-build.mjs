#!/usr/bin/env node
// Trunk's post-build hook (see Trunk.toml), run in Trunk's staging folder
// before it becomes dist/. It makes the page carry a strict
// Content-Security-Policy and, in release builds, work offline:
//
// 1. The boot script Trunk writes inline into index.html moves into its own
//    file, `boot-<hash>.js`, so the policy needs no inline script at all.
// 2. A Content-Security-Policy meta tag allows only the app's own files and
//    WebAssembly (and frames of itself: the trainers' preview); nothing is
//    ever fetched from anywhere else.
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
import { readdir, readFile, writeFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const publicUrl = withSlash(process.env.TRUNK_PUBLIC_URL ?? '/');
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
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

// `make serve` (a debug build with Trunk's live reload, which injects an
// inline script of its own) keeps the page as Trunk wrote it: the policy
// and the service worker are for the release build only.
if (!release) {
  await unlink(join(dir, 'sw.js')).catch(() => {});
  process.exit(0);
}

const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');

// 1. The inline boot script, into its own file (once: a rerun finds none).
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const found = html.match(inline);
if (found) {
  for (const name of await readdir(dir)) {
    if (/^boot-[0-9a-f]{16}\.js$/.test(name)) await unlink(join(dir, name));
  }
  const boot = `${found[1].trim()}\n${release ? registerWorker() : ''}`;
  const bootName = `boot-${hash(boot)}.js`;
  await writeFile(join(dir, bootName), boot);
  html = html.replace(inline, `<script type="module" src="${publicUrl}${bootName}"></script>`);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  throw new Error('post-build: an inline script is left in index.html');
}

// 2. The policy, first in <head> so it covers everything after it.
if (!html.includes('http-equiv="Content-Security-Policy"')) {
  html = html.replace(
    '<meta charset="utf-8" />',
    `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
  );
}
await writeFile(indexPath, html);

// 3. The service worker of this build.
if (release) {
  const files = (await readdir(dir))
    .filter((name) => name !== 'sw.js' && !name.startsWith('.'))
    .sort();
  const contents = await Promise.all(files.map((name) => readFile(join(dir, name))));
  const version = hash(Buffer.concat(contents.flatMap((c, i) => [Buffer.from(files[i]), c])));
  await writeFile(join(dir, 'sw.js'), serviceWorker(version, files));
} else {
  await unlink(join(dir, 'sw.js')).catch(() => {});
}

/** The lines the boot script ends with in release builds: register the
 * service worker, and tell the app when a new version is ready. */
function registerWorker() {
  return `
// Offline: the service worker of this build (sw.js), and "reload to update".
if ('serviceWorker' in navigator) {
  let reloading = false;
  // On a first visit the worker takes over an uncontrolled page: that is
  // no update.
  const hadController = navigator.serviceWorker.controller != null;
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
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
    // A new version took over from another tab: this page still runs the
    // old one, so it offers the reload too.
    else if (hadController) navigator.serviceWorker.getRegistration().then((r) => r && ready(r));
  });
  navigator.serviceWorker
    .register(${JSON.stringify(`${publicUrl}sw.js`)}, { scope: ${JSON.stringify(publicUrl)} })
    .then((registration) => {
      if (registration.waiting && navigator.serviceWorker.controller) ready(registration);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) ready(registration);
        });
      });
    })
    .catch(() => {});
}
`;
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
