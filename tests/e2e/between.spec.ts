// Between sessions: the history of sessions on the device, the follow-up of
// last time's plan in the next session with the same partner, delete with
// undo.
import { expect, test, type Page } from '@playwright/test';
import { A, B, agree, heading, next, startSession } from './flow';
import { expectNoA11yViolations, screenshot } from './helpers';

const steps = (page: Page) => page.getByRole('navigation', { name: 'Session steps' });

/** A short one-way session: a topic and two actions for Amara. */
async function firstSession(page: Page) {
  await page.goto('/');
  await startSession(page, { format: 'One-way' });
  await agree(page);
  await page.getByLabel('Topic', { exact: true }).fill('Quieter people in meetings');
  await steps(page).getByRole('button', { name: 'Will' }).click();
  await heading(page, 'Will');
  for (const [i, what] of ['Send the agenda a day early', 'Ask the newest hire to open'].entries()) {
    await page.getByRole('button', { name: '+ Add an action' }).click();
    await page.getByRole('group', { name: `Action ${i + 1}` }).getByLabel('What').fill(what);
  }
}

test('the next session with the same partner starts from last time\'s plan', async ({ page }) => {
  await firstSession(page);
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  await heading(page, 'History');
  await expect(page.getByText('1 sessions on this device.')).toBeVisible();
  await page.getByRole('button', { name: /^Start the next session/ }).click();

  // Since last time: each action marked, with a line; the unfinished one
  // carried into today's plan.
  await heading(page, 'Since last time');
  const first = page.getByRole('listitem').filter({ hasText: 'Send the agenda a day early' });
  await first.getByRole('radio', { name: 'Done' }).check();
  await first.getByLabel(/^How it went/).fill('Two people added items');
  const second = page.getByRole('listitem').filter({ hasText: 'Ask the newest hire to open' });
  await second.getByRole('radio', { name: 'In progress' }).check();
  await second.getByRole('button', { name: /^Carry into today's plan/ }).click();
  await expect(second.getByText("In today's plan")).toBeVisible();
  await expectNoA11yViolations(page, 'since last time');
  await screenshot(page, 'since-last-time');
  await page.getByRole('checkbox', { name: `${A} agrees` }).check();
  await page.getByRole('checkbox', { name: `${B} agrees` }).check();
  await page.getByRole('button', { name: 'Continue to Goal' }).click();
  await steps(page).getByRole('button', { name: 'Will' }).click();
  await expect(page.getByRole('group', { name: 'Action 1' }).getByLabel('What')).toHaveValue('Ask the newest hire to open');

  // The first session now counts its done action; search finds by any word.
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByText('2 sessions on this device.')).toBeVisible();
  await expect(page.getByText('1 of 2 actions done')).toBeVisible();
  await page.getByLabel('Search sessions').fill('QUIETER meetings');
  await expect(page.getByText('1 sessions found.')).toBeVisible();
  // The note is in both: on the action, and in the follow-up that said it.
  await page.getByLabel('Search sessions').fill('two people added');
  await expect(page.getByText('2 sessions found.')).toBeVisible();
  await page.getByLabel('Search sessions').fill('');
  await expectNoA11yViolations(page, 'history');
  await screenshot(page, 'history');
});

test('a deleted session can be put back for a while', async ({ page }) => {
  await page.clock.install();
  await firstSession(page);
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: /^Delete/ }).click();
  await expect(page.getByText(`Deleted the session of ${A} & ${B}.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await expect(page.getByText('0 sessions on this device.')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('1 sessions on this device.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Quieter people in meetings')).toBeVisible();

  // Undo is offered for 15 seconds, then the session is gone for good.
  await page.getByRole('button', { name: /^Delete/ }).click();
  await page.clock.fastForward('00:10');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await page.clock.fastForward('00:06');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeHidden();
  await page.reload();
  await expect(page.getByText('0 sessions on this device.')).toBeVisible();
});
