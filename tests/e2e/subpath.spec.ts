// The build for a project sub-path (as GitHub Pages serves a fork at
// https://<owner>.github.io/<repository>/): `make test-e2e` builds
// dist-subpath/ with `--public-url /peer-coach/`, served here under
// /peer-coach/ only, so a broken base path cannot land.
import { existsSync } from 'node:fs';
import { expect, test } from './fixtures';
import { heading } from './flow';

/** The dist server (an ES module with top-level await: imported when used). */
async function startServer(dir: string, port: number, base = '/') {
  // @ts-expect-error: a plain .mjs module without types
  const server = await import('../../scripts/serve-dist.mjs');
  return server.startServer(dir, port, base);
}

const DIR = process.env.E2E_SUBPATH_DIST ?? 'dist-subpath';
const BASE = '/peer-coach/';

test('the app served from a sub-path: a session, its link, a reload, offline', async ({ browser }) => {
  test.skip(!existsSync(DIR), `${DIR}/ not built (make test-e2e builds it)`);
  const server = await startServer(DIR, 0, BASE);
  const root = `http://127.0.0.1:${server.address().port}${BASE}`;
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await page.goto(root);
    await page.getByRole('button', { name: 'Start a session' }).click();
    await page.getByLabel("Person A's first name").fill('Amara');
    await page.getByRole('button', { name: 'Begin' }).click();
    await heading(page, 'Our agreement');
    expect(page.url()).toMatch(new RegExp(`^${root}#/session/`));
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const link = await page.getByLabel('Link to this session').inputValue();
    expect(link.startsWith(`${root}#s`)).toBe(true);
    await page.reload();
    await heading(page, 'Our agreement');
    await page.goto(`${root}#/exercise/what-if`);
    await heading(page, 'What-if scenarios');
    expect(failed).toEqual([]);

    // The service worker of the sub-path build covers the sub-path.
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
    await context.setOffline(true);
    await page.goto(`${root}#/history`);
    await heading(page, 'History');
    await context.setOffline(false);

    // The link opens in another browser, at the sub-path.
    const other = await (await browser.newContext()).newPage();
    await other.goto(link);
    await heading(other, 'Our agreement');
  } finally {
    server.close();
  }
});

test('a link whose # became %23 in the path opens: the 404 page hands it to the app, online and offline', async ({ browser }) => {
  test.skip(!existsSync(DIR), `${DIR}/ not built (make test-e2e builds it)`);
  const server = await startServer(DIR, 0, BASE);
  const root = `http://127.0.0.1:${server.address().port}${BASE}`;
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(root);
    await page.getByRole('button', { name: 'Start a session' }).click();
    await page.getByLabel("Person A's first name").fill('Amara');
    await page.getByRole('button', { name: 'Begin' }).click();
    await heading(page, 'Our agreement');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const link = await page.getByLabel('Link to this session').inputValue();
    const mangled = `${root}%23${link.split('#')[1]}`;

    // First visit in another browser: the host's 404.html hands the path
    // to the app as its fragment, under the project's sub-path.
    const other = await (await browser.newContext()).newPage();
    const response = await other.goto(mangled);
    expect(response?.status()).toBe(404);
    await heading(other, 'Our agreement');
    expect(other.url()).toMatch(new RegExp(`^${root}#/session/`));
    // An address under the app that is neither a file nor a link.
    await other.goto(`${root}no/such/page`);
    await heading(other, 'This address could not be read');
    expect(other.url().startsWith(root)).toBe(true);

    // Offline, the service worker answers as the host does.
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
    await context.setOffline(true);
    await page.goto(mangled);
    await heading(page, 'Our agreement');
    expect(page.url()).toMatch(new RegExp(`^${root}#/session/`));
    await context.setOffline(false);
  } finally {
    server.close();
  }
});
