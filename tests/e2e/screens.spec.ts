// Every screen: an axe-core scan (WCAG 2 A and AA) in light and dark, every
// id a label or aria attribute names present once, and screenshots at
// desktop and phone sizes into screenshots/ (git-ignored).
import { expect, test, type Page } from './fixtures';
import { expectIdsResolve, expectNoA11yViolations, screenshot } from './helpers';
import { HALF_A, HALF_B, agree, heading, next, runHalf, startSession } from './flow';

type Visit = (name: string) => Promise<void>;

/** Walk through every screen of the app, calling `visit` on each. */
async function everyScreen(page: Page, visit: Visit) {
  await page.clock.install({ time: new Date('2026-03-10T09:00:00') });
  await page.goto('/');
  await page.getByRole('button', { name: 'Start a session' }).waitFor();
  await visit('home');
  await startSession(page);
  await visit('agreement');
  await agree(page);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.clock.fastForward('36:00');
  await heading(page, 'Goal');
  await page.getByText('Time is up').first().waitFor();
  await visit('goal-time-up');
  await runHalf(page, HALF_A);
  await visit('will');
  await page.getByRole('button', { name: 'Reality' }).first().click();
  await visit('reality');
  await page.getByRole('button', { name: 'Options' }).first().click();
  await visit('options');
  await page.getByRole('button', { name: 'Will' }).first().click();
  await next(page, 'Go to the swap');
  await heading(page, 'Swap roles');
  await visit('swap');
  await page.getByRole('button', { name: 'Start the second half' }).click();
  await heading(page, 'Goal');
  await visit('goal');
  await runHalf(page, HALF_B);
  await next(page, 'Go to the wrap-up');
  await heading(page, 'Wrap-up');
  await visit('wrap-up');
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'Continue the session' }).waitFor();
  await visit('home-with-sessions');
  await page.getByRole('button', { name: 'History' }).click();
  await heading(page, 'History');
  await visit('history');
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'Journal' }).click();
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByLabel('What I tried').fill('Sent the agenda on Monday');
  await visit('journal-entry');
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'Start a session' }).click();
  await visit('setup');
  await page.goto('/#/session/unknown');
  await page.getByRole('alert').waitFor();
  await visit('not-found');
}

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test(`every screen at ${width}×${height}: screenshots and axe, light`, async ({ page }) => {
    // A long journey: three times the budget of one (playwright.config.ts).
    test.slow();
    await page.setViewportSize({ width, height });
    await everyScreen(page, async (name) => {
      await screenshot(page, name);
      await expectNoA11yViolations(page, `${name} at ${width}px`);
      await expectIdsResolve(page, `${name} at ${width}px`);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `${name}: no sideways scrolling`).toBeLessThanOrEqual(width);
    });
  });
}

test('every screen in dark mode: axe', async ({ page }) => {
  // A long journey: three times the budget of one (playwright.config.ts).
  test.slow();
  await page.emulateMedia({ colorScheme: 'dark' });
  await everyScreen(page, async (name) => {
    await expectNoA11yViolations(page, `${name} (dark)`);
  });
  await screenshot(page, 'dark-not-found');
});

test('the storage notice: axe and screenshot', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await page.getByRole('status').filter({ hasText: 'nothing will be kept' }).waitFor();
  await screenshot(page, 'storage-notice');
  await expectNoA11yViolations(page, 'storage notice');
});
