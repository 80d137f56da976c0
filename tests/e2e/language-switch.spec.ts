// Changing the language changes only the texts. On every kind of screen,
// whatever is on it stays: the same elements (nothing is drawn again),
// what was typed and not yet saved, an open panel, the focus on the
// language menu (at the top of the page: the page scrolls to it, as before);
// and every visible text is in the new language: no `{placeholder}` left,
// and no text of the old language's catalogue where the new one differs.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './fixtures';
import { agree, startSession } from './flow';

type Lang = 'en' | 'es' | 'pt';

/** What the journey types into fields. */
const TYPED = ['Amara', 'Shorter meetings'];

/** A catalogue's texts (`Key => "text",` lines of src/i18n/<lang>.rs). */
function catalogue(lang: Lang): Map<string, string> {
  const source = readFileSync(`src/i18n/${lang}.rs`, 'utf8');
  const body = source.slice(source.indexOf('const fn text(key: Key)'));
  const texts = new Map<string, string>();
  for (const m of body.matchAll(/^\s*([A-Za-z0-9]+) => "((?:[^"\\]|\\.)*)",$/gm)) {
    texts.set(m[1], JSON.parse(`"${m[2]}"`));
  }
  return texts;
}

const CATALOGUES = { en: catalogue('en'), es: catalogue('es'), pt: catalogue('pt') };

/** Texts of `from` that may not be seen once `to` is chosen: those without
 *  placeholders that differ from `to`'s text and are no text of `to`. */
function foreign(from: Lang, to: Lang): Set<string> {
  const theirs = new Set(CATALOGUES[to].values());
  const out = new Set<string>();
  for (const [key, text] of CATALOGUES[from]) {
    if (!text.includes('{') && text !== CATALOGUES[to].get(key) && !theirs.has(text)) out.add(text);
  }
  return out;
}

/** Every visible text on the page: text nodes, and the names of controls. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => {
      const box = (el as HTMLElement).getBoundingClientRect?.();
      return !!box && (box.width > 0 || box.height > 0) && getComputedStyle(el).visibility !== 'hidden';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      if (text && n.parentElement && visible(n.parentElement)) out.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      if (!visible(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** What a change of language must keep: the elements themselves (marked),
 *  the fields' values, the open panels. */
async function mark(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const all = Array.from(main.querySelectorAll('*'));
    (window as any).__kept = all;
    return {
      count: all.length,
      values: Array.from(main.querySelectorAll('input, textarea')).map((e) => (e as HTMLInputElement).value),
      open: Array.from(main.querySelectorAll('details')).map((d) => d.open),
    };
  });
}

async function expectKept(page: Page, before: Awaited<ReturnType<typeof mark>>) {
  const after = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    const kept = (window as any).__kept as Element[];
    return {
      same: kept.filter((e) => main.contains(e)).length,
      values: Array.from(main.querySelectorAll('input, textarea')).map((e) => (e as HTMLInputElement).value),
      open: Array.from(main.querySelectorAll('details')).map((d) => d.open),
    };
  });
  expect(after.same, 'elements drawn again').toBe(before.count);
  // What the user typed stays (a built-in text, such as a ground rule not
  // yet edited, follows the language).
  const typed = (values: string[]) => values.filter((v) => TYPED.includes(v));
  expect(typed(after.values)).toEqual(typed(before.values));
  expect(after.open).toEqual(before.open);
}

/** Change the language from `from` to `to` on the screen as it is, and
 *  check the promise. */
async function switchLanguage(page: Page, from: Lang, to: Lang, screen: string) {
  const before = await mark(page);
  await page.locator('#language').selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to);
  await expect(page.locator('#language')).toBeFocused();
  await expectKept(page, before);
  const old = foreign(from, to);
  const texts = await visibleTexts(page);
  const left = texts.filter((t) => old.has(t));
  expect(left, `${screen}: texts still in ${from} after choosing ${to}`).toEqual([]);
  expect(texts.filter((t) => /\{[a-z_]+\}/.test(t)), `${screen}: placeholders`).toEqual([]);
}

/** On this screen: English to Spanish, Spanish to Portuguese, back to English. */
async function everyWay(page: Page, screen: string) {
  await switchLanguage(page, 'en', 'es', screen);
  await switchLanguage(page, 'es', 'pt', screen);
  await switchLanguage(page, 'pt', 'en', screen);
}

test('changing the language keeps every screen as it is and changes every text', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeVisible({ timeout: 30_000 });
  // The app's own screen, not the first screen of index.html before it.
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await everyWay(page, 'home');

  // Setup, with names typed and not yet begun.
  await page.getByRole('button', { name: 'Start a session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your session' })).toBeVisible();
  await page.getByLabel("Person A's first name").fill('Amara');
  await page.getByRole('radio', { name: 'Group' }).check();
  await everyWay(page, 'setup');
  await expect(page.getByRole('radio', { name: 'Group' })).toBeChecked();
  // Cancelled, so the next session's form starts blank (a form left in
  // the tab comes back as it was).
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeVisible();

  await startSession(page);
  await everyWay(page, 'agreement');
  await agree(page);
  await page.getByLabel('Topic', { exact: true }).fill('Shorter meetings');
  await everyWay(page, 'goal');
  await expect(page.getByLabel('Topic', { exact: true })).toHaveValue('Shorter meetings');

  for (const [path, name] of [
    ['/', 'home with a session'],
    ['/#/history', 'history'],
    ['/#/journal', 'journal'],
    ['/#/exercises', 'exercises'],
    ['/#/exercise/feedforward', 'exercise'],
    ['/#/rotation', 'rotation'],
    ['/#/round', 'rounds'],
    ['/#/trainers', 'trainers'],
  ]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // The app's own screen: on a slow machine the first screen of
    // index.html is still there after the page has loaded, and a language
    // chosen there is the first screen's journey (first-screen.spec.ts).
    await expect(page.locator('[data-shell]')).toHaveCount(0);
    await everyWay(page, name);
  }

  // An exercise past its first step.
  await page.goto('/#/exercise/feedforward');
  await page.getByRole('button', { name: 'Next step' }).click();
  await everyWay(page, 'exercise, second step');

  // The journal with an entry in it.
  await page.goto('/#/journal');
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByLabel('What I tried').fill('Shorter meetings');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('article')).toContainText('Shorter meetings');
  await everyWay(page, 'journal entry');
});
