// The first screen: index.html paints the home screen's header, title and
// main buttons before the WebAssembly runs (public/shell.js sets their
// language), and the app takes their place without a flash, a shift or a
// lost focus (src/ui/shell.rs). Each journey holds the wasm back until it
// has looked at the first screen, then lets the app start.
import { expect, test, type Browser, type Page } from './fixtures';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { expectIdsResolve, expectNoA11yViolations } from './helpers';

/** The home screen's main buttons, in English. */
const BUTTONS = [
  'Start a session',
  'Guided exercises',
  'History',
  'Journal',
  'Team rotation',
  'FeedForward round',
  'For trainers',
];

/** A page whose wasm is held back until `release()`. */
async function held(browser: Browser, options: { locale?: string } = {}) {
  // No service worker: it would fetch the wasm where the hold cannot see.
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  const page = await context.newPage();
  let release!: () => void;
  const released = new Promise<void>((ok) => (release = ok));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  // Every layout shift, from the first paint on.
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!e.hadRecentInput) w.shifts.push(e.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return { page, release, close: () => context.close() };
}

/** The app has taken the first screen's place. */
async function mounted(page: Page) {
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: /Language|Idioma/ })).toHaveCount(1);
}

/** Where each named control and text of the home screen is drawn. */
async function boxes(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(() => {
    const out: Record<string, number[]> = {};
    const els = document.querySelectorAll('header a, header select, header button, h1, .home > p, .home .actions button');
    for (const el of els) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      out[`${el.tagName} ${el.textContent?.trim().slice(0, 40)}`] = [r.x, r.y, r.width, r.height].map(Math.round);
    }
    return out;
  });
}

async function shifts(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0));
}

