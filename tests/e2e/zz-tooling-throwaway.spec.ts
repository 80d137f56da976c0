// Temporary check of the tooling; deleted right after use.
import { test, expect } from '@playwright/test';
import { expectNoA11yViolations, screenshot } from './helpers';
test('app loads from dist/', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Peer Coach/);
  await expect(page.locator('button').first()).toBeVisible();
  await screenshot(page, 'zz-tooling-throwaway');
  await expectNoA11yViolations(page, 'home');
});
