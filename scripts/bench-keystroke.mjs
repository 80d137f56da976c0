#!/usr/bin/env node
// The time to apply one keystroke with 500 sessions stored, in headless
// Chromium, release build: median over many keystrokes in the goal's topic.
//
//   node scripts/bench-keystroke.mjs --app dist [--before /tmp/dist-before]
//                                    [--sessions 500] [--keys 300]
//
// With --before, the same is measured on that build (say, main's) first, and
// both are printed. Also run by `make bench` (BENCH_BEFORE=dir for --before).
//
// The seed: one session typed through the app (setup, agreement, a goal),
// its stored record copied under new ids until --sessions are stored, with
// every text of a finished half filled in; then the page is reloaded on the
// first session's Goal screen.
//
// A keystroke: the topic field gets one more character and an `input`
// event; measured from just before the event until the page is idle again
// (the handler, the state change, the render effects and every microtask
// they queue, up to the next task), so the DOM is up to date. `handler` is
// the synchronous part alone. Storage writes (localStorage.setItem) made in
// that span are counted: a build that saves on every keystroke pays them
// there; a build that saves after an idle pause pays them later, once.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve-dist.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

// Counts storage writes and the time they take, before any page script.
const INIT_SCRIPT = `(() => {
  window.__writes = 0;
  window.__writeMs = 0;
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const t = performance.now();
    try { return set.call(this, k, v); } finally { window.__writes++; window.__writeMs += performance.now() - t; }
  };
})();`;

const REALITY =
  'Eight people, fifty minutes, mostly status updates. Two senior engineers do most of the talking. ' +
  'I tried a round-robin once; it felt forced and ran long. ';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Seed `n` sessions through the app and return the first one's id. */
async function seed(page, url, n) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start a session' }).click();
  await page.getByLabel("Person A's first name").fill('Amara');
  await page.getByLabel("Person B's first name").fill('Jonas');
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('checkbox', { name: 'Amara agrees' }).check();
  await page.getByRole('checkbox', { name: 'Jonas agrees' }).check();
  await page.getByRole('button', { name: 'Continue to Goal' }).click();
  await page.locator('#topic-0').fill('Running our weekly team meeting');
  // Wait until the typed topic is stored (whenever the build saves it).
  await page.waitForFunction(() => Object.entries(localStorage)
    .some(([k, v]) => k.startsWith('peer-coach.session.') && v.includes('Running our weekly team meeting')));
  return page.evaluate(({ n, reality }) => {
    const [key, raw] = Object.entries(localStorage).find(([k]) => k.startsWith('peer-coach.session.'));
    const first = JSON.parse(raw);
    const id = first.data.id;
    const ids = new Set([id]);
    const newId = () => {
      const abc = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
      let s;
      do s = Array.from({ length: 12 }, () => abc[Math.floor(Math.random() * abc.length)]).join('');
      while (ids.has(s));
      ids.add(s);
      return s;
    };
    for (let i = 1; i < n; i++) {
      const copy = structuredClone(first);
      delete copy.regs; // an older, unstamped record: read as it is
      copy.data.id = newId();
      copy.data.created_ms -= i * 86_400_000;
      copy.data.updated_ms = copy.data.created_ms;
      for (const h of copy.data.halves) {
        h.goal.outcome = 'Two concrete things to try at the next meeting';
        h.reality = reality.repeat(3);
        h.raise_note = 'A colleague who tried it before';
      }
      localStorage.setItem(`peer-coach.session.${copy.data.id}`, JSON.stringify(copy));
    }
    void key;
    return id;
  }, { n, reality: REALITY });
}

/** Median time of one keystroke in the topic of session `id`. */
async function keystrokes(page, url, id, keys) {
  await page.goto(`${url}#/session/${id}`);
  await page.reload(); // start from what is stored, as after a restart
  const topic = page.locator('#topic-0');
  await topic.waitFor();
  return page.evaluate(async (keys) => {
    const field = document.getElementById('topic-0');
    // The next task: every microtask queued by the event (render effects
    // included) has run by then. A message, not setTimeout (clamped to 4 ms).
    const idle = () => new Promise((resolve) => {
      const c = new MessageChannel();
      c.port1.onmessage = () => resolve();
      c.port2.postMessage(0);
    });
    const total = [];
    const handler = [];
    let withWrites = 0;
    for (let i = 0; i < keys + 20; i++) {
      await idle();
      const text = field.value + String.fromCharCode(97 + (i % 26));
      field.value = text;
      const writes = window.__writes;
      const t0 = performance.now();
      field.dispatchEvent(new Event('input', { bubbles: true }));
      const t1 = performance.now();
      await idle();
      const t2 = performance.now();
      if (document.getElementById('topic-0').value !== text) throw new Error('the field lost the keystroke');
      if (i < 20) continue; // warm-up
      total.push(t2 - t0);
      handler.push(t1 - t0);
      if (window.__writes > writes) withWrites++;
    }
    return { total, handler, withWrites };
  }, keys);
}

/** Measure one build: { total, handler, withWrites, keys }. */
export async function measureKeystroke(dir, { sessions = 500, keys = 300 } = {}) {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html missing: build it first`);
  const server = await startServer(dir, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext();
    await context.addInitScript(INIT_SCRIPT);
    const page = await context.newPage();
    page.setDefaultTimeout(180_000); // a slow, loaded machine
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const id = await seed(page, url, sessions);
    const stored = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('peer-coach.session.')).length);
    const r = await keystrokes(page, url, id, keys);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { total: median(r.total), handler: median(r.handler), withWrites: r.withWrites, keys, stored };
  } finally {
    await browser.close();
    server.close();
  }
}

export function printKeystroke(rows) {
  const fmt = (n) => `${n.toFixed(2)} ms`;
  console.log('\n== one keystroke in the goal\'s topic, sessions stored (median) ==');
  for (const [name, r] of rows) {
    console.log(`  ${name.padEnd(7)} ${fmt(r.total)} until idle (handler ${fmt(r.handler)}), ` +
      `${r.stored} sessions stored, storage written in ${r.withWrites} of ${r.keys} keystrokes`);
  }
  if (rows.length === 2) {
    const [[, a], [, b]] = rows;
    console.log(`  ratio   ${(b.total / a.total).toFixed(2)}× (after / before)`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values: opt } = parseArgs({
    options: {
      app: { type: 'string', default: 'dist' },
      before: { type: 'string' },
      sessions: { type: 'string', default: '500' },
      keys: { type: 'string', default: '300' },
    },
  });
  const o = { sessions: Number(opt.sessions), keys: Number(opt.keys) };
  const rows = [];
  if (opt.before) rows.push(['before', await measureKeystroke(opt.before, o)]);
  rows.push([opt.before ? 'after' : 'app', await measureKeystroke(opt.app, o)]);
  printKeystroke(rows);
}
