// Exercises inside a session: each GROW phase suggests fitting ones, the
// result is attached to that half and shows in the wrap-up, the print view
// and the session's link.
import { expect, test, type Page } from './fixtures';
import { A, B, agree, heading, next, startSession } from './flow';
import { expectNoA11yViolations, screenshot } from './helpers';

const suggestions = (page: Page) => page.getByRole('region', { name: 'Exercises for this phase' });
const summaryOf = (page: Page, client: string, coach: string) =>
  page.getByRole('region', { name: `${client}'s topic, coached by ${coach}` });

async function nextStep(page: Page) {
  await page.getByRole('button', { name: 'Next step' }).click();
}

test('a what-if in Options and a role play in Will end up in the wrap-up, the print view and the link', async ({ page, browser }) => {
  await page.goto('/');
  await startSession(page);
  await agree(page);
  await expect(suggestions(page).getByRole('button', { name: 'Start Perspective shifts' })).toBeVisible();
  await page.getByLabel('Topic', { exact: true }).fill('Quieter people in meetings');
  await next(page);
  await heading(page, 'Reality');
  await expect(suggestions(page).getByRole('button', { name: 'Start Empathy prompts' })).toBeVisible();
  await next(page);
  await heading(page, 'Options');

  // Options suggests what-if first; the run is kept with Amara's topic,
  // and the phase's time-box stays in sight.
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await suggestions(page).getByRole('button', { name: 'Start What-if scenarios' }).click();
  await heading(page, 'What-if scenarios');
  await expect(page.getByText(`kept with ${A}'s topic in this session`)).toBeVisible();
  await expect(page.getByText(/^Options: \d+:\d\d left$/)).toBeVisible();
  await page.getByLabel('In your own words').fill('Quieter people in meetings');
  await nextStep(page);
  await page.getByRole('button', { name: 'Draw the first prompt' }).click();
  await page.getByLabel('Your answer').fill('I would ask the newest hire to open');
  await page.getByLabel('A new option or idea it reveals (optional)').fill('A rotating opener');
  await expectNoA11yViolations(page, 'what-if in a session');
  await screenshot(page, 'session-exercise');
  // Saved as typed, inside the session: a reload keeps it.
  await page.reload();
  await expect(page.getByLabel('Your answer')).toHaveValue('I would ask the newest hire to open');
  await page.getByRole('link', { name: 'Back to Options' }).click();
  await heading(page, 'Options');
  await expect(page.getByRole('heading', { level: 1, name: 'Options' })).toBeFocused();
  await expect(suggestions(page).getByRole('button', { name: 'Continue What-if scenarios' })).toBeVisible();
  await expectNoA11yViolations(page, 'options with suggestions');
  await screenshot(page, 'session-options-suggestions');

  // Will suggests rehearsing the first step; the step indicator leads out.
  await next(page);
  await heading(page, 'Will');
  await suggestions(page).getByRole('button', { name: 'Start Role play' }).click();
  await heading(page, 'Role play');
  await page.getByRole('radio', { name: 'Asking your manager for a raise' }).check();
  await nextStep(page);
  await page.getByLabel('Notes').fill('Jonas plays the senior engineer');
  await page.getByRole('navigation', { name: 'Session steps' }).getByRole('button', { name: 'Wrap-up' }).click();
  await heading(page, 'Wrap-up');

  const mine = summaryOf(page, A, B);
  await expect(mine.getByRole('region', { name: 'What-if scenarios' })).toContainText('I would ask the newest hire to open → A rotating opener');
  await expect(mine.getByRole('region', { name: 'Role play' })).toContainText('Asking your manager for a raise');
  await expect(mine.getByRole('region', { name: 'Role play' })).toContainText('Jonas plays the senior engineer');
  await expect(summaryOf(page, B, A).getByRole('heading', { name: 'Exercises' })).toHaveCount(0);
  await expectNoA11yViolations(page, 'wrap-up with exercises');
  await screenshot(page, 'session-wrap-up-exercises');
  await page.emulateMedia({ media: 'print' });
  await expect(mine.getByRole('region', { name: 'What-if scenarios' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // The link carries the exercises (a format-2 link) to the other person.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByLabel('Link to this session').inputValue();
  expect(link).toMatch(/#s2\./);
  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await heading(other, 'Wrap-up');
  await expect(summaryOf(other, A, B).getByRole('region', { name: 'What-if scenarios' })).toContainText('A rotating opener');
  await expect(summaryOf(other, A, B).getByRole('region', { name: 'Role play' })).toContainText('Jonas plays the senior engineer');
});

test('every exercise can be done in a session, and one can be removed again (phone size, dark)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.goto('/');
  await startSession(page, { format: 'One-way' });
  await agree(page);
  await expectNoA11yViolations(page, 'goal with suggestions (390px, dark)');
  await fits();
  const subjects: [string, string, string][] = [
    ['Perspective shifts', 'In your own words', 'Meetings through the newcomers\' eyes'],
    ['Quick ask', 'In your own words', 'Shorter status updates'],
    ['Empathy prompts', 'In your own words', 'The senior engineer'],
    ['What-if scenarios', 'In your own words', 'What if we had no meeting'],
    ['Collaborative storytelling', 'Or write your own first line', 'One Tuesday, nobody spoke first'],
    ['FeedForward', 'In your own words', 'Inviting others to speak'],
    ['Role play', 'Or describe your own situation', 'Asking the senior engineer to hold back'],
  ];
  for (const [name, label, text] of subjects) {
    const start = page.getByRole('button', { name: `Start ${name}` });
    if (!(await start.isVisible())) await page.getByText('Other exercises').click();
    await start.click();
    await heading(page, name);
    await page.getByLabel(label).fill(text);
    if (name === 'Quick ask') {
      // Starting again in a session keeps the run before beside the new one.
      await page.getByRole('button', { name: 'Start again' }).click();
      await expect(page.getByLabel(label)).toHaveValue('');
      await expect(page.getByRole('region', { name: 'Earlier runs' }).getByRole('listitem')).toHaveCount(1);
      await page.getByLabel(label).fill('Shorter status updates, second try');
    }
    if (name === 'Role play') {
      await expectNoA11yViolations(page, 'role play in a session (390px, dark)');
      await screenshot(page, 'session-exercise-role-play');
      await fits();
    }
    await page.getByRole('link', { name: 'Back to Goal' }).click();
    await heading(page, 'Goal');
    // Once started, it is on show with the suggested ones.
    await expect(suggestions(page).getByRole('button', { name: `Continue ${name}` })).toBeVisible();
  }
  await expect(page.getByText('Other exercises')).toBeHidden();
  await page.getByRole('button', { name: 'Continue FeedForward' }).click();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Remove from this session' }).click();
  await heading(page, 'Goal');
  await page.getByText('Other exercises').click();
  await expect(page.getByRole('button', { name: 'Start FeedForward' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Session steps' }).getByRole('button', { name: 'Wrap-up' }).click();
  await heading(page, 'Wrap-up');
  await screenshot(page, 'session-wrap-up-exercises');
  await fits();
  const summary = page.locator('.half-summary');
  await expect(summary.getByRole('heading', { level: 4 })).toHaveText([
    'Perspective shifts',
    'Quick ask',
    'Quick ask',
    'Empathy prompts',
    'What-if scenarios',
    'Collaborative storytelling',
    'Role play',
  ]);
  for (const [name, , text] of subjects.filter(([n]) => n !== 'FeedForward')) {
    await expect(summary.getByRole('region', { name }).first()).toContainText(text);
  }
  // Both runs of the quick ask: the one before "Start again" and the new one.
  await expect(summary.getByRole('region', { name: 'Quick ask' }).nth(1)).toContainText('Shorter status updates, second try');
});
