// Shared helpers for the Playwright end-to-end tests.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG 2.0 / 2.1 level A and AA rules that every screen must pass. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Run axe-core on the page as it is now and fail, listing every violation
 * (rule, impact, help link and offending elements), if there is any.
 * `label` names the screen or state in the failure message.
 */
export async function expectNoA11yViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `      ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`)
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
  expect(violations.length, `accessibility violations on "${label}":\n${report}\n`).toBe(0);
}

/**
 * Every id that a label's `for` or an `aria-labelledby`, `aria-describedby`
 * or `aria-controls` names is on the page, and no id is on it twice: the
 * promise of src/ui/ids.rs, checked where it matters, in the rendered page.
 * (A collapsed disclosure, `aria-expanded="false"`, controls a panel that
 * is only rendered once it opens.)
 */
export async function expectIdsResolve(page: Page, label: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const count = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) count.set(el.id, (count.get(el.id) ?? 0) + 1);
    for (const [id, n] of count) if (n > 1) out.push(`id "${id}" is on ${n} elements`);
    const named: [Element, string, string][] = [];
    for (const el of document.querySelectorAll('label[for]')) named.push([el, 'for', el.getAttribute('for') ?? '']);
    for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls']) {
      for (const el of document.querySelectorAll(`[${attr}]`)) {
        if (attr === 'aria-controls' && el.getAttribute('aria-expanded') === 'false') continue;
        for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) named.push([el, attr, id]);
      }
    }
    for (const [el, attr, id] of named) {
      if (!count.has(id)) out.push(`<${el.tagName.toLowerCase()} ${attr}="${id}"> names no element`);
    }
    return out;
  });
  expect(problems, `ids on "${label}"`).toEqual([]);
}

/**
 * Save a full-page screenshot to screenshots/<name>-<viewport width>.png
 * (the folder is git-ignored), for looking at layouts by eye.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const width = page.viewportSize()?.width ?? 'auto';
  const path = `screenshots/${name}-${width}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
