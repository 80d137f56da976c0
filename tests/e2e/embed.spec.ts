// Embedding in a course: the app in an iframe on a page of another origin,
// with storage blocked in the frame (as Safari blocks a third-party frame),
// the frame growing from the app's height messages, a preset for one
// exercise, the course told when it is completed (no user text), presets
// that try to inject script staying text, and the trainers' screen that
// builds the link and the iframe code.
import { createServer, type Server } from 'node:http';
import { expect, test, type BrowserContext, type Frame, type Page } from './fixtures';
import { A, agree, startSession } from './flow';
import { expectNoA11yViolations, screenshot } from './helpers';

/** A course page on its own port: the iframe (with `attributes`, e.g. a
 * sandbox), and a listener that keeps the messages and sets the iframe's
 * height from them (as the README shows). The page sends no CORS headers,
 * and neither does the app's server (scripts/serve-dist.mjs). */
async function coursePage(src: string, width: number, attributes = '', trainersCode?: string): Promise<{ url: string; server: Server }> {
  // The trainers' own code when given (its iframe made narrow, sandboxed as asked).
  const frame = trainersCode
    ? trainersCode.replace('<iframe ', `<iframe id="app" ${attributes} `).replace('width:100%;height:640px', `width:${width}px;height:200px;display:block`)
    : `<iframe id="app" src="${src}" title="Peer Coach" style="width:${width}px;height:200px;border:0;display:block" allow="clipboard-write" ${attributes}></iframe>
<script>
addEventListener('message', (e) => {
  if (e.data && e.data.type === 'peer-coach:height') document.getElementById('app').style.height = e.data.height + 'px';
});
</script>`;
  const html = `<!doctype html><html lang="en"><head><title>Course</title></head><body>
<h1>Module 3: peer coaching</h1>
<script>
window.messages = [];
addEventListener('message', (e) => window.messages.push({ origin: e.origin, data: e.data }));
</script>
${frame}
<p>After the frame.</p>
</body></html>`;
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
    await expect(app.getByRole('heading', { level: 1, name: 'Role play' })).toBeVisible();
    // Embed mode, one exercise: no home link, no way to the other exercises;
    // storage refused is said once, the app works.
    await expect(app.getByRole('link', { name: 'Peer Coach' })).toBeHidden();
    await expect(app.getByRole('link', { name: 'All exercises' })).toHaveCount(0);
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
  await expect(page.getByRole('heading', { level: 1, name: 'Escenarios «¿Y si…?»' })).toBeVisible();
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
  await expect(note).toBeVisible();
  await expect(note).toContainText('exercise=<script>alert(2)</script>');
  await expect(note).toContainText('format="><svg onload=alert(3)>');
  await expect(note).toContainText('<b onmouseover=alert(7)>x</b>=1');
  // (The page's own boot script is in <head>; nothing the app draws is a script.)
  expect(await page.locator('svg[onload], img[onerror], b[onmouseover], body script').count()).toBe(0);
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
  expect(code).toContain(`(e.origin !== '${baseURL}' && e.origin !== 'null')`);
  const preview = page.frameLocator('iframe[title="Peer Coach, as your course will show it"]');
  await expect(preview.getByRole('heading', { level: 1, name: 'Encenação' })).toBeVisible();
  await page.getByLabel('What opens').selectOption({ label: 'The full session' });
  await page.getByRole('radio', { name: 'One-way' }).check();
  await page.getByRole('checkbox', { name: 'Set the minutes of each phase' }).check();
  await page.getByRole('spinbutton', { name: 'Options' }).fill('12');
  await page.getByRole('spinbutton', { name: 'Options' }).press('Tab');
  await expect(link).toHaveValue(`${baseURL}/?embed=1&format=one-way&minutes=5,8,12,7&lang=pt&share=off`);
  await expect(page.getByRole('status').filter({ hasText: 'The session: 32 minutes in all.' })).toBeVisible();
  // Minutes that make too long a session: the link leaves them out, and
  // the screen says why before anyone copies it.
  await page.getByRole('spinbutton', { name: 'Goal' }).fill('45');
  await page.getByRole('spinbutton', { name: 'Reality' }).fill('45');
  await page.getByRole('spinbutton', { name: 'Reality' }).press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'The session: 109 minutes in all.' })).toBeVisible();
  await page.getByRole('radio', { name: 'Reciprocal' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'These minutes make a session of 218 minutes.' }))
    .toContainText('A session is 10 to 180 minutes long, so the link leaves them out.');
  await expect(link).toHaveValue(`${baseURL}/?embed=1&format=reciprocal&lang=pt&share=off`);
  await screenshot(page, 'trainers-minutes-left-out');
  await page.getByRole('radio', { name: 'One-way' }).check();
  await expect(link).toHaveValue(`${baseURL}/?embed=1&format=one-way&minutes=45,45,12,7&lang=pt&share=off`);
  await page.getByRole('button', { name: 'Copy the link' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Copied|Ctrl\+C/ }).first()).toBeVisible();
  await expectNoA11yViolations(page, 'trainers');
  await screenshot(page, 'trainers');
});

