// What a first visit downloads, and when (src/ui/screens.rs,
// src/ui/catalogues.rs, scripts/split-wasm.mjs): before the app is usable
// only the main part of the wasm (and the language's texts, where it is not
// English); a screen's part when it is first opened; and, once the app has
// started, the service worker keeps every part, so that no later screen
// needs the network.
import { expect, test, type Browser, type Page } from './fixtures';
import { startSession } from './flow';
import { expectNoA11yViolations } from './helpers';

/** The parts of the split wasm: `wasm-<hash>/<name>.wasm`. */
const PART = /\/wasm-[0-9a-f]{16}\/([\w.-]+)\.wasm$/;
/** Each screen group's own part (besides the chunks groups share):
 * `split_screens_<group>`, as src/ui/screens.rs names them. */
const GROUPS = ['flow', 'practice', 'records', 'team'];
/** The languages' texts: `split_catalogue_<code>` (src/ui/catalogues.rs). */
const group = (parts: string[], name: string) =>
  parts.some((p) => p === `split_screens_${name}` || p === `split_catalogue_${name}`);

/** A fresh visit (by default without the service worker: its fetches would
 * not be seen), and the parts the page fetched, in order. */
async function visit(browser: Browser, locale = 'en-US', serviceWorkers: 'allow' | 'block' = 'block') {
  const context = await browser.newContext({ locale, serviceWorkers });
  const page = await context.newPage();
  // When the app took the first screen's place (in the task that removed
  // it), and the first button it drew in the main area.
  await page.addInitScript(() => {
    const w = window as unknown as { appAt: number | null; firstButton: string | null };
    w.appAt = null;
    new MutationObserver((_, observer) => {
      if (document.readyState === 'loading' || document.querySelector('[data-shell]')) return;
      w.appAt = performance.now();
      w.firstButton = document.querySelector('main button')?.textContent ?? null;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const parts: string[] = [];
  page.on('request', (r) => {
    const m = r.url().match(PART);
    if (m) parts.push(m[1]);
  });
  return { context, page, parts };
}

/** The app has taken the first screen's place: the parts whose fetch had
 * started by then (read once the page has loaded: a fetch's entry may be
 * listed a moment after it ends, its start time is exact). */
async function mounted(page: Page): Promise<string[]> {
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: /Language|Idioma/ })).toHaveCount(1);
  await page.waitForLoadState('load');
  const fetched = await page.evaluate(() => {
    const at = (window as unknown as { appAt: number | null }).appAt;
    if (at === null) return null;
    return performance.getEntriesByType('resource').filter((e) => e.startTime <= at).map((e) => e.name);
  });
  expect(fetched, 'the moment the app took over was seen').not.toBeNull();
  return (fetched ?? []).flatMap((url) => url.match(PART)?.[1] ?? []);
}


test('a first visit fetches only the main part before the app runs, a screen\'s part when it opens', async ({ browser }) => {
  const { context, page, parts } = await visit(browser);
  await page.goto('/');
  const before = await mounted(page);
  expect(before, 'only the main part before the app is usable').toEqual(['peer-coach_bg']);
  expect(parts[0], 'the main part first').toBe('peer-coach_bg');
  await page.waitForLoadState('networkidle');
  expect(GROUPS.filter((g) => group(parts, g)), 'no screen fetched unasked').toEqual([]);
  await page.getByRole('button', { name: 'Guided exercises', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Guided exercises' })).toBeVisible();
  expect(GROUPS.filter((g) => group(parts, g)), 'the group of that screen, and only it').toEqual(['practice']);
  expect(group(parts, 'es') || group(parts, 'pt'), 'no other language in English').toBe(false);
  await context.close();
});

/** Elements on screen that carry words but have none (a text missing). */
async function blankTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, p, li, button, a, label, legend, summary, option, th, td')]
      .filter((e) => e.checkVisibility() && !e.textContent?.trim() && !e.getAttribute('aria-label'))
      .map((e) => e.outerHTML.slice(0, 120)),
  );
}

test('most English texts come after the app runs: home is whole without them, other screens wait for them', async ({ browser }) => {
  const { context, page, parts } = await visit(browser);
  // A session on this device, so that home lists it and offers to go on.
  await page.goto('/');
  await mounted(page);
  await startSession(page);
  await expect.poll(() => parts.includes('split_catalogue_en'), 'the rest of English is fetched').toBe(true);

  // The rest of English cannot be fetched this time.
  let fail = true;
  await page.route(/\/split_catalogue_en\.wasm$/, (route) => (fail ? route.abort('failed') : route.continue()));
  const crashes: string[] = [];
  page.on('pageerror', (e) => crashes.push(e.message));
  parts.length = 0;
  await page.goto('/');
  await mounted(page);
  expect(parts[0], 'the main part first, before the rest of English').toBe('peer-coach_bg');
  await expect(page.getByRole('button', { name: 'Continue the session' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sessions on this device' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await blankTexts(page), 'every text of home is there').toEqual([]);

  // Another screen waits for them, says it could not open, and opens once they come.
  await page.getByRole('button', { name: 'Continue the session' }).click();
  const unloaded = page.getByRole('region', { name: 'This screen did not open' });
  await expect(unloaded).toContainText('This screen could not be loaded');
  fail = false;
  await unloaded.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Our agreement' })).toBeVisible();
  expect(await blankTexts(page), 'every text of the session screen is there').toEqual([]);
  expect(crashes).toEqual([]);
  await context.close();
});

test('once the service worker has the app, every screen opens with the network gone', async ({ browser }) => {
  const { context, page } = await visit(browser, 'en-US', 'allow');
  await page.goto('/');
  await mounted(page);
  // The first visit's worker takes over the page once it has every file.
  await page.waitForFunction(() => navigator.serviceWorker.controller != null, null, { timeout: 60_000 });
  await context.setOffline(true);
  for (const [button, heading] of [
    ['Start a session', 'Set up your session'],
    ['Guided exercises', 'Guided exercises'],
    ['History', 'History'],
    ['Journal', 'Journal'],
    ['Team rotation', 'Team rotation'],
    ['FeedForward round', 'FeedForward round'],
    ['For trainers', 'For trainers'],
  ]) {
    await page.goto('/#/');
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  // And in another language, whose texts the app had not fetched.
  await page.goto('/#/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(page.getByRole('button', { name: 'Empezar una sesión' })).toBeVisible();
  await context.close();
});

for (const [locale, mine, other, start] of [
  ['es-ES', 'es', 'pt', 'Empezar una sesión'],
  ['pt-BR', 'pt', 'es', 'Começar uma sessão'],
] as const) {
  test(`a ${locale} browser: its texts are fetched before the app speaks, and only those`, async ({ browser }) => {
    const { context, page, parts } = await visit(browser, locale);
    await page.goto('/');
    const before = await mounted(page);
    expect(group(before, mine), `the ${mine} texts before the app runs`).toBe(true);
    // The app draws its first screen in the language, from its first frame.
    expect(await page.evaluate(() => (window as unknown as { firstButton: string | null }).firstButton)).toBe(start);
    await expect(page.getByRole('button', { name: start })).toBeVisible();
    expect(group(parts, other)).toBe(false);
    await context.close();
  });
}

test('a browser whose language cannot be fetched starts in English, and says so', async ({ browser }) => {
  const { context, page } = await visit(browser, 'es-ES');
  await page.route(/\/split_catalogue_es\.wasm$/, (route) => route.abort('failed'));
  await page.goto('/');
  await mounted(page);
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('status').filter({ hasText: 'The texts of the language asked for could not be loaded.' })).toBeVisible();
  await context.close();
});

test('choosing a language fetches its texts once and changes every text', async ({ browser }) => {
  const { context, page, parts } = await visit(browser);
  await page.goto('/');
  await mounted(page);
  const language = page.getByRole('combobox', { name: 'Language' });
  await language.selectOption('pt');
  await expect(page.getByRole('button', { name: 'Começar uma sessão' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start a session' })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('pt');
  await expect(page.getByRole('button', { name: 'Começar uma sessão' })).toBeVisible();
  expect(parts.filter((p) => p === 'split_catalogue_pt'), 'fetched once').toHaveLength(1);
  await context.close();
});

test('on a slow network, a screen whose part is on its way says it is opening', async ({ browser }) => {
  const { context, page } = await visit(browser);
  let release!: () => void;
  const released = new Promise<void>((ok) => (release = ok));
  await page.route(/\/split_screens_\w+\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/');
  await mounted(page);
  await page.getByRole('button', { name: 'Start a session', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opening…' })).toBeVisible();
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your session' })).toBeVisible();
  await expect(page.getByText('Opening…')).toHaveCount(0);
  await context.close();
});

test('a screen whose part cannot be fetched says so, and "Try again" opens it', async ({ browser }) => {
  const { context, page } = await visit(browser);
  let fail = true;
  await page.route(/\/split_screens_records\.wasm$/, (route) => (fail ? route.abort('failed') : route.continue()));
  const crashes: string[] = [];
  page.on('pageerror', (e) => crashes.push(e.message));
  await page.goto('/');
  await mounted(page);
  await page.getByRole('button', { name: 'History', exact: true }).click();
  const unloaded = page.getByRole('region', { name: 'This screen did not open' });
  await expect(unloaded).toContainText('This screen could not be loaded. Check the connection, then try again.');
  // Its title has the focus, as a screen's title does.
  await expect(page.getByRole('heading', { level: 1, name: 'This screen did not open' })).toBeFocused();
  await expectNoA11yViolations(page, 'screen not loaded');
  // The app still works: home is a click away.
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeVisible();
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(unloaded).toBeVisible();
  fail = false;
  await unloaded.getByRole('button', { name: 'Try again' }).click();
  // The button that had the focus is gone: the screen's title takes it.
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeFocused();
  expect(crashes).toEqual([]);
  await context.close();
});

for (const [address, how] of [['/', 'a server error'], ['/#/history', 'no network']] as const) {
  test(`where the app itself cannot be fetched (${address}, ${how}), the first screen says so, and "Try again" loads it`, async ({ browser }) => {
    const { context, page } = await visit(browser);
    let fail = true;
    await page.route(/\/peer-coach_bg\.wasm$/, (route) => {
      if (!fail) return route.continue();
      return how === 'no network' ? route.abort('internetdisconnected') : route.fulfill({ status: 503, body: 'Service Unavailable' });
    });
    await page.goto(address);
    const failed = page.getByRole('region', { name: 'This screen did not open' });
    await expect(failed).toContainText('This screen could not be loaded. Check the connection, then try again.');
    await expect(page.getByRole('heading', { level: 1, name: 'This screen did not open' })).toBeFocused();
    // Nothing that looks ready but opens nothing.
    await expect(page.getByRole('button', { name: 'Start a session' })).toHaveCount(0);
    await expect(page.getByText('Opening…')).toBeHidden();
    await expectNoA11yViolations(page, 'the app not loaded');
    fail = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await mounted(page);
    await expect(page.getByRole('heading', { level: 1, name: address === '/' ? 'Peer Coach' : 'History' })).toBeVisible();
    await context.close();
  });
}

test('a language whose texts cannot be fetched leaves the app as it was, and says so', async ({ browser }) => {
  const { context, page } = await visit(browser);
  let fail = true;
  await page.route(/\/split_catalogue_es\.wasm$/, (route) => (fail ? route.abort('failed') : route.continue()));
  const crashes: string[] = [];
  page.on('pageerror', (e) => crashes.push(e.message));
  await page.goto('/');
  await mounted(page);
  const language = page.getByRole('combobox', { name: 'Language' });
  await language.selectOption('es');
  const said = page.getByRole('status').filter({ hasText: 'The texts of the language asked for could not be loaded.' });
  await expect(said).toBeVisible();
  await expect(language).toHaveValue('en');
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // A second failure says it again.
  await said.getByRole('button', { name: 'Dismiss' }).click();
  await expect(said).toHaveCount(0);
  await language.selectOption('es');
  await expect(said).toBeVisible();
  fail = false;
  await language.selectOption('es');
  await expect(page.getByRole('button', { name: 'Empezar una sesión' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /could not be loaded|No se pudieron cargar/ })).toHaveCount(0);
  expect(crashes).toEqual([]);
  await context.close();
});

test('a tap on the first screen before the app runs says the screen is opening', async ({ browser }) => {
  const { context, page } = await visit(browser);
  let release!: () => void;
  const released = new Promise<void>((ok) => (release = ok));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Guided exercises' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opening…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeHidden();
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Guided exercises' })).toBeVisible();
  await expect(page.getByText('Opening…')).toHaveCount(0);
  await context.close();
});

test('a host that serves the wasm as another type still starts the app', async ({ page }) => {
  // Some static hosts send .wasm as application/octet-stream: the boot
  // script then compiles it from its bytes rather than as it streams.
  let served = 0;
  await page.route(/\/wasm-[0-9a-f]{16}\/peer-coach_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    served += 1;
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await page.goto('/');
  await startSession(page);
  expect(served).toBeGreaterThan(0);
});
