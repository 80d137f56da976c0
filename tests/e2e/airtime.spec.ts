// Airtime balance: who speaks, by keyboard; live shares, the cue for the
// facilitator, the final shares at the wrap-up.
import { expect, test } from './fixtures';
import { A, B, agree, heading, startSession } from './flow';
import { expectNoA11yViolations, screenshot } from './helpers';

test('airtime tracked with the number keys, a cue when one person dominates, shares at the wrap-up', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-10T09:00:00') });
  await page.goto('/');
  await startSession(page);
  await agree(page);
  const toggle = page.getByRole('button', { name: 'Airtime' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('region', { name: 'Who is talking?' });
  await expect(panel).toBeVisible();

  // Keys 1 and 2 say who speaks (not while typing), 0 pauses.
  await page.getByRole('heading', { level: 1, name: 'Goal' }).focus();
  await page.keyboard.press('1');
  await expect(panel.getByRole('button', { name: `${A} speaks` })).toHaveAttribute('aria-pressed', 'true');
  await page.clock.fastForward('01:40');
  await page.keyboard.press('2');
  await expect(panel.getByRole('button', { name: `${B} speaks` })).toHaveAttribute('aria-pressed', 'true');
  await page.clock.fastForward('00:30');
  await expect(panel.getByRole('status')).toContainText(`${A} has had much of the airtime. Perhaps invite ${B} in.`);
  await expect(panel.getByRole('listitem').first()).toContainText('77 %');
  await expectNoA11yViolations(page, 'airtime panel');
  await screenshot(page, 'airtime');

  // Typing in a field never switches the speaker.
  await page.getByLabel('Topic', { exact: true }).fill('Budget 2027');
  await expect(panel.getByRole('button', { name: `${B} speaks` })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('heading', { level: 1, name: 'Goal' }).focus();
  await page.clock.fastForward('01:00');
  await page.keyboard.press('0');
  await expect(panel.getByRole('button', { name: `${A} speaks` })).toHaveAttribute('aria-pressed', 'false');
  await expect(panel.getByRole('button', { name: `${B} speaks` })).toHaveAttribute('aria-pressed', 'false');

  await page.getByRole('navigation', { name: 'Session steps' }).getByRole('button', { name: 'Wrap-up' }).click();
  await heading(page, 'Wrap-up');
  const summary = page.getByRole('region', { name: 'Airtime' });
  // Amara 1:40; Jonas 1:30 and the seconds the test itself took.
  await expect(summary).toContainText(new RegExp(`${A}5\\d % · 1:40`));
  await expect(summary).toContainText(new RegExp(`${B}4\\d % · 1:3\\d`));
});
