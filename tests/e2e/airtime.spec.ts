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

  // Keys 1 and 2 say who speaks (not while typing), 0 pauses. In Goal,
  // Amara is the client and Jonas coaches: Jonas asks question after
  // question, and the cue is about the coach.
  await page.getByRole('heading', { level: 1, name: 'Goal' }).focus();
  await page.keyboard.press('2');
  await expect(panel.getByRole('button', { name: `${B} speaks` })).toHaveAttribute('aria-pressed', 'true');
  await page.clock.fastForward('01:40');
  await page.keyboard.press('1');
  await expect(panel.getByRole('button', { name: `${A} speaks` })).toHaveAttribute('aria-pressed', 'true');
  await page.clock.fastForward('00:30');
  await expect(panel.getByRole('status')).toContainText(`${B} has had much of the airtime. Perhaps invite ${A} in.`);
  // 1:40 against 0:30 and the seconds the test itself took.
  await expect(panel.getByRole('listitem').nth(1)).toContainText(/7\d %/);
  await expectNoA11yViolations(page, 'airtime panel');
  await screenshot(page, 'airtime');
  // The client is expected to talk most: once Amara has, no cue.
  await page.clock.fastForward('01:20');
  await expect(panel.getByText(/has had much of the airtime/)).toHaveCount(0);

  // Typing in a field never switches the speaker.
  await page.getByLabel('Topic', { exact: true }).fill('Budget 2027');
  await expect(panel.getByRole('button', { name: `${A} speaks` })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('heading', { level: 1, name: 'Goal' }).focus();
  await page.clock.fastForward('01:00');
  await page.keyboard.press('0');
  await expect(panel.getByRole('button', { name: `${A} speaks` })).toHaveAttribute('aria-pressed', 'false');
  await expect(panel.getByRole('button', { name: `${B} speaks` })).toHaveAttribute('aria-pressed', 'false');

  await page.getByRole('navigation', { name: 'Session steps' }).getByRole('button', { name: 'Wrap-up' }).click();
  await heading(page, 'Wrap-up');
  const summary = page.getByRole('region', { name: 'Airtime' });
  // Jonas 1:40; Amara 2:50 and the seconds the test itself took (on a
  // slow machine they can pass a minute).
  await expect(summary).toContainText(new RegExp(`${A}6\\d % · (2:5\\d|3:[0-5]\\d)`));
  await expect(summary).toContainText(new RegExp(`${B}3\\d % · 1:40`));
});
