#!/usr/bin/env node
// A tiny static file server for a built Trunk `dist/` folder, with no dependencies.
//
//   node scripts/serve-dist.mjs [dir=dist] [port=8080] [base=/]
//
// With a base (`/peer-coach/`), the folder is served under that sub-path
// only, as GitHub Pages serves a project: a build made with Trunk's
// `--public-url /peer-coach/` must work there.
// Binds 127.0.0.1 only. Port 0 picks a free port. Prints one line,
// "serving <dir> at http://127.0.0.1:<port>/", once it is listening.
//
// Text, JS and wasm are compressed (brotli or gzip, as the browser accepts),
// as any real static host would do: first-load timings and Lighthouse then
// measure transfer sizes close to production. Everything is sent with
// `Cache-Control: no-cache` so a rebuilt dist/ is always picked up.
//
// An address that is no file gets the folder's 404.html (with status 404)
// when it has one, as GitHub Pages does.
//
// Also importable: `import { startServer } from './serve-dist.mjs'`.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json',
  '.webmanifest', '.svg', '.txt', '.xml', '.map', '.ico']);

/** Start serving `dir` on 127.0.0.1:`port` under the path `base`; resolves to the node http.Server once listening. */
export function startServer(dir = 'dist', port = 8080, base = '/') {
  const root = resolve(dir);
  const cache = new Map(); // "path|encoding" -> { body, mtime }, so each file is compressed once

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(base)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      path = `/${path.slice(base.length)}`;
      if (path.endsWith('/')) path += 'index.html';
      let file = resolve(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) { // no ../ escapes
        res.writeHead(403).end('forbidden');
        return;
      }
      let info = await stat(file).catch(() => null);
      let status = 200;
      if (!info || !info.isFile()) {
        // As GitHub Pages does: the site's 404.html, if it has one.
        const notFound = join(root, '404.html');
        info = await stat(notFound).catch(() => null);
        if (!info || !info.isFile()) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
          return;
        }
        file = notFound;
        status = 404;
      }
      const ext = extname(file).toLowerCase();
      const accept = String(req.headers['accept-encoding'] || '');
      const encoding = !COMPRESSIBLE.has(ext) ? null
        : /\bbr\b/.test(accept) ? 'br'
        : /\bgzip\b/.test(accept) ? 'gzip' : null;

      const key = `${file}|${encoding}`;
      let hit = cache.get(key);
      if (!hit || hit.mtime !== info.mtimeMs) {
        const raw = await readFile(file);
        const body = encoding === 'br'
          ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
          : encoding === 'gzip' ? gzipSync(raw, { level: 9 }) : raw;
        hit = { body, mtime: info.mtimeMs };
        cache.set(key, hit);
      }
      const headers = {
        'Content-Type': MIME[ext] || 'application/octet-stream',
        'Content-Length': hit.body.length,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
      };
      if (encoding) headers['Content-Encoding'] = encoding;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : hit.body);
    } catch (err) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(err));
    }
  });

  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(Number(port), '127.0.0.1', () => ok(server));
  });
}

// Command-line use.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir = 'dist', port = '8080', base = '/'] = process.argv.slice(2);
  const server = await startServer(dir, port, base).catch((err) => {
    console.error(`serve-dist: cannot listen on 127.0.0.1:${port}: ${err.message}`);
    process.exit(1);
  });
  console.log(`serving ${dir} at http://127.0.0.1:${server.address().port}${base}`);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
}