/** Every uncaught error and refused load in any frame of the page, from
 * the start: console errors (a blocked stylesheet, a CORS refusal) and
 * uncaught exceptions or rejections (a service worker refused). */
async function watchErrors(context: BrowserContext): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  context.on('console', (m) => {
    if (m.type() === 'error') console.push(m.text());
  });
  context.on('weberror', (e) => console.push(String(e.error())));
  await context.addInitScript(() => {
    const w = window as unknown as { uncaught: string[] };
    w.uncaught = [];
    addEventListener('error', (e) => w.uncaught.push(String(e.message ?? e)));
    addEventListener('unhandledrejection', (e) => w.uncaught.push(String(e.reason)));
  });
  return async () => console;
}

/** The app's frame of the course page. */
async function appFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().length).toBeGreaterThan(1);
  return page.frames().find((f) => f !== page.mainFrame())!;
}

const lastHeight = async (page: Page) =>
  (await messages(page)).filter((m) => m.data.type === 'peer-coach:height').at(-1)?.data.height as number | undefined;

for (const { name, sandbox, colorScheme } of [
  { name: 'sandboxed without allow-same-origin (an opaque origin)', sandbox: 'sandbox="allow-scripts allow-forms allow-popups allow-downloads"', colorScheme: 'dark' as const },
  { name: 'sandboxed with allow-same-origin', sandbox: 'sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-downloads"', colorScheme: 'light' as const },
]) {
  test(`in a course's frame ${name}, from a host without CORS headers: styled, working, says nothing is kept`, async ({ browser, baseURL }) => {
    // Tall enough that a screenshot paints the whole (out-of-process) frame.
    const context = await browser.newContext({ viewport: { width: 800, height: 1600 }, colorScheme });
    const errors = await watchErrors(context);
    const page = await context.newPage();
    // The code the trainers' screen gives, as a course would paste it.
    await page.goto('/#/trainers');
    const code = await page.getByLabel('Code for your course page').inputValue();
    expect(code).toContain(`src="${baseURL}/?embed=1"`);
    const { url, server } = await coursePage('', 320, sandbox, code);
    try {
      // Neither server sends a CORS header: what works here works on any static host.
      const head = await fetch(`${baseURL}/index.html`);
      expect(head.headers.get('access-control-allow-origin')).toBeNull();
      await page.goto(url);
      const app = page.frameLocator('#app');
      await expect(app.getByRole('heading', { level: 1, name: 'Peer Coach' })).toBeVisible();
      const frame = await appFrame(page);
      const opaque = sandbox.includes('allow-same-origin') ? false : true;
      expect(await frame.evaluate(() => self.origin === 'null')).toBe(opaque);
      // Styled: the stylesheet applied (its buttons are 44 px high, the page its colours).
      const start = app.getByRole('button', { name: 'Start a session' });
      expect(await start.evaluate((b) => getComputedStyle(b).minHeight)).toBe('44px');
      expect(await frame.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
      // Said plainly: nothing will be kept (an opaque origin has no storage).
      if (opaque) await expect(app.getByText(/nothing will be kept after you close the page/)).toBeVisible();
      // It works: a session starts, the way home and the sound switch are there.
      await start.click();
      await expect(app.getByRole('heading', { level: 1, name: 'Set up your session' })).toBeVisible();
      await app.getByRole('link', { name: 'Peer Coach' }).click();
      await expect(app.getByRole('heading', { level: 1, name: 'Peer Coach' })).toBeVisible();
      await expect(app.getByRole('switch', { name: 'Time-up sound' })).toBeVisible();
      // The frame follows the content: no blank below it.
      await expect.poll(async () => {
        const frameHeight = await page.locator('#app').evaluate((f) => f.getBoundingClientRect().height);
        const drawn = await frame.evaluate(() => document.querySelector('main')!.getBoundingClientRect().bottom + scrollY);
        return Math.abs(frameHeight - drawn);
      }).toBeLessThanOrEqual(2);
      expect(await lastHeight(page)).toBeGreaterThan(300);
      // No stylesheet refused, no script refused, no uncaught error (the
      // service worker only where it is allowed).
      expect(await frame.evaluate(() => (window as unknown as { uncaught: string[] }).uncaught)).toEqual([]);
      expect(await errors()).toEqual([]);
      await expectNoA11yViolations(page, `course frame ${name}`);
      expect(await frame.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
      await screenshot(page, opaque ? 'embed-opaque-dark' : 'embed-sandboxed');
    } finally {
      server.close();
      await context.close();
    }
  });
}

test('embedded with the full flow: the frame shrinks to a short screen, and there is a way home and a sound switch everywhere', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  const { url, server } = await coursePage(`${baseURL}/?embed=1&lang=en`, 360);
  try {
    await page.goto(url);
    const app = page.frameLocator('#app');
    await expect(app.getByRole('heading', { level: 1, name: 'Peer Coach' })).toBeVisible();
    const frame = await appFrame(page);
    /** The frame's height is the content's: no blank below the last thing drawn. */
    const fitsContent = async () => {
      await expect.poll(async () => {
        const frameHeight = await page.locator('#app').evaluate((f) => f.getBoundingClientRect().height);
        const drawn = await frame.evaluate(() => document.querySelector('main')!.getBoundingClientRect().bottom + scrollY);
        return Math.abs(frameHeight - drawn);
      }).toBeLessThanOrEqual(2);
      return page.locator('#app').evaluate((f) => f.getBoundingClientRect().height);
    };

    // A tall screen: the library of exercises.
    await app.getByRole('button', { name: 'Guided exercises' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Guided exercises' })).toBeVisible();
    const tall = await fitsContent();
    expect(tall).toBeGreaterThan(900);
    for (const [button, title] of [['Journal', 'Journal'], ['History', 'History']]) {
      // Home, from the screen before, by the slim header.
      await app.getByRole('link', { name: 'Peer Coach' }).click();
      await expect(app.getByRole('heading', { level: 1, name: 'Peer Coach' })).toBeVisible();
      await app.getByRole('button', { name: button, exact: true }).click();
      await expect(app.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(app.getByRole('switch', { name: 'Time-up sound' })).toBeVisible();
      await expect(app.getByRole('link', { name: 'Peer Coach' })).toBeVisible();
    }
    // A short screen (an empty history): the frame shrinks to it.
    const short = await fitsContent();
    expect(short).toBeLessThan(tall - 300);
    // The sound switch works embedded.
    const sound = app.getByRole('switch', { name: 'Time-up sound' });
    await expect(sound).toHaveAttribute('aria-checked', 'true');
    await sound.click();
    await expect(sound).toHaveAttribute('aria-checked', 'false');
    await expectNoA11yViolations(page, 'embedded history');
    await screenshot(page, 'embed-full-flow-short');
    // Back home and a tall screen again: it grows again.
    await app.getByRole('link', { name: 'Peer Coach' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Peer Coach' })).toBeVisible();
    expect(await fitsContent()).toBeGreaterThan(short);
  } finally {
    server.close();
    await context.close();
  }
});

test("the trainers' preview starts clean and never touches the trainer's own data", async ({ page }) => {
  await page.goto('/?lang=en');
  await startSession(page);
  await page.goto('/?lang=en#/');
  await expect(page.getByRole('heading', { level: 2, name: 'Sessions on this device' })).toBeVisible();
  const saved = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const before = await saved();
  expect(before).toContain(A);

  await page.getByRole('button', { name: 'For trainers' }).click();
  await page.getByLabel('Language').nth(1).selectOption('en');
  const preview = page.frameLocator('iframe[title="Peer Coach, as your course will show it"]');
  await expect(preview.getByRole('heading', { level: 1, name: 'Peer Coach' })).toBeVisible();
  // Clean: none of the trainer's sessions, and it says it keeps nothing.
  await expect(preview.getByText(/A preview: it starts empty/)).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Sessions on this device' })).toHaveCount(0);
  await expect(preview.getByRole('button', { name: 'Continue the session' })).toHaveCount(0);
  await expect(preview.getByText(A)).toHaveCount(0);
  // Used: a session started in the preview, the sound switched off.
  await preview.getByRole('button', { name: 'Start a session' }).click();
  await preview.getByLabel("Person A's first name").fill('Preview A');
  await preview.getByLabel("Person B's first name").fill('Preview B');
  await preview.getByRole('button', { name: 'Begin' }).click();
  await expect(preview.getByRole('heading', { level: 1, name: 'Our agreement' })).toBeVisible();
  await preview.getByRole('switch', { name: 'Time-up sound' }).click();
  await expect(preview.getByRole('switch', { name: 'Time-up sound' })).toHaveAttribute('aria-checked', 'false');
  // A link shared from the preview opens the session for keeps: nothing
  // of the preview's address goes with it.
  await preview.getByRole('button', { name: 'Share', exact: true }).click();
  const shared = await preview.getByLabel('Link to this session').inputValue();
  expect(new URL(shared).search).toBe('');
  // The trainer's data is exactly as it was, and the preview's session is nowhere.
  expect(await saved()).toBe(before);
  await page.goto('/?lang=en#/history');
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(page.getByText('1 session on this device.')).toBeVisible();
  await expect(page.getByText('Preview A')).toHaveCount(0);
  await expect(page.getByRole('switch', { name: 'Time-up sound' })).toHaveAttribute('aria-checked', 'true');
  await expectNoA11yViolations(page, 'history after a preview');
});

test('at 320 px, in every language, no main screen scrolls sideways; the file picker is a button-like label said once', async ({ browser }) => {
  // A long journey: three times the budget of one (playwright.config.ts).
  test.slow();
  const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
  const page = await context.newPage();
  await page.goto('/?lang=en');
  await startSession(page);
  await agree(page);
  const session = new URL(page.url()).hash;
  const screens = [['home', '#/'], ['setup', '#/new'], ['session', session], ['exercises', '#/exercises'],
    ['exercise', '#/exercise/role-play'], ['history', '#/history'], ['journal', '#/journal'],
    ['round', '#/round'], ['rotation', '#/rotation'], ['trainers', '#/trainers']];
  for (const lang of ['en', 'es', 'pt']) {
    for (const [name, hash] of screens) {
      await page.goto(`/?lang=${lang}${hash}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // (Visible: the first screen also holds a hidden title, for when the app cannot be fetched.)
      await expect(page.locator('main h1:visible')).toBeVisible();
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.scrollingElement!.scrollWidth,
        client: document.scrollingElement!.clientWidth,
      }));
      expect(scroll, `${lang} ${name}: no sideways scroll at 320 px`).toBeLessThanOrEqual(client);
      if (name === 'session' && lang !== 'en') await screenshot(page, `session-bar-${lang}`);
    }
  }
  // The home screen's file picker: a visually hidden input named once by its
  // label, drawn as a button within the width, reachable by keyboard.
  await page.goto('/?lang=pt#/');
  const picker = page.getByLabel('Ou escolha um arquivo');
  await expect(picker).toHaveCount(1);
  expect(await picker.getAttribute('type')).toBe('file');
  const label = page.locator('label[for="open-file"]');
  const box = (await label.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(320);
  expect(box.height).toBeGreaterThanOrEqual(44);
  await picker.focus();
  expect(await label.evaluate((l) => getComputedStyle(l).outlineStyle)).toBe('solid');
  await expectNoA11yViolations(page, 'home at 320 px, Portuguese');
  await screenshot(page, 'home-file-picker-pt');
  await context.close();
});

test('embedded on a phone, in a frame that grows with the screen: the time-box is in sight under the phase title', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  const { url, server } = await coursePage(`${baseURL}/?embed=1&lang=en`, 390);
  try {
    await page.goto(url);
    const app = page.frameLocator('#app');
    await expect(app.getByRole('heading', { level: 1, name: 'Peer Coach' })).toBeVisible();
    await startSession(app as unknown as Page);
    await agree(app as unknown as Page);
    const timebox = app.getByRole('group', { name: /Goal/ });
    await expect(timebox).toBeVisible();
    // The frame is taller than the phone's screen (it grows with the phase).
    await expect.poll(() => page.locator('#app').evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(844);
    // With the course page at its top, the time-box is within the first
    // screen, right under the phase's title, not at the frame's bottom.
    await page.evaluate(() => scrollTo(0, 0));
    const box = (await timebox.boundingBox())!;
    const title = (await app.getByRole('heading', { level: 1, name: 'Goal' }).boundingBox())!;
    expect(box.y).toBeGreaterThan(title.y);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await screenshot(page, 'embed-phone-timebox');
  } finally {
    server.close();
    await context.close();
  }
});

test('on a phone, embedded or not, the header is one row in every language', async ({ browser }) => {
  for (const width of [360, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 700 } });
    const page = await context.newPage();
    for (const [lang, sound] of [['en', 'Time-up sound'], ['es', 'Aviso sonoro de fin'], ['pt', 'Som de fim do tempo']]) {
      for (const embed of ['', 'embed=1&']) {
        await page.goto(`/?${embed}lang=${lang}`);
        const header = page.locator('header.site-header');
        await expect(header).toBeVisible();
        await expect(page.locator('[data-shell]')).toHaveCount(0);
        const switchBox = (await page.getByRole('switch', { name: sound }).boundingBox())!;
        const menuBox = (await page.getByRole('combobox').boundingBox())!;
        const logoBox = (await header.locator('.logo').boundingBox())!;
        // Side by side: each overlaps the others' height, left to right.
        const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
        for (const box of [menuBox, logoBox]) {
          expect(Math.abs(middle(box) - middle(switchBox)), `${lang} ${embed} ${width}px`).toBeLessThan(switchBox.height / 2);
        }
        expect(logoBox.x).toBeLessThan(menuBox.x);
        expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(switchBox.x);
        expect(switchBox.x + switchBox.width).toBeLessThanOrEqual(width);
        if (width === 360 && embed) await screenshot(page, `header-phone-${lang}`);
      }
    }
    await context.close();
  }
});
