// The whole journey with the keyboard alone: every control is reachable by
// Tab, works with Enter, Space and the arrow keys, and shows where focus is.
import { expect, test, type Locator, type Page } from './fixtures';
import { A, B, heading, personLabel } from './flow';

/**
 * Press Tab until `target` has focus; fail if it never gets there. The
 * element is looked up once (so each press costs one round trip even on a
 * slow machine), and again if it left the page: a button of the first
 * screen, before the app took its place (focus moves to the app's button
 * of the same name then).
 */
async function tabTo(page: Page, target: Locator, max = 80) {
  let element = await target.elementHandle();
  if (!element) throw new Error(`not on the page: ${target}`);
  for (let i = 0; i <= max; i++) {
    const state = await element.evaluate((el) => (!el.isConnected ? 'gone' : el === document.activeElement ? 'focused' : 'not yet'));
    if (state === 'gone') {
      element = await target.elementHandle();
      if (!element) throw new Error(`not on the page: ${target}`);
      continue;
    }
    if (state === 'focused') {
      const outline = await element.evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline, 'focus is visible').not.toBe('none');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${target}`);
}
async function tabAndPress(page: Page, target: Locator, key = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

async function tabAndType(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

async function half(page: Page, topic: string, option: string, action: string) {
  await heading(page, 'Goal');
  await tabAndType(page, page.getByLabel('Topic', { exact: true }), topic);
  await tabAndPress(page, page.getByRole('button', { name: 'Start', exact: true }));
  await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
  await tabAndPress(page, page.getByRole('button', { name: 'Next phase' }));
  await heading(page, 'Reality');
  await tabAndType(page, page.getByLabel('Notes on the situation'), 'What is happening.');
  await tabAndPress(page, page.getByRole('button', { name: 'Next phase' }));
  await heading(page, 'Options');
  await tabAndType(page, page.getByLabel('New option'), option);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('New option')).toBeFocused();
  await page.keyboard.type('A second option');
  await page.keyboard.press('Enter');
  await tabAndPress(page, page.getByRole('checkbox', { name: 'Chosen option 1' }), 'Space');
  await expect(page.getByRole('checkbox', { name: 'Chosen option 1' })).toBeChecked();
  await tabAndPress(page, page.getByRole('button', { name: 'Move option 2 up' }));
  await expect(page.getByRole('textbox', { name: 'Option 1', exact: true })).toHaveValue('A second option');
  // First in the list: its "up" is off but keeps the focus, and one press
  // too many changes nothing; where it went is said.
  const up = page.getByRole('button', { name: 'Move option 1 up' });
  await expect(up).toBeFocused();
  await expect(up).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Now 1 of 2.' })).toBeAttached();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Option 1', exact: true })).toHaveValue('A second option');
  await expect(up).toBeFocused();
  await tabAndPress(page, page.getByRole('button', { name: 'Next phase' }));
  await heading(page, 'Will');
  await tabAndPress(page, page.getByRole('button', { name: '+ Add an action' }));
  await expect(page.getByLabel('What')).toBeFocused();
  await page.keyboard.type(action);
  // Radio groups: Tab into the group, arrows to choose.
  await tabTo(page, page.getByRole('radio', { name: '1', exact: true }));
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '8', exact: true })).toBeChecked();
}

test('the whole journey with the keyboard only', async ({ page }) => {
  // A long journey: three times the budget of one (playwright.config.ts).
  test.slow();
  await page.goto('/');
  await tabAndPress(page, page.getByRole('button', { name: 'Start a session' }));
  await heading(page, 'Set up your session');
  await tabAndType(page, page.getByLabel("Person A's first name"), A);
  await page.keyboard.press('Tab');
  await page.keyboard.type(B);
  await tabAndPress(page, page.getByRole('button', { name: 'Begin' }));

  await heading(page, 'Our agreement');
  await tabAndPress(page, page.getByRole('checkbox', { name: `${A} agrees` }), 'Space');
  await tabAndPress(page, page.getByRole('checkbox', { name: `${B} agrees` }), 'Space');
  await tabAndPress(page, page.getByRole('button', { name: 'Continue to Goal' }));

  await half(page, 'Quieter people in meetings', 'Agenda a day early', 'Send the agenda');
  await tabAndPress(page, page.getByRole('button', { name: 'Go to the swap' }));
  await heading(page, 'Swap roles');
  await tabAndPress(page, page.getByRole('button', { name: 'Start the second half' }));
  await half(page, 'Saying no to sales', 'A weekly office hour', 'Propose the office hour');

  // The step indicator works from the keyboard too.
  await tabAndPress(page, page.getByRole('navigation', { name: 'Session steps' }).getByRole('button', { name: 'Wrap-up' }));
  await heading(page, 'Wrap-up');
  await expect(page.getByRole('region', { name: `${A}'s topic, coached by ${B}` })).toContainText('Send the agenda');
  await expect(page.getByRole('region', { name: `${B}'s topic, coached by ${A}` })).toContainText('Propose the office hour');
  await tabAndPress(page, page.getByRole('radio', { name: '1', exact: true }).first(), 'ArrowRight');
  await expect(page.getByRole('group', { name: `${A}: how useful was this session?` }).getByRole('radio', { name: '2' })).toBeChecked();
});

