// Steps of a session as a person takes them, by role and label, shared by
// the journeys. Texts come from the reference session (shared/reference-session.md).
import { expect, type Page } from '@playwright/test';

export const A = 'Amara';
export const B = 'Jonas';

/** The label of a group's or a round's i-th name field (from 0): the name
 *  the session gives that person if none is typed, "Person A" on. */
export const personLabel = (i: number) => `Person ${String.fromCharCode(65 + i)}`;

export async function startSession(page: Page, opts: { format?: 'Reciprocal' | 'One-way'; total?: number } = {}) {
  await page.getByRole('button', { name: 'Start a session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your session' })).toBeVisible();
  if (opts.format) await page.getByRole('radio', { name: opts.format }).check();
  await page.getByLabel("Person A's first name").fill(A);
  await page.getByLabel("Person B's first name").fill(B);
  if (opts.total) {
    await page.getByLabel('Total length in minutes').fill(String(opts.total));
    await page.getByLabel('Total length in minutes').press('Tab');
  }
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Our agreement' })).toBeVisible();
}

export async function agree(page: Page) {
  await page.getByRole('checkbox', { name: `${A} agrees` }).check();
  await page.getByRole('checkbox', { name: `${B} agrees` }).check();
  await page.getByRole('button', { name: 'Continue to Goal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Goal' })).toBeVisible();
}

export async function heading(page: Page, name: string) {
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

export async function next(page: Page, name = 'Next phase') {
  await page.getByRole('button', { name, exact: true }).click();
}

export type Half = {
  topic: string;
  outcome: string;
  reality: string;
  options: { text: string; pros?: string[]; cons?: string[]; chosen?: boolean }[];
  actions: { what: string; due?: string; first?: string }[];
  confidence: number;
  raise?: string;
};

export const HALF_A: Half = {
  topic: 'Running our weekly team meeting so that quieter people speak up',
  outcome: "Two concrete things to try at next Tuesday's meeting",
  reality:
    'Eight people, fifty minutes, mostly status updates. Two senior engineers do most of the talking. ' +
    'I tried a round-robin once; it felt forced and ran long.',
  options: [
    { text: 'Send the agenda a day early and ask each person to add one item.', pros: ['People can prepare'], cons: ['Some will not read it'], chosen: true },
    { text: 'Start with a two-minute silent writing round on a shared board.', pros: ['Everyone contributes at once'], cons: ['Feels unusual at first'], chosen: true },
    { text: 'Rotate who chairs the meeting each week.' },
  ],
  actions: [
    { what: 'Send the agenda with a request for one item each', due: '2026-03-16' },
    { what: 'Run a two-minute silent writing round at the start', due: '2026-03-17', first: 'Set up the board' },
  ],
  confidence: 7,
};

export const HALF_B: Half = {
  topic: 'Saying no to extra requests from the sales team without damaging the relationship',
  outcome: 'A sentence I can actually use, and a rule for when to use it',
  reality: 'About five ad-hoc requests a week, each "only ten minutes", together most of Friday.',
  options: [
    { text: 'Offer a fixed weekly slot for sales questions.', pros: ['Predictable'], chosen: true },
    { text: 'Reply with the trade-off: "I can do this if X moves to next week".', cons: ['Puts the decision back on my manager'], chosen: true },
  ],
  actions: [{ what: 'Propose a Thursday 30-minute office hour to the sales leads', due: '2026-03-13' }],
  confidence: 6,
  raise: 'Practising the sentence once with Amara',
};

/** Fill in one half's four phases, from Goal to Will; stays on Will. */
export async function runHalf(page: Page, half: Half) {
  await heading(page, 'Goal');
  await page.getByLabel('Topic', { exact: true }).fill(half.topic);
  await page.getByLabel('Outcome for today').fill(half.outcome);
  await next(page);
  await heading(page, 'Reality');
  await page.getByLabel('Notes on the situation').fill(half.reality);
  await next(page);
  await heading(page, 'Options');
  for (const [i, option] of half.options.entries()) {
    await page.getByLabel('New option').fill(option.text);
    await page.getByLabel('New option').press('Enter');
    const n = i + 1;
    await expect(page.getByRole('textbox', { name: `Option ${n}`, exact: true })).toHaveValue(option.text);
    for (const [j, pro] of (option.pros ?? []).entries()) {
      await page.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: `Option ${n}`, exact: true }) })
        .getByRole('button', { name: '+ Add a pro' }).click();
      await page.getByRole('textbox', { name: `Pro ${j + 1} of option ${n}` }).fill(pro);
    }
    for (const [j, con] of (option.cons ?? []).entries()) {
      await page.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: `Option ${n}`, exact: true }) })
        .getByRole('button', { name: '+ Add a con' }).click();
      await page.getByRole('textbox', { name: `Con ${j + 1} of option ${n}` }).fill(con);
    }
    if (option.chosen) await page.getByRole('checkbox', { name: `Chosen option ${n}` }).check();
  }
  await next(page);
  await heading(page, 'Will');
  for (const [i, action] of half.actions.entries()) {
    await page.getByRole('button', { name: '+ Add an action' }).click();
    const group = page.getByRole('group', { name: `Action ${i + 1}` });
    await expect(group.getByLabel('What')).toBeFocused();
    await group.getByLabel('What').fill(action.what);
    if (action.due) await group.getByLabel('Due date').fill(action.due);
    if (action.first) await group.getByLabel('First step (optional)').fill(action.first);
  }
  await page.getByRole('radio', { name: String(half.confidence), exact: true }).check();
  if (half.raise) {
    await page.getByLabel(`What would make it a ${half.confidence + 1}?`).fill(half.raise);
  }
}
