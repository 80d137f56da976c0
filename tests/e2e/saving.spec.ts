// What is typed is kept: a keystroke changes the session in memory at once
// and the record is written a moment later (`app::sessions`, off the
// keystroke's path), and at once when the page is left or hidden. Whatever
// the moment of a reload, a closed tab or a switch to another screen,
// nothing typed is lost, and the record written is the last state typed.
import { expect, test } from './fixtures';
import { agree, heading, startSession } from './flow';
import type { Page } from '@playwright/test';

/** The stored session record's topic of the first half (regs left aside). */
async function storedTopic(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const raw = Object.entries(localStorage).find(([k]) => k.startsWith('peer-coach.session.'))?.[1];
    return raw === undefined ? undefined : JSON.parse(raw).data.halves[0].goal.topic;
  });
}

test('whatever is typed survives a reload at once after the last key', async ({ page }) => {
  await page.goto('/');
  await startSession(page);
  await agree(page);
  const topic = page.getByLabel('Topic', { exact: true });
  // Several rounds: each reload comes right after the last key, before any
  // pause in which a save could have been made anyway.
  let typed = '';
  for (const words of ['Running our weekly', ' team meeting', ' so that quieter people speak']) {
    await topic.click();
    await topic.press('End');
    await page.keyboard.type(words);
    typed += words;
    await page.reload();
    await heading(page, 'Goal');
    await expect(topic).toHaveValue(typed);
  }
});

test('whatever is typed survives closing the tab at once after the last key', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('/');
  await startSession(page);
  await agree(page);
  const url = page.url();
  const TEXT = 'Closed right after typing';
  await page.getByLabel('Topic', { exact: true }).click();
  await page.keyboard.type(TEXT);
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(url);
  await heading(again, 'Goal');
  await expect(again.getByLabel('Topic', { exact: true })).toHaveValue(TEXT);
});

test('the record written after typing is exactly the last state typed', async ({ page }) => {
  await page.goto('/');
  await startSession(page);
  await agree(page);
  const topic = page.getByLabel('Topic', { exact: true });
  await topic.click();
  const TEXT = 'abc def ghi jkl';
  await page.keyboard.type(TEXT);
  // Erase and retype part of it: the record follows every change.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('XYZ');
  const last = `${TEXT.slice(0, -4)}XYZ`;
  await expect(topic).toHaveValue(last);
  // Without any reload or page change, the save comes by itself.
  await expect.poll(() => storedTopic(page)).toBe(last);
});

test('leaving the session screen keeps what was typed there', async ({ page }) => {
  await page.goto('/');
  await startSession(page);
  await agree(page);
  await page.getByLabel('Topic', { exact: true }).click();
  await page.keyboard.type('Left for the history');
  // Straight to the history, which reads the records back.
  await page.evaluate(() => { location.hash = '#/history'; });
  await heading(page, 'History');
  await expect(page.getByText('Left for the history')).toBeVisible();
  expect(await storedTopic(page)).toBe('Left for the history');
});

// The setup form is kept in the tab while it is filled in: a reload (the
// update prompt's "Reload to update", a phone waking a sleeping tab) brings
// it back as it was left, and says so; beginning or cancelling forgets it.
test('the setup form survives a reload, and is forgotten once begun or cancelled', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start a session' }).click();
  await heading(page, 'Set up your session');
  await page.getByRole('radio', { name: 'One-way' }).check();
  await page.getByLabel("Person A's first name").fill('Ngozi');
  await page.getByLabel("Person B's first name").fill('Łukasz');
  await page.getByLabel('Total length in minutes').fill('45');
  await page.getByLabel('Total length in minutes').press('Tab');
  const restored = page.getByRole('status').filter({ hasText: 'This form is as you left it in this tab.' });
  await expect(restored).toHaveCount(0);

  await page.reload();
  await heading(page, 'Set up your session');
  await expect(restored).toBeVisible();
  await expect(page.getByRole('radio', { name: 'One-way' })).toBeChecked();
  await expect(page.getByLabel("Person A's first name")).toHaveValue('Ngozi');
  await expect(page.getByLabel("Person B's first name")).toHaveValue('Łukasz');
  await expect(page.getByLabel('Total length in minutes')).toHaveValue('45');

  // Home and back, in the same tab: still there.
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'Start a session' }).click();
  await expect(page.getByLabel("Person A's first name")).toHaveValue('Ngozi');

  // Start afresh: the form as new, the focus on its title, nothing kept.
  await restored.getByRole('button', { name: 'Start afresh' }).click();
  await expect(restored).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your session' })).toBeFocused();
  await expect(page.getByLabel("Person A's first name")).toHaveValue('');
  await expect(page.getByRole('radio', { name: 'Reciprocal' })).toBeChecked();
  await page.reload();
  await heading(page, 'Set up your session');
  await expect(page.getByLabel("Person A's first name")).toHaveValue('');
  await expect(restored).toHaveCount(0);

  // Cancel forgets it.
  await page.getByLabel("Person A's first name").fill('Ngozi');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Start a session' }).click();
  await expect(page.getByLabel("Person A's first name")).toHaveValue('');

  // Begin forgets it: the next session starts from a blank form.
  await page.getByLabel("Person A's first name").fill('Ngozi');
  await page.getByLabel("Person B's first name").fill('Łukasz');
  await page.getByRole('button', { name: 'Begin' }).click();
  await heading(page, 'Our agreement');
  await page.reload();
  await heading(page, 'Our agreement');
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'Start a session' }).click();
  await expect(page.getByLabel("Person A's first name")).toHaveValue('');
  await expect(restored).toHaveCount(0);
});