test('a new screen starts at its title, once it is drawn', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  // Each screen's part is fetched when it first opens: its title is
  // focused when it arrives, wherever the focus was lost.
  for (const [button, title] of [
    ['Guided exercises', 'Guided exercises'],
    ['History', 'History'],
    ['Journal', 'Journal'],
    ['Team rotation', 'Team rotation'],
    ['For trainers', 'For trainers'],
  ]) {
    await tabAndPress(page, page.getByRole('button', { name: button, exact: true }));
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
    // The next Tab goes on from there, not from the top of the page.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Peer Coach' })).not.toBeFocused();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Peer Coach' })).toBeVisible();
  }
  // A control outside the screen keeps the focus: the header's home link.
  await tabAndPress(page, page.getByRole('button', { name: 'History', exact: true }));
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeFocused();
  await page.getByRole('link', { name: 'Peer Coach' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Peer Coach' })).toBeFocused();
});

test('the arrow keys change the total: a pair by two minutes, one way and a group by one', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start a session' }).click();
  await heading(page, 'Set up your session');
  const total = page.getByLabel('Total length in minutes');
  const goal = page.getByLabel('Goal (min)');
  // A pair's two halves are equal: a step of one would be made even again.
  await total.focus();
  await page.keyboard.press('ArrowUp');
  await expect(total).toHaveValue('62');
  await expect(page.getByText('in two equal halves: 31 minutes each.')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(total).toHaveValue('58');
  await expect(page.getByText('in two equal halves: 29 minutes each.')).toBeVisible();
  // The phases follow the total.
  const split = async () => {
    let sum = 0;
    for (const phase of ['Goal', 'Reality', 'Options', 'Will']) sum += Number(await page.getByLabel(`${phase} (min)`).inputValue());
    return sum;
  };
  expect(await split()).toBe(29);
  await expect(goal).not.toHaveValue('');

  await page.getByRole('radio', { name: 'One-way' }).check();
  await total.focus();
  const before = Number(await total.inputValue());
  await page.keyboard.press('ArrowUp');
  await expect(total).toHaveValue(String(before + 1));
  await expect.poll(split).toBe(before + 1);

  await page.getByRole('radio', { name: 'Group' }).check();
  await total.focus();
  const group = Number(await total.inputValue());
  await page.keyboard.press('ArrowDown');
  await expect(total).toHaveValue(String(group - 1));
});

test('Enter moves on from field to field on the setup form; only Begin begins', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start a session' }).click();
  await heading(page, 'Set up your session');
  await page.getByRole('radio', { name: 'Reciprocal' }).focus();
  await page.keyboard.press('Enter');
  // Past the other formats, to the names.
  await expect(page.getByLabel("Person A's first name")).toBeFocused();
  await page.keyboard.type(A);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel("Person B's first name")).toBeFocused();
  await page.keyboard.type(B);
  await page.keyboard.press('Enter');
  const total = page.getByLabel('Total length in minutes');
  await expect(total).toBeFocused();
  await total.fill('50');
  await page.keyboard.press('Enter');
  // The number counts as when the field is left.
  await expect(page.getByText('in two equal halves: 25 minutes each.')).toBeVisible();
  for (const phase of ['Goal', 'Reality', 'Options', 'Will']) {
    await expect(page.getByLabel(`${phase} (min)`)).toBeFocused();
    await page.keyboard.press('Enter');
  }
  // Not begun by any of those: the last Enter went to Begin.
  await expect(page.getByRole('button', { name: 'Begin' })).toBeFocused();
  await heading(page, 'Set up your session');
  await page.keyboard.press('Enter');
  await heading(page, 'Our agreement');
  await expect(page.getByRole('checkbox', { name: `${B} agrees` })).toBeVisible();
  await expect(page.getByText(/^Session 0:\d\d of 50:00/)).toBeVisible();

  // A group: each name leads to the next, three names leave the fourth
  // empty and nothing begun; then on past the buttons to the fields.
  await page.goto('/');
  await page.getByRole('button', { name: 'Start a session' }).click();
  await heading(page, 'Set up your session');
  await page.getByRole('radio', { name: 'Group' }).check();
  const group = ['Mia', 'Łukasz', 'Zoë'];
  await page.getByLabel(personLabel(0), { exact: true }).focus();
  for (const [i, name] of group.entries()) {
    await expect(page.getByLabel(personLabel(i), { exact: true })).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByLabel(personLabel(3), { exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('checkbox', { name: 'Everyone gets a turn as client' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(total).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Begin' })).toBeFocused();
  await heading(page, 'Set up your session');
  await page.getByRole('button', { name: `Remove ${personLabel(4)}` }).click();
  await page.getByRole('button', { name: `Remove ${personLabel(3)}` }).click();
  await page.getByRole('button', { name: 'Begin' }).click();
  await heading(page, 'Our agreement');
  for (const name of group) await expect(page.getByRole('checkbox', { name: `${name} agrees` })).toBeVisible();
});

test('on the setup form, Enter in any field of any format never begins the session', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start a session' }).click();
  await heading(page, 'Set up your session');
  for (const format of ['Reciprocal', 'One-way', 'Group']) {
    await page.getByRole('radio', { name: format }).check();
    // A group's turns field too.
    if (format === 'Group') await page.getByRole('checkbox', { name: 'Everyone gets a turn as client' }).uncheck();
    // Every field the form shows now, whatever its kind.
    const fields = page.locator('form input:visible');
    const count = await fields.count();
    expect(count, format).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      await fields.nth(i).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'Set up your session' }), `${format}, field ${i}`).toBeVisible();
    }
  }
  await page.getByRole('button', { name: 'Begin' }).click();
  await heading(page, 'Our agreement');
});
