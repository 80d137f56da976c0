// Two tabs of one session typing at the same moment: every key of both
// stays, each field's text in order; the same field typed in both at once
// is said (both changes kept, joined). Each field is a register stamped
// with its last change (`domain::merge::registers`), merged on every save
// and storage event.
import { expect, test } from './fixtures';
import { agree, heading, startSession } from './flow';
import type { BrowserContext, Page } from '@playwright/test';
import { screenshot } from './helpers';

async function twoTabs(context: BrowserContext): Promise<[Page, Page]> {
  const one = await context.newPage();
  await one.goto('/');
  await startSession(one);
  await agree(one);
  const two = await context.newPage();
  await two.goto(one.url());
  await heading(two, 'Goal');
  return [one, two];
}

test('two tabs typing in different fields at the same moment lose no key', async ({ context }) => {
  // A long journey: three times the budget of one (playwright.config.ts).
  test.slow();
  const [one, two] = await twoTabs(context);
  const topic = one.getByLabel('Topic', { exact: true });
  const outcome = two.getByLabel('Outcome for today');
  await topic.click();
  await outcome.click();
  // Both type at once, a key every 40 ms, as in the report.
  const TOPIC = 'ABCDEFGHIJ abcdefghij';
  const OUTCOME = '0123456789 klmnopqrst';
  await Promise.all([
    topic.pressSequentially(TOPIC, { delay: 40 }),
    outcome.pressSequentially(OUTCOME, { delay: 40 }),
  ]);

  // Each tab shows both texts whole, and so does the stored record.
  for (const page of [one, two]) {
    await expect(page.getByLabel('Topic', { exact: true })).toHaveValue(TOPIC);
    await expect(page.getByLabel('Outcome for today')).toHaveValue(OUTCOME);
    await expect(page.getByText('The same field was changed here and in another tab')).toHaveCount(0);
  }
  await two.reload();
  await heading(two, 'Goal');
  await expect(two.getByLabel('Topic', { exact: true })).toHaveValue(TOPIC);
  await expect(two.getByLabel('Outcome for today')).toHaveValue(OUTCOME);
  await screenshot(one, 'two-tabs');
});

test('the same field typed in two tabs at once is said, never silently lost', async ({ context }) => {
  // A long journey: three times the budget of one (playwright.config.ts).
  test.slow();
  const [one, two] = await twoTabs(context);
  const here = one.getByLabel('Topic', { exact: true });
  const there = two.getByLabel('Topic', { exact: true });
  const LEFT = 'left side words';
  const RIGHT = 'RIGHT SIDE WORDS';
  await here.click();
  await there.click();
  await Promise.all([
    here.pressSequentially(LEFT, { delay: 40 }),
    there.pressSequentially(RIGHT, { delay: 40 }),
  ]);
  // Both tabs end with one and the same text. Every key of both is in it
  // (the tabs took turns), or a tab whose keys were written over says so.
  let final = '';
  await expect(async () => {
    final = await here.inputValue();
    expect(await there.inputValue()).toBe(final);
  }).toPass();
  const sorted = (s: string) => [...s].sort().join('');
  const notice = (page: Page) => page.getByText('The same field was changed here and in another tab');
  if (sorted(final) !== sorted(LEFT + RIGHT)) {
    await expect(async () => {
      const shown = (await notice(one).count()) + (await notice(two).count());
      expect(shown).toBeGreaterThan(0);
    }).toPass();
  }
  const page = (await notice(one).count()) > 0 ? one : two;
  await screenshot(page, 'two-tabs-same-field');
});