test('a setup form left in one tab is not another tab\'s', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('/#/new');
  await heading(first, 'Set up your session');
  await first.getByLabel("Person A's first name").fill('Ngozi');
  const second = await context.newPage();
  await second.goto('/#/new');
  await heading(second, 'Set up your session');
  await expect(second.getByLabel("Person A's first name")).toHaveValue('');
  await first.reload();
  await heading(first, 'Set up your session');
  await expect(first.getByLabel("Person A's first name")).toHaveValue('Ngozi');
});

test('minutes being typed on the setup form survive a reload, before the field is left', async ({ page }) => {
  await page.goto('/#/new');
  await heading(page, 'Set up your session');
  await page.getByLabel("Person A's first name").fill('Ngozi');
  const total = page.getByLabel('Total length in minutes');
  await total.fill('90');
  // Reloaded while the field still has the focus: nothing applied it yet.
  await expect(total).toBeFocused();
  await page.reload();
  await heading(page, 'Set up your session');
  await expect(page.getByLabel("Person A's first name")).toHaveValue('Ngozi');
  await expect(total).toHaveValue('90');
  // A phase's minutes too, and the total follows them as when the field is left.
  const goal = page.getByRole('spinbutton', { name: /^Goal/ });
  await goal.fill('12');
  await page.reload();
  await heading(page, 'Set up your session');
  await expect(goal).toHaveValue('12');
  const phases = await Promise.all(['Goal', 'Reality', 'Options', 'Will']
    .map((p) => page.getByRole('spinbutton', { name: new RegExp(`^${p}`) }).inputValue()));
  // Each half is the four phases: the total is two of them.
  expect(Number(await total.inputValue())).toBe(2 * phases.reduce((sum, m) => sum + Number(m), 0));
  expect(await total.inputValue()).not.toBe('90');
});

test('a group\'s turns as client, typed, survive a reload before the field is left', async ({ page }) => {
  await page.goto('/#/new');
  await heading(page, 'Set up your session');
  await page.getByRole('radio', { name: 'Group' }).check();
  await page.getByRole('checkbox', { name: 'Everyone gets a turn as client' }).uncheck();
  const turns = page.getByLabel('Turns as client today');
  await turns.fill('3');
  await expect(turns).toBeFocused();
  await page.reload();
  await heading(page, 'Set up your session');
  await expect(page.getByRole('radio', { name: 'Group' })).toBeChecked();
  await expect(turns).toHaveValue('3');
  // One-way chosen next keeps a pair's hour, not the group's 75 minutes.
  await page.getByRole('radio', { name: 'One-way' }).check();
  await expect(page.getByLabel('Total length in minutes')).toHaveValue('60');
});

test('a look at Group and back changes no minute of the pair\'s session', async ({ page }) => {
  await page.goto('/#/new');
  await heading(page, 'Set up your session');
  const total = page.getByLabel('Total length in minutes');
  await total.fill('90');
  await total.press('Tab');
  const goal = page.getByRole('spinbutton', { name: /^Goal/ });
  await goal.fill('10');
  await goal.press('Tab');
  const before = await Promise.all(['Goal', 'Reality', 'Options', 'Will'].map((p) => page.getByRole('spinbutton', { name: new RegExp(`^${p}`) }).inputValue()));
  const length = await total.inputValue();
  // By keyboard, the arrows pass through Group on the way.
  await page.getByRole('radio', { name: 'Reciprocal' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Group' })).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('radio', { name: 'Reciprocal' })).toBeChecked();
  await expect(total).toHaveValue(length);
  const after = await Promise.all(['Goal', 'Reality', 'Options', 'Will'].map((p) => page.getByRole('spinbutton', { name: new RegExp(`^${p}`) }).inputValue()));
  expect(after).toEqual(before);
});

test('a look at another format and back, then a reload: the form as new, with no note', async ({ page }) => {
  await page.goto('/#/new');
  await heading(page, 'Set up your session');
  await page.getByRole('radio', { name: 'One-way' }).check();
  await page.getByRole('radio', { name: 'Group' }).check();
  await page.getByRole('radio', { name: 'Reciprocal' }).check();
  await page.reload();
  await heading(page, 'Set up your session');
  await expect(page.getByRole('radio', { name: 'Reciprocal' })).toBeChecked();
  await expect(page.getByLabel('Total length in minutes')).toHaveValue('60');
  await expect(page.getByText('This form is as you left it in this tab.')).toHaveCount(0);
});

test('a group\'s length, then a pair and a reload: the group keeps its length', async ({ page }) => {
  await page.goto('/#/new');
  await heading(page, 'Set up your session');
  await page.getByRole('radio', { name: 'Group' }).check();
  const total = page.getByLabel('Total length in minutes');
  await total.fill('60');
  await total.press('Tab');
  await page.getByRole('radio', { name: 'Reciprocal' }).check();
  await expect(total).toHaveValue('60');
  await page.reload();
  await heading(page, 'Set up your session');
  // The form shows as new, so nothing is said of it…
  await expect(page.getByRole('radio', { name: 'Reciprocal' })).toBeChecked();
  await expect(page.getByText('This form is as you left it in this tab.')).toHaveCount(0);
  // …but the group's length was kept.
  await page.getByRole('radio', { name: 'Group' }).check();
  await expect(total).toHaveValue('60');
});
