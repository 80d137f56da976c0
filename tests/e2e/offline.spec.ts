// Offline and the page's own rules: a strict Content-Security-Policy that
// nothing on any screen breaks, no request ever leaves the page's origin,
// the app loads and works with the network off after one visit, and a new
// build is picked up only when the person chooses "Reload to update".
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures';
import { heading } from './flow';

/** The dist server (an ES module with top-level await: imported when used). */
async function startServer(dir: string, port: number, base = '/') {
  // @ts-expect-error: a plain .mjs module without types
  const server = await import('../../scripts/serve-dist.mjs');
  return server.startServer(dir, port, base);
}

/** Every request the page makes, and every policy violation it reports. */
async function watch(page: Page): Promise<{ requests: string[]; violations: () => Promise<string[]> }> {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { requests, violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations) };
}

// The service worker installs once the app's files are fetched and cached:
// on a loaded machine that can take longer than one expectation's budget.
async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
}

test('the policy holds on every screen and no request leaves the origin', async ({ page, baseURL }) => {
  const { requests, violations } = await watch(page);
  await page.goto('/');
  // The first visit loads the whole app (the server compresses it on the
  // way): wait for it as a person would, however slow the machine.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = new Map(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  for (const [name, ...values] of [['default-src', "'self'"], ['script-src', "'self'", "'wasm-unsafe-eval'"],
    ['object-src', "'none'"], ['base-uri', "'self'"], ['connect-src', "'self'"]]) {
    expect(directives.get(name), name).toEqual(expect.arrayContaining(values));
  }
  // Nothing from anywhere else: every source is a keyword or a hash.
  for (const [name, values] of directives) {
    for (const value of values) expect(value, name).toMatch(/^('[a-z-]+'|'sha256-[A-Za-z0-9+/=]+'|data:|blob:)$/);
  }
  expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer');
  // Inline, only the page's own boot script and stylesheet, each allowed by
  // its hash: never 'unsafe-inline', so no other inline script or style runs.
  expect(csp).not.toContain('unsafe-inline');
  const inline = await page.locator('script:not([src]), style').evaluateAll((els) =>
    els.map((e) => [e.tagName.toLowerCase(), e.textContent ?? '']));
  expect(inline.map(([tag]) => tag).sort()).toEqual(['script', 'style']);
  for (const [tag, text] of inline) {
    expect(directives.get(`${tag}-src`)).toContain(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
  }
  for (const hash of ['#/new', '#/exercises', '#/exercise/feedforward', '#/history', '#/journal', '#/rotation', '#/round']) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.goto('/#/new');
  await page.getByRole('button', { name: 'Begin' }).click();
  await heading(page, 'Our agreement');
  await page.getByRole('button', { name: 'Airtime' }).click();
  await page.keyboard.press('1');
  expect(await violations()).toEqual([]);
  const origin = new URL(baseURL!).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
});

test('after one visit the app loads and works offline', async ({ page, context }) => {
  await page.goto('/');
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeVisible();
  await page.getByRole('button', { name: 'Start a session' }).click();
  await page.getByRole('button', { name: 'Begin' }).click();
  await heading(page, 'Our agreement');
  await page.goto('/#/exercise/what-if');
  await heading(page, 'What-if scenarios');
  await context.setOffline(false);
});

test('a new build waits for "Reload to update", then the whole app is the new one', async ({ browser }) => {
  // A copy of the build on a server of its own, to publish a "new build" in.
  const dir = await mkdtemp(join(tmpdir(), 'peer-coach-update-'));
  await cp('dist', dir, { recursive: true });
  const server = await startServer(dir, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    await controlled(page);
    await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);

    // The new build: its service worker differs (as a rebuild's list would).
    const sw = join(dir, 'sw.js');
    await writeFile(sw, (await readFile(sw, 'utf8')).replace(/peer-coach-[0-9a-f]+/, 'peer-coach-0000000000000002'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const reload = page.getByRole('button', { name: 'Reload to update' });
    await expect(reload).toBeVisible();
    await expect(page.getByText('A new version of Peer Coach is ready. Your work is saved.')).toBeVisible();
    // Until asked, the page stays on the version it started with.
    expect(await page.evaluate(() => caches.keys())).toContain('peer-coach-0000000000000002');
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await expect(page.getByRole('button', { name: 'Start a session' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);
    expect(await page.evaluate(() => caches.keys())).toEqual(['peer-coach-0000000000000002']);
  } finally {
    server.close();
  }
});
