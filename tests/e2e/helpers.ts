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
 * Save a full-page screenshot to screenshots/<name>-<viewport width>.png
 * (the folder is git-ignored), for looking at layouts by eye.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const width = page.viewportSize()?.width ?? 'auto';
  const path = `screenshots/${name}-${width}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