test('the first screen: heading, buttons and an axe scan before the app; the same place after', async ({ browser }) => {
  for (const viewport of [{ width: 360, height: 640 }, { width: 1280, height: 720 }]) {
    const { page, release, close } = await held(browser);
    await page.setViewportSize(viewport);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Peer Coach' })).toBeVisible();
    for (const name of BUTTONS) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoA11yViolations(page, `first screen ${viewport.width}`);
    await expectIdsResolve(page, 'first screen');
    const before = await boxes(page);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(BUTTONS.length + 4);

    release();
    await mounted(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expectIdsResolve(page, 'home after mount');
    for (const name of BUTTONS) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    // Every control and text is where the first screen drew it.
    const after = await boxes(page);
    for (const [name, box] of Object.entries(before)) {
      expect(after[name], `${name} at ${viewport.width}px`).toEqual(box);
    }
    expect(await shifts(page)).toBeLessThan(0.001);
    await close();
  }
});

for (const [locale, lang, title, start] of [
  ['es-ES', 'es', 'Idioma', 'Empezar una sesión'],
  ['pt-BR', 'pt', 'Idioma', 'Começar uma sessão'],
]) {
  test(`the first screen speaks the browser's language: ${locale}`, async ({ browser }) => {
    const { page, release, close } = await held(browser, { locale });
    await page.goto('/');
    await expect(page.getByRole('button', { name: start, exact: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: title })).toHaveValue(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('button', { name: 'Start a session' })).toHaveCount(0);
    await expectNoA11yViolations(page, `first screen ${locale}`);
    const before = await boxes(page);
    release();
    await mounted(page);
    await expect(page.getByRole('button', { name: start, exact: true })).toBeVisible();
    expect(await boxes(page)).toMatchObject(before);
    expect(await shifts(page)).toBeLessThan(0.001);
    await close();
  });
}

test('a language chosen on the first screen is the app\'s', async ({ browser }) => {
  const { page, release, close } = await held(browser);
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('pt');
  await expect(page.getByRole('button', { name: 'Começar uma sessão', exact: true })).toBeVisible();
  release();
  await mounted(page);
  await expect(page.getByRole('button', { name: 'Começar uma sessão', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt');
  // Kept on this device, as a choice made in the app is.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Idioma' })).toHaveValue('pt');
  await close();
});

test('a language chosen on the first screen stays through a reload before the app runs', async ({ browser }) => {
  const { page, release, close } = await held(browser, { locale: 'en-GB' });
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
  await expect(page.getByRole('button', { name: 'Empezar una sesión', exact: true })).toBeVisible();
  // A phone on a slow network: reloaded before the app has run.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('button', { name: 'Empezar una sesión', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Idioma' })).toHaveValue('es');
  release();
  await mounted(page);
  await expect(page.getByRole('button', { name: 'Empezar una sesión', exact: true })).toBeVisible();
  // Taken by the app, and kept on this device as a choice made there is.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Idioma' })).toHaveValue('es');
  expect(await page.evaluate(() => sessionStorage.getItem('peer-coach.shell-lang'))).toBeNull();
  await close();
});

test('a language chosen on the first screen over a link\'s is the address\'s too, and stays after a reload', async ({ browser }) => {
  const { page, release, close } = await held(browser, { locale: 'en-GB' });
  await page.goto('/?lang=es&share=off#/exercises');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  release();
  await mounted(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Guided exercises' })).toBeVisible();
  // The link's other presets and the screen stay as they were.
  await expect(page).toHaveURL(/\?lang=en&share=off#\/exercises$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Guided exercises' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await close();
});

test('focus on a first-screen button stays on the same button once the app runs', async ({ browser }) => {
  const { page, release, close } = await held(browser);
  // A phone's screen, where the home screen scrolls.
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Guided exercises' }).focus();
  await page.evaluate(() => window.scrollTo(0, 80));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  release();
  await mounted(page);
  await expect(page.getByRole('button', { name: 'Guided exercises' })).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await close();
});

for (const deep of ['#/exercise/what-if', '#s1.AAAA', '#/history', '?embed=1&exercise=what-if']) {
  test(`a deep link (${deep}) never shows the home buttons`, async ({ browser }) => {
    const { page, release, close } = await held(browser);
    // Whether the start button was ever drawn: checked before every frame.
    await page.addInitScript(() => {
      const w = window as unknown as { homeShown: boolean };
      w.homeShown = false;
      const look = () => {
        for (const b of document.querySelectorAll('button')) {
          if (b.textContent?.trim() === 'Start a session' && b.checkVisibility()) w.homeShown = true;
        }
        // One embedded exercise has no way home either.
        const brand = document.querySelector('.brand');
        if (location.search.includes('exercise=') && brand?.checkVisibility()) w.homeShown = true;
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(`/${deep}`);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start a session' })).toBeHidden();
    release();
    await mounted(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Peer Coach');
    expect(await page.evaluate(() => (window as unknown as { homeShown: boolean }).homeShown)).toBe(false);
    await close();
  });
}

test('a tap on a first-screen button opens its screen once the app runs', async ({ browser }) => {
  const { page, release, close } = await held(browser);
  await page.goto('/');
  await page.getByRole('button', { name: 'Guided exercises' }).click();
  await expect(page).toHaveURL(/#\/exercises$/);
  // The home buttons give way at once: the tap was taken.
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeHidden();
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Guided exercises' })).toBeVisible();
  await mounted(page);
  // Arrived at as a screen opened in the app is: at its title.
  await expect(page.getByRole('heading', { level: 1, name: 'Guided exercises' })).toBeFocused();
  await close();
});

test('coming back: the first screen continues the session and shows the sound as it was left', async ({ browser }) => {
  const { page, release, close } = await held(browser);
  release();
  await page.goto('/');
  await page.getByRole('button', { name: 'Start a session' }).click();
  await page.getByLabel("Person A's first name").fill('Amara');
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Our agreement' })).toBeVisible();
  await page.getByRole('switch', { name: 'Time-up sound' }).click();
  await expect(page.getByRole('switch', { name: 'Time-up sound' })).not.toBeChecked();

  // Again, with the wasm held back.
  let again!: () => void;
  const released = new Promise<void>((ok) => (again = ok));
  await page.unrouteAll();
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('about:blank');
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Continue the session' })).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Time-up sound' })).not.toBeChecked();
  await expect(page.locator('[data-shell]')).toHaveCount(2);
  const before = await boxes(page);
  again();
  await mounted(page);
  expect(await boxes(page)).toEqual(before);
  await page.getByRole('button', { name: 'Continue the session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Our agreement' })).toBeVisible();
  await close();
});

test("the sound switched on the first screen is the app's", async ({ browser }) => {
  const { page, release, close } = await held(browser);
  await page.goto('/');
  const sound = page.getByRole('switch', { name: 'Time-up sound' });
  await expect(sound).toBeChecked();
  await sound.click();
  await expect(sound).not.toBeChecked();
  release();
  await mounted(page);
  await expect(sound).not.toBeChecked();
  await page.reload();
  await mounted(page);
  await expect(sound).not.toBeChecked();
  await close();
});

test('without JavaScript the first screen says what it needs, and shows no control that cannot work', async ({ playwright, baseURL }) => {
  // A browser whose pages run no script at all (Playwright's own
  // javaScriptEnabled leaves <noscript> unrendered). Read through the
  // accessibility tree: Playwright's locators need script in the page.
  const browser = await playwright.chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--blink-settings=scriptEnabled=false'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${baseURL}/`);
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
    };
    const shown = nodes.filter((n) => !n.ignored);
    const names = (role: string) => shown.filter((n) => n.role?.value === role).map((n) => n.name?.value);
    expect(names('heading')).toEqual(['Peer Coach']);
    expect(shown.some((n) => n.name?.value === 'Peer Coach needs JavaScript and WebAssembly to run.')).toBe(true);
    // Nothing that would do nothing (its style is allowed by its hash).
    expect(names('button')).toEqual([]);
    expect(names('combobox')).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
