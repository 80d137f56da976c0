// The guided exercises on their own: from the library and by direct link.
// Each journey completes the exercise and finds its result; every exercise
// screen is scanned with axe-core and photographed at desktop and phone size.
import { expect, test, type Page } from './fixtures';
import { expectNoA11yViolations, screenshot } from './helpers';

async function step(page: Page, title: string) {
  await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
}

async function next(page: Page) {
  await page.getByRole('button', { name: 'Next step' }).click();
}

async function check(page: Page, name: string) {
  await expectNoA11yViolations(page, name);
  await screenshot(page, `exercise-${name}`);
}

const results = (page: Page) => page.getByRole('region', { name: 'What you captured' });

test('the library searches and filters, and opens an exercise', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Guided exercises' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Guided exercises' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(7);
  await check(page, 'library');
  await page.getByRole('radio', { name: 'Rehearse a conversation' }).check();
  await expect(page.getByRole('link', { name: 'Role play' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Empathy prompts' })).toBeHidden();
  await page.getByRole('radio', { name: 'Any time' }).check();
  await page.getByLabel('Search exercises').fill('shoes');
  await expect(page.getByRole('link')).toContainText(['Empathy prompts']);
  await page.getByLabel('Search exercises').fill('zzz');
  await expect(page.getByText('No exercise matches')).toBeVisible();
  await page.getByLabel('Search exercises').fill('');
  await page.getByRole('link', { name: 'Quick ask' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quick ask' })).toBeVisible();
});

test('an unknown exercise in a link says so and shows the library', async ({ page }) => {
  await page.goto('/#/exercise/juggling');
  await expect(page.getByRole('alert')).toContainText('There is no exercise called "juggling"');
  await expect(page.getByRole('link', { name: 'Role play' })).toBeVisible();
});

test('role play: pick a scenario, play both sides with the timer, capture the lessons', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-10T09:00:00') });
  await page.goto('/#/exercise/role-play');
  await step(page, 'Pick a scenario');
  // Who plays what is said before anything starts.
  await expect(page.getByText(/^Who does what: the client brings the situation and rehearses it; the coach plays the other person/)).toBeVisible();
  await page.getByRole('radio', { name: 'Asking your manager for a raise' }).check();
  await check(page, 'role-play');
  await next(page);
  await page.getByLabel('Notes').fill('Office, Monday morning; Jonas plays the manager');
  await next(page);
  await step(page, 'Play');
  // Advice on playing the other person, while playing.
  await expect(page.getByRole('heading', { level: 3, name: 'Playing the other person' })).toBeVisible();
  await expect(page.getByText('Play them as they really are: neither a villain nor a pushover.')).toBeVisible();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.clock.fastForward('05:02');
  await expect(page.getByRole('group', { name: 'Time for Play' })).toContainText('Time is up');
  await expect(page.getByRole('status').filter({ hasText: /^Time is up for Play\.$/ })).toHaveCount(1);
  await next(page);
  await step(page, 'Swap and play again');
  await next(page);
  await step(page, 'Debrief');
  await expect(page.getByText('What will you take into the real conversation?', { exact: true })).toBeVisible();
  await page.getByLabel('Notes').fill('Start with the numbers, then the ask');
  await expect(results(page)).toContainText('Asking your manager for a raise');
  await expect(results(page)).toContainText('Start with the numbers, then the ask');
  // Saved as typed: a reload brings it all back.
  await page.reload();
  await expect(results(page)).toContainText('Start with the numbers, then the ask');
  // The print view is what was captured, without the controls.
  await page.emulateMedia({ media: 'print' });
  await expect(results(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Debrief', exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print what you captured' })).toBeHidden();
});

test('what-if: prompts without repeats, answers and new options', async ({ page }) => {
  await page.goto('/#/exercise/what-if');
  await page.getByLabel('In your own words').fill('Launch the onboarding in May');
  await next(page);
  await page.getByRole('button', { name: 'Draw the first prompt' }).click();
  await page.getByLabel('Your answer').fill('Cut the scope to one team');
  const seen = new Set<string>();
  for (let i = 0; i < 23; i++) await page.getByRole('button', { name: 'Another prompt' }).click();
  for (const q of await page.locator('.prompt .question').allTextContents()) seen.add(q);
  expect(seen.size).toBe(24);
  await expect(page.getByRole('button', { name: 'Another prompt' })).toBeDisabled();
  await expect(page.getByText('That was the last prompt in the deck.')).toBeVisible();
  await check(page, 'what-if');
  await next(page);
  await page.getByLabel('Notes').fill('Pilot with one team first');
  await expect(results(page)).toContainText('Cut the scope to one team');
  await expect(results(page)).toContainText('Pilot with one team first');
});

test('empathy: the prompts come in order, ending with the real problem', async ({ page }) => {
  await page.goto('/#/exercise/empathy');
  await page.getByLabel('In your own words').fill('My manager');
  await next(page);
  await page.getByRole('button', { name: 'Draw the first prompt' }).click();
  // Answered as the other person, in the first person: asked that way.
  await expect(page.locator('.prompt .question').first()).toHaveText('What do I see, from where I stand?');
  await page.getByLabel('Your answer').fill('Too many priorities');
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Another prompt' }).click();
  await expect(page.locator('.prompt .question').first()).toHaveText('What would I say is the real problem?');
  await check(page, 'empathy');
  await expect(results(page)).toContainText('Too many priorities');
});

test('perspective shifts: lenses with notes and ideas', async ({ page }) => {
  await page.goto('/#/exercise/perspectives');
  await page.getByLabel('In your own words').fill('Meetings run long');
  await next(page);
  await page.getByRole('button', { name: 'Draw the first prompt' }).click();
  await page.getByLabel('Your answer').fill('They would want a clear agenda');
  await page.getByLabel('A new option or idea it reveals (optional)').fill('Send the agenda a day early');
  await check(page, 'perspectives');
  await expect(results(page)).toContainText('Send the agenda a day early');
});

test('storytelling: turns alternate, then become actions', async ({ page }) => {
  await page.goto('/#/exercise/story');
  await page.getByRole('radio', { name: /It was the last week before the deadline/ }).check();
  await next(page);
  await expect(page.getByText("Person A's turn")).toBeVisible();
  await page.getByLabel('Next line of the story').fill('the team stopped all meetings for a week');
  await page.getByLabel('Next line of the story').press('Enter');
  await expect(page.getByText("Person B's turn")).toBeVisible();
  await page.getByLabel('Next line of the story').fill('and shipped on Thursday.');
  await page.getByRole('button', { name: 'Add to the story' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Person B:' })).toContainText('shipped on Thursday');
  // A line being typed is kept, even through a reload.
  await page.getByLabel('Next line of the story').fill('Then the phones');
  await page.reload();
  await expect(page.getByLabel('Next line of the story')).toHaveValue('Then the phones');
  await check(page, 'story');
  await next(page);
  await page.getByLabel('Notes').fill('Try a meeting-free Wednesday');
  await expect(results(page)).toContainText('Try a meeting-free Wednesday');
  // The story is labelled as the story, not as the next line to write.
  await expect(results(page).getByRole('term')).toContainText(['The story']);
  await expect(results(page).getByRole('term').filter({ hasText: 'Next line of the story' })).toHaveCount(0);
});

test('FeedForward: rules, ideas for the future, starred', async ({ page }) => {
  await page.goto('/#/exercise/feedforward');
  await page.getByLabel('In your own words').fill('Listening without interrupting');
  await next(page);
  await expect(page.getByText('Ideas are about the future only: nothing about the past.')).toBeVisible();
  await next(page);
  for (const [from, idea] of [['Jonas', 'Count to three before answering'], ['Mia', 'Ask one question first']]) {
    await page.getByLabel('From (optional)').fill(from);
    await page.getByLabel('Idea', { exact: true }).fill(idea);
    await page.getByRole('button', { name: 'Add the idea' }).click();
  }
  await check(page, 'feedforward');
  // The step that asks to star the ideas shows them, with their stars.
  await next(page);
  await step(page, 'Pick what to try');
  await expect(page.getByText('Star the ideas worth trying first.')).toBeVisible();
  await page.getByRole('button', { name: /Worth trying: Ask one question first/ }).click();
  await expect(page.getByRole('button', { name: /Worth trying: Ask one question first/ })).toHaveAttribute('aria-pressed', 'true');
  await check(page, 'feedforward-pick');
  // Starring one keeps the others: the starred one first, marked.
  await expect(results(page).getByRole('definition')).toHaveText([
    'Listening without interrupting',
    'Ask one question first (Mia)',
    'Count to three before answering (Jonas)',
  ]);
  await expect(results(page).getByRole('term')).toHaveText(['Name one behaviour', '★ Worth trying', 'Idea']);

  // Finish ends the run and shows what it captured.
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Finished' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Next step' })).toBeHidden();
  await expect(results(page)).toContainText('Count to three before answering');
  await check(page, 'feedforward-finished');
  // Starting again keeps this run among the earlier runs; a reload too.
  await page.getByRole('button', { name: 'Start again' }).click();
  await step(page, 'Name one behaviour');
  await expect(page.getByLabel('In your own words')).toHaveValue('');
  const earlier = page.getByRole('region', { name: 'Earlier runs' });
  await expect(earlier.getByRole('listitem')).toHaveCount(1);
  await page.reload();
  await expect(earlier.getByRole('listitem')).toHaveCount(1);
  await earlier.getByText(/^Run of /).click();
  await expect(earlier).toContainText('Ask one question first (Mia)');
  await expect(earlier).toContainText('Count to three before answering (Jonas)');
  await check(page, 'feedforward-earlier');
  // A second run finished and started again: both earlier runs are kept.
  await page.getByLabel('In your own words').fill('Saying no kindly');
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(earlier.getByRole('listitem')).toHaveCount(2);
});

test('quick ask: the goal, what worked, ideas, one thing to try', async ({ page }) => {
  await page.goto('/#/exercise/quick-ask');
  await page.getByLabel('In your own words').fill('Giving shorter status updates');
  await next(page);
  await page.getByLabel('Notes').fill('Writing them down first helped');
  await next(page);
  await page.getByLabel('Idea', { exact: true }).fill('Use three bullet points');
  await page.getByRole('button', { name: 'Add the idea' }).click();
  await next(page);
  await page.getByLabel('Notes').fill('Three bullets at Monday stand-up');
  await check(page, 'quick-ask');
  // In the order it was asked: what has worked so far, then the ideas.
  await expect(results(page).getByRole('definition')).toHaveText([
    'Giving shorter status updates',
    'Writing them down first helped',
    'Use three bullet points',
    'Three bullets at Monday stand-up',
  ]);
});

test('exercise screens at phone size: no sideways scrolling, axe clean', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const slug of ['role-play', 'what-if', 'story', 'feedforward']) {
    await page.goto(`/#/exercise/${slug}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, `exercise-${slug}`);
    await expectNoA11yViolations(page, `${slug} at 390px`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
});

test('exercise screens in dark mode: axe clean', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/#/exercises');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await expectNoA11yViolations(page, 'library (dark)');
  for (const slug of ['role-play', 'feedforward']) {
    await page.goto(`/#/exercise/${slug}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectNoA11yViolations(page, `${slug} (dark)`);
  }
});
