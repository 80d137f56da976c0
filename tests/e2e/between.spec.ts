// Between sessions: the history of sessions on the device, the follow-up of
// last time's plan in the next session with the same partner, delete with
// undo.
import { expect, test, type Page } from './fixtures';
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
  // The second is the team lead's, not Amara's.
  const hire = page.getByRole('group', { name: 'Action 2' });
  await hire.getByLabel('Owner', { exact: true }).selectOption({ label: 'Someone else' });
  await hire.getByLabel("Owner's name").fill('Priya');
}

test('the next session with the same partner starts from last time\'s plan', async ({ page }) => {
  await firstSession(page);
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  await heading(page, 'History');
  await expect(page.getByText('1 session on this device.')).toBeVisible();
  await page.getByRole('button', { name: /^Start the next session/ }).click();

  // Since last time: each action marked, with a line; the unfinished one
  // carried into today's plan.
  await heading(page, 'Since last time');
  const first = page.getByRole('listitem').filter({ hasText: 'Send the agenda a day early' });
  await first.getByRole('radio', { name: 'Done' }).check();
  await first.getByLabel(/^How it went/).fill('Two people added items');
  const second = page.getByRole('listitem').filter({ hasText: 'Ask the newest hire to open' });
  // Whose it is, by name: this device has last time's session.
  await expect(second).toContainText('Priya');
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
  // Still Priya's: carried, someone else's action keeps its owner's name.
  await expect(page.getByRole('group', { name: 'Action 1' }).getByLabel("Owner's name")).toHaveValue('Priya');

  // The first session now counts its done action; search finds by any word.
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByText('2 sessions on this device.')).toBeVisible();
  await expect(page.getByText('One-way · actions done: 1 of 2')).toBeVisible();
  await page.getByLabel('Search sessions').fill('QUIETER meetings');
  await expect(page.getByText('1 session found.')).toBeVisible();
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
  await expect(page.getByText('1 session on this device.')).toBeVisible();
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

async function useful(page: Page, a: number, b: number) {
  await steps(page).getByRole('button', { name: 'Wrap-up' }).click();
  await heading(page, 'Wrap-up');
  await page.getByRole('group', { name: `${A}: how useful was this session?` }).getByRole('radio', { name: String(a) }).check();
  await page.getByRole('group', { name: `${B}: how useful was this session?` }).getByRole('radio', { name: String(b) }).check();
}

async function history(page: Page) {
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  await heading(page, 'History');
}

async function startNextFromHistory(page: Page) {
  await history(page);
  await page.getByRole('button', { name: /^Start the next session/ }).first().click();
  await heading(page, 'Since last time');
}

test('three sessions in a row: the next meeting, a journal entry between, follow-up, the check-in and the chart', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-10T09:00:00') });
  await firstSession(page);
  await useful(page, 4, 3);
  await page.getByLabel('Date').fill('2026-03-24');
  await page.getByLabel('Time (optional)').fill('09:30');
  await page.getByLabel('Repeats').selectOption({ label: 'Every 2 weeks' });
  await expectNoA11yViolations(page, 'wrap-up with next meeting');

  // Home counts down to it.
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  const next = page.getByRole('region', { name: 'Next meetings' });
  await expect(next).toContainText(`${A} & ${B}`);
  await expect(next).toContainText('in 14 days');
  await screenshot(page, 'home-next-meeting');

  // A journal entry about one of the actions.
  await page.getByRole('button', { name: 'Journal' }).click();
  await heading(page, 'Journal');
  await page.getByRole('button', { name: 'New entry' }).click();
  await expect(page.getByLabel('What I tried')).toBeFocused();
  await page.getByLabel('What I tried').fill('Sent the agenda on Monday');
  await page.getByLabel('How it went').fill('Two people added items');
  await page.getByLabel('What I learned').fill('A day early is enough');
  const about = page.getByLabel('About one of the actions (optional)');
  await about.selectOption((await about.locator('option', { hasText: 'Send the agenda a day early' }).getAttribute('value'))!);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('article')).toContainText('A day early is enough');
  await expectNoA11yViolations(page, 'journal');
  await screenshot(page, 'journal');
  await page.reload();
  await expect(page.getByRole('article')).toContainText('Sent the agenda on Monday');

  // Second session: the follow-up shows my own journal entry on the action.
  await page.clock.setFixedTime(new Date('2026-03-24T09:30:00'));
  await startNextFromHistory(page);
  const agenda = page.getByRole('listitem').filter({ hasText: 'Send the agenda a day early' });
  await agenda.getByText('Your journal about this').click();
  await expect(agenda).toContainText('A day early is enough');
  await agenda.getByRole('radio', { name: 'Done' }).check();
  const hire = page.getByRole('listitem').filter({ hasText: 'Ask the newest hire to open' });
  await hire.getByRole('radio', { name: 'In progress' }).check();
  await hire.getByRole('button', { name: /^Carry into today's plan/ }).click();
  await useful(page, 5, 4);
  await expect(page.getByRole('region', { name: 'Is this working for us?' })).toHaveCount(0);

  // Third session: the carried action comes back; the check-in is asked.
  await page.clock.setFixedTime(new Date('2026-04-07T09:30:00'));
  await startNextFromHistory(page);
  const carried = page.getByRole('listitem').filter({ hasText: 'Ask the newest hire to open' });
  await carried.getByRole('radio', { name: 'Done' }).check();
  await useful(page, 5, 5);
  const checkIn = page.getByRole('region', { name: 'Is this working for us?' });
  await checkIn.getByLabel('What should we keep doing?').fill('Starting with last time\'s plan');
  await checkIn.getByLabel('What should we change?').fill('Shorter agreement');
  await expectNoA11yViolations(page, 'wrap-up with check-in');

  // The chart across the three sessions, with its table.
  await history(page);
  const chart = page.getByRole('region', { name: 'How your sessions are going' });
  await expect(chart.getByRole('img')).toBeVisible();
  await chart.getByText('Show the numbers as a table').click();
  await expect(chart.getByRole('row')).toHaveCount(4);
  await expect(chart.getByRole('row').nth(1)).toContainText(`${A} 4, ${B} 3`);
  await expectNoA11yViolations(page, 'history with chart');
  await screenshot(page, 'history-chart');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoA11yViolations(page, 'history with chart (dark)');
});

test('two tabs: an entry written in one shows in the other\'s journal', async ({ context }) => {
  const one = await context.newPage();
  await one.goto('/#/journal');
  await heading(one, 'Journal');
  const two = await context.newPage();
  await two.goto('/#/journal');
  await two.getByRole('button', { name: 'New entry' }).click();
  await two.getByLabel('What I tried').fill('Asked one question first');
  await two.getByRole('button', { name: 'Done' }).click();
  await expect(one.getByRole('article')).toContainText('Asked one question first');
  await expect(one.getByText('Your journal was also changed in another tab')).toBeVisible();
});
