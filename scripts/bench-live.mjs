// `make bench`, working together live: two people (two browser contexts of
// headless Chromium, on this machine's own addresses) connect through the
// invitation and the reply, then one types in the session's Topic and the
// other's screen shows it. Prints the invitation's and the reply's length
// and the time for an edit to appear on the other screen (median and 90th
// percentile of 100 edits).
//
//   node scripts/bench-live.mjs [--app dist] [--edits 100]
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from './serve-dist.mjs';

const { values: opt } = parseArgs({
  options: { app: { type: 'string', default: 'dist' }, edits: { type: 'string', default: '100' } },
});
const EDITS = Number(opt.edits);
const server = await startServer(opt.app, 0);
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    // Candidates are this machine's addresses, not mDNS names.
    '--disable-features=WebRtcHideLocalIpsWithMdns'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
try {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await a.goto(`${origin}/`);
  await a.getByRole('button', { name: 'Start a session' }).click();
  await a.getByLabel("Person A's first name").fill('Amara');
  await a.getByLabel("Person B's first name").fill('Jonas');
  await a.getByRole('button', { name: 'Begin' }).click();
  await a.getByRole('checkbox', { name: 'Amara agrees' }).check();
  await a.getByRole('checkbox', { name: 'Jonas agrees' }).check();
  await a.getByRole('button', { name: 'Continue to Goal' }).click();
  await a.getByLabel('Topic', { exact: true }).fill('Running our weekly team meeting so that quieter people speak up');
  await a.getByRole('button', { name: 'Work together', exact: true }).click();
  await a.getByRole('button', { name: 'Make the invitation' }).click();
  const link = await a.getByLabel('Invitation link').inputValue({ timeout: 60_000 });
  await b.goto(link);
  await b.getByLabel('Your first name').fill('Jonas');
  await b.getByRole('button', { name: 'Make my reply code' }).click();
  const codeField = b.getByLabel('Your reply code');
  await b.waitForFunction(() => [...document.querySelectorAll('input, textarea')].some((e) => /^a1\./.test(e.value)),
    null, { timeout: 60_000 });
  const reply = await codeField.inputValue();
  await a.getByLabel('Paste the reply here').fill(reply);
  await a.getByRole('button', { name: 'Connect' }).click();
  await b.getByLabel('Topic', { exact: true }).waitFor({ timeout: 60_000 });

  // B notes the moment its Topic field shows each new length.
  await b.evaluate(() => {
    const field = [...document.querySelectorAll('input')].find((i) => i.labels?.[0]?.textContent?.trim() === 'Topic');
    window.__seen = {};
    let last = field.value.length;
    const check = () => {
      const f = [...document.querySelectorAll('input')].find((i) => i.labels?.[0]?.textContent?.trim() === 'Topic');
      const n = f ? f.value.length : last;
      if (n !== last) { window.__seen[n] = performance.timeOrigin + performance.now(); last = n; }
    };
    setInterval(check, 1);
  });
  const topic = a.getByLabel('Topic', { exact: true });
  await topic.click();
  await topic.press('End');
  const times = [];
  for (let i = 0; i < EDITS; i++) {
    const length = (await topic.inputValue()).length + 1;
    const sent = await a.evaluate(() => performance.timeOrigin + performance.now());
    await topic.press(i % 2 ? 'y' : 'x');
    await b.waitForFunction((n) => window.__seen[n] !== undefined, length, { polling: 'raf', timeout: 30_000 });
    const seen = await b.evaluate((n) => window.__seen[n], length);
    times.push(seen - sent);
  }
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(`invitation link: ${link.length} characters (after # ${link.split('#')[1].length}); reply code: ${reply.length} characters`);
  console.log(`an edit on the other screen (${EDITS} keys typed in Topic, one at a time): median ${ms(median(times))}, 90th percentile ${ms(pct(times, 0.9))}, max ${ms(Math.max(...times))}`);
} finally {
  await browser.close();
  server.close();
}
