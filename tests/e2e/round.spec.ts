// A FeedForward round with four people: each names a behaviour, each other
// person gives one or two ideas within a two-minute time-box (the cue when
// it is up), the ideas collected per person, downloaded and kept on reload.
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { heading, personLabel } from './flow';
import { expectNoA11yViolations, screenshot } from './helpers';

const PEOPLE = ['Amara', 'Jonas', 'Mia', 'Lee'];
const BEHAVIOURS = [
  'Interrupting people in meetings',
  'Saying yes to every request',
  'Leaving feedback until the review',
  'Answering mail late at night',
];

test('a FeedForward round of four: behaviours, ideas in turn with a time-box, ideas per person', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-24T15:00:00') });
  await page.goto('/#/exercise/feedforward');
  await page.getByRole('link', { name: 'With three or more people: a FeedForward round' }).click();
  await heading(page, 'FeedForward round');
  await expect(page.getByText('No rounds yet.')).toBeVisible();
  for (const [i, name] of PEOPLE.entries()) await page.getByLabel(personLabel(i), { exact: true }).fill(name);
  await expect(page.getByLabel('Time for each person\'s ideas')).toHaveValue('2');
  await expectNoA11yViolations(page, 'round setup');
  await page.getByRole('button', { name: 'Start the round' }).click();
  await expect(page).toHaveURL(/#\/round\/1$/);

  for (const [p, name] of PEOPLE.entries()) {
    const title = page.getByRole('heading', { level: 2, name: `${name} names a behaviour` });
    await expect(title).toBeFocused();
    await page.getByLabel(`What ${name} wants to do differently`).fill(BEHAVIOURS[p]);
    await page.getByRole('button', { name: 'Next step' }).click();
    for (let k = 1; k < PEOPLE.length; k++) {
      const giver = PEOPLE[(p + k) % PEOPLE.length];
      const last = p === PEOPLE.length - 1 && k === PEOPLE.length - 1;
      await expect(page.getByRole('heading', { level: 2, name: `${giver}'s ideas for ${name}` })).toBeVisible();
      await expect(page.getByText(`${name} only listens and says “thank you”.`)).toBeVisible();
      const box = page.getByRole('group', { name: `Time for ${giver}'s ideas` });
      await expect(box.getByRole('timer')).toHaveText('2:00');
      if (p === 0 && k === 1) {
        // The time-box: start, run out, the cue; the next giver's runs on.
        await box.getByRole('button', { name: 'Start' }).click();
        await page.clock.fastForward('02:01');
        await expect(page.getByText(`Time is up for ${giver}'s ideas for ${name}.`)).toBeAttached();
        await expect(box.getByRole('timer')).toHaveText('+0:01');
        await expectNoA11yViolations(page, 'round giving');
        await screenshot(page, 'round-give');
      }
      await page.getByLabel(`${giver}'s first idea`).fill(`${giver} to ${name}: idea one`);
      if (k === 1) await page.getByLabel(`${giver}'s second idea (optional)`).fill(`${giver} to ${name}: idea two`);
      await page.getByRole('button', { name: last ? "See everyone's ideas" : 'Next step' }).click();
      if (p === 0 && k === 1) {
        await expect(page.getByRole('group', { name: 'Time for Mia\'s ideas' }).getByRole('button', { name: 'Pause' })).toBeVisible();
        await page.getByRole('group', { name: 'Time for Mia\'s ideas' }).getByRole('button', { name: 'Pause' }).click();
      }
    }
  }

  await expect(page.getByRole('heading', { level: 2, name: 'The ideas, per person' })).toBeFocused();
  const amara = page.getByRole('region', { name: 'Amara' });
  await expect(amara).toContainText(BEHAVIOURS[0]);
  await expect(amara.getByRole('listitem')).toHaveText([
    'Jonas to Amara: idea one (Jonas)',
    'Jonas to Amara: idea two (Jonas)',
    'Mia to Amara: idea one (Mia)',
    'Lee to Amara: idea one (Lee)',
  ]);
  await expect(page.getByRole('region', { name: 'Lee' }).getByRole('listitem')).toHaveCount(4);
  await expectNoA11yViolations(page, 'round results');
  await screenshot(page, 'round-results');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as Markdown' }).click(),
  ]);
  // Named for what it is: a Markdown file.
  expect(download.suggestedFilename()).toMatch(/\.md$/);
  const md = await readFile((await download.path())!, 'utf8');
  expect(md).toContain('# FeedForward round, ');
  expect(md).toContain(`## Amara: ${BEHAVIOURS[0]}\n\n- Jonas to Amara: idea one (Jonas)\n- Jonas to Amara: idea two (Jonas)`);

  // Kept on this device: after a reload, and in the list of rounds.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Amara' }).getByRole('listitem')).toHaveCount(4);
  await page.getByRole('link', { name: 'All FeedForward rounds' }).click();
  await expect(page.getByRole('link', { name: /Amara, Jonas, Mia & Lee/ })).toBeVisible();
});
