// Embedding in a course: the app in an iframe on a page of another origin,
// with storage blocked in the frame (as Safari blocks a third-party frame),
// the frame growing from the app's height messages, a preset for one
// exercise, the course told when it is completed (no user text), presets
// that try to inject script staying text, and the trainers' screen that
// builds the link and the iframe code.
import { createServer, type Server } from 'node:http';
import { expect, test, type Page } from './fixtures';
import { expectNoA11yViolations, screenshot } from './helpers';

/** A course page on its own port: the iframe, and a listener that keeps the
 * messages and sets the iframe's height from them (as the README shows). */
async function coursePage(src: string, width: number): Promise<{ url: string; server: Server }> {
  const html = `<!doctype html><html lang="en"><head><title>Course</title></head><body>
<h1>Module 3: peer coaching</h1>
<iframe id="app" src="${src}" title="Peer Coach" style="width:${width}px;height:200px;border:0" allow="clipboard-write"></iframe>
<script>
window.messages = [];
addEventListener('message', (e) => {
  window.messages.push({ origin: e.origin, data: e.data });
  if (e.data && e.data.type === 'peer-coach:height') document.getElementById('app').style.height = e.data.height + 'px';
});
</script></body></html>`;
  const server = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/`, server };
}

type Message = { origin: string; data: Record<string, unknown> };
const messages = (page: Page) => page.evaluate(() => (window as unknown as { messages: Message[] }).messages);

test('in a course page of another origin, storage blocked: one exercise, the frame grows, completion told', async ({ browser, baseURL }) => {
  const appOrigin = new URL(baseURL!).origin;
  const context = await browser.newContext();
  // The app's frame may not use storage at all (third-party storage blocked).
  await context.addInitScript((origin) => {
    if (location.origin !== origin || window === window.top) return;
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  }, appOrigin);
  const page = await context.newPage();
  const { url, server } = await coursePage(`${appOrigin}/?embed=1&exercise=role-play`, 320);
  try {
    await page.goto(url);
    const app = page.frameLocator('#app');
    await expect(app.getByRole('heading', { level: 1, name: 'Role play' })).toBeVisible({ timeout: 15_000 });
    // Embed mode: no site header; storage refused is said once, the app works.
    await expect(app.getByRole('link', { name: 'Peer Coach' })).toBeHidden();
    await expect(app.getByText(/not letting the app keep data/)).toBeVisible();
    // The frame takes the height the app reports, and no horizontal scroll at 320 px.
    await expect.poll(async () => (await messages(page)).some((m) => m.data.type === 'peer-coach:height')).toBe(true);
    const reported = (await messages(page)).filter((m) => m.data.type === 'peer-coach:height').at(-1)!;
    expect(reported.origin).toBe(appOrigin);
    const frameHeight = await page.locator('#app').evaluate((f) => f.getBoundingClientRect().height);
    expect(frameHeight).toBe(reported.data.height);
    const frame = page.frame({ url: /embed=1/ })!;
    expect(await frame.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'embed-course-page');

    // Through the steps: the height follows, and the last step is told.
    const before = (await messages(page)).length;
    for (let i = 0; i < 4; i++) await app.getByRole('button', { name: 'Next step' }).click();
    await expect(app.getByRole('heading', { level: 2, name: 'Debrief' })).toBeVisible();
    await expect.poll(async () => (await messages(page)).some((m) => m.data.event === 'exercise-completed')).toBe(true);
    const done = (await messages(page)).find((m) => m.data.event === 'exercise-completed')!;
    expect(done.data).toEqual({ type: 'peer-coach:event', event: 'exercise-completed', exercise: 'role-play' });
    expect((await messages(page)).length).toBeGreaterThan(before);
    const last = (await messages(page)).filter((m) => m.data.type === 'peer-coach:height').at(-1)!;
    expect(await page.locator('#app').evaluate((f) => f.getBoundingClientRect().height)).toBe(last.data.height);
  } finally {
    server.close();
  }
});

test('a preset link: one exercise in Spanish; the full flow with the format and minutes set and sharing hidden', async ({ page }) => {
  await page.goto('/?exercise=what-if&lang=es');
  await expect(page.getByRole('heading', { level: 1, name: 'Escenarios «¿Y si…?»' })).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  await page.goto('/?format=one-way&minutes=4,6,8,6&share=off&lang=en');
  await page.getByRole('button', { name: 'Start a session' }).click();
  await expect(page.getByRole('radio', { name: 'One-way' })).toBeChecked();
  await expect(page.getByLabel('Total length in minutes')).toHaveValue('24');
  await expect(page.getByRole('spinbutton', { name: /Options/ })).toHaveValue('8');
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Our agreement' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Airtime' })).toBeVisible();
});

test('presets that try to inject script are shown as text and run nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const attacks = {
    embed: '<img src=x onerror=alert(1)>',
    exercise: '<script>alert(2)</script>',
    format: '"><svg onload=alert(3)>',
    minutes: "1,2,3,');alert(4);//",
    lang: 'javascript:alert(5)',
    share: '{{constructor.constructor("alert(6)")()}}',
    '<b onmouseover=alert(7)>x</b>': '1',
  };
  const query = Object.entries(attacks).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  await page.goto(`/?${query}`);
  const note = page.getByRole('status').filter({ hasText: 'Ignored in this page' });
  await expect(note).toBeVisible({ timeout: 15_000 });
  await expect(note).toContainText('exercise=<script>alert(2)</script>');
  await expect(note).toContainText('format="><svg onload=alert(3)>');
  await expect(note).toContainText('<b onmouseover=alert(7)>x</b>=1');
  expect(await page.locator('svg[onload], img[onerror], b[onmouseover], script:not([src])').count()).toBe(0);
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeVisible();
  expect(dialogs).toEqual([]);
  await expectNoA11yViolations(page, 'preset note');
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await expect(note).toHaveCount(0);
});

test('for trainers: a preset link, the iframe code and a live preview', async ({ page, baseURL }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'For trainers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'For trainers' })).toBeVisible();
  const link = page.getByLabel('Link', { exact: true });
  await expect(link).toHaveValue(`${baseURL}/?embed=1`);
  await page.getByLabel('What opens').selectOption({ label: 'Role play' });
  await page.getByLabel('Language').nth(1).selectOption('pt');
  await page.getByRole('checkbox', { name: 'Show sharing by link' }).uncheck();
  await expect(link).toHaveValue(`${baseURL}/?embed=1&exercise=role-play&lang=pt&share=off`);
  const code = await page.getByLabel('Code for your course page').inputValue();
  expect(code).toContain(`<iframe src="${baseURL}/?embed=1&exercise=role-play&lang=pt&share=off"`);
  expect(code).toContain('allow="clipboard-write"');
  expect(code).toContain(`e.origin !== '${baseURL}'`);
  const preview = page.frameLocator('iframe[title="Peer Coach, as your course will show it"]');
  await expect(preview.getByRole('heading', { level: 1, name: 'Encenação' })).toBeVisible({ timeout: 15_000 });
  await page.getByLabel('What opens').selectOption({ label: 'The full session' });
  await page.getByRole('radio', { name: 'One-way' }).check();
  await page.getByRole('checkbox', { name: 'Set the minutes of each phase' }).check();
  await page.getByRole('spinbutton', { name: 'Options' }).fill('12');
  await page.getByRole('spinbutton', { name: 'Options' }).press('Tab');
  await expect(link).toHaveValue(`${baseURL}/?embed=1&format=one-way&minutes=5,8,12,7&lang=pt&share=off`);
  await page.getByRole('button', { name: 'Copy the link' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Copied|Ctrl\+C/ }).first()).toBeVisible();
  await expectNoA11yViolations(page, 'trainers');
  await screenshot(page, 'trainers');
});
