// One session on two screens: two people (two browser contexts) connect
// with one invitation and one reply, then run the reciprocal hour live.
// What either types, ticks or starts shows on the other screen; the same
// field typed on both at once keeps every key of both; the time-box is one
// clock; a dropped connection loses no edit made while apart; each side's
// private notes stay its own. No request leaves 127.0.0.1 (`nothingLeaves`).
import { expect, test, type Page } from './fixtures';
import { A, B, HALF_A, HALF_B, agree, heading, next, runHalf, startSession } from './flow';
import { expectNoA11yViolations, screenshot } from './helpers';
import { connectDirectly, person } from './people';

connectDirectly();

const main = (p: Page) => p.getByRole('main');
const connected = (p: Page, other: string) =>
  expect(main(p).getByText(`Connected with ${other}`, { exact: true })).toBeVisible();

/** A invites from the session on screen; B (a new page, or `b`) answers;
 * A pastes the reply. Returns B's page once both are connected and B is
 * on the session. */
async function connect(a: Page, b: Page): Promise<{ link: string; reply: string }> {
  const make = a.getByRole('button', { name: 'Make the invitation' });
  if (!(await make.isVisible())) {
    await a.getByRole('button', { name: 'Work together', exact: true }).click();
  }
  await make.click();
  const field = a.getByLabel('Invitation link');
  await expect(field).toHaveValue(/#j1\./);
  const link = await field.inputValue();
  await b.goto(link);
  await b.getByLabel('Your first name').fill(B);
  await b.getByRole('button', { name: 'Make my reply code' }).click();
  await expect(b.getByLabel('Your reply code')).toHaveValue(/^a1\./);
  const reply = await b.getByLabel('Your reply code').inputValue();
  await a.getByLabel('Paste the reply here').fill(reply);
  await a.getByRole('button', { name: 'Connect' }).click();
  await connected(a, B);
  await connected(b, A);
  return { link, reply };
}

/** Both screens show the same value in the field labelled `label`. */
async function same(a: Page, b: Page, label: string, value: string | RegExp) {
  await expect(a.getByLabel(label, { exact: true })).toHaveValue(value);
  await expect(b.getByLabel(label, { exact: true })).toHaveValue(value);
}

/** The session as each device stored it, without what is the device's own. */
async function stored(p: Page): Promise<unknown> {
  return p.evaluate(() => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('peer-coach.session.'));
    const records = keys.map((k) => JSON.parse(localStorage.getItem(k)!));
    return records.map((r) => {
      // Which copy it is, and the lane of ids it numbers new items in,
      // are each device's own.
      const { copy_of, item_lane, ...rest } = r.data;
      void copy_of;
      void item_lane;
      return rest;
    });
  });
}

/** A stored session split into its clock moments and the rest. */
function split(value: unknown): { rest: string; moments: number[] } {
  const moments: number[] = [];
  const rest = JSON.stringify(value, (key, v) => {
    if (['created_ms', 'ended_ms', 'running_since'].includes(key) && typeof v === 'number') {
      moments.push(v);
      return 'moment';
    }
    return v;
  });
  return { rest, moments };
}

test('two people run the reciprocal hour live with two pastes, and end with one session', async ({ browser }) => {
  test.slow();
  const a = await person(browser);
  await a.goto('/');
  await startSession(a);
  const b = await person(browser);
  const codes = await connect(a, b);
  console.log(`invitation link ${codes.link.length} characters, reply code ${codes.reply.length}`);

  // B came straight to the session, at the agreement, and ticks there.
  await heading(b, 'Our agreement');
  await b.getByRole('checkbox', { name: `${B} agrees` }).check();
  await expect(a.getByRole('checkbox', { name: `${B} agrees` })).toBeChecked();
  await a.getByRole('checkbox', { name: `${A} agrees` }).check();
  await expect(b.getByRole('checkbox', { name: `${A} agrees` })).toBeChecked();
  await a.getByRole('button', { name: 'Continue to Goal' }).click();
  await heading(b, 'Goal');
  // A move is said to B's screen reader.
  await expect(b.locator('[aria-live="polite"][aria-atomic="true"]')).toHaveText(`${A} went to Goal.`);

  // Different fields at the same moment: every key of both, on both.
  const topic = 'Quieter people speak up';
  const outcome = 'Two things to try on Tuesday';
  await a.getByLabel('Topic', { exact: true }).click();
  await b.getByLabel('Outcome for today').click();
  await Promise.all([
    a.getByLabel('Topic', { exact: true }).pressSequentially(topic, { delay: 30 }),
    b.getByLabel('Outcome for today').pressSequentially(outcome, { delay: 30 }),
  ]);
  await same(a, b, 'Topic', topic);
  await same(a, b, 'Outcome for today', outcome);

  // B's caret stays where B types while A writes at the end of the field.
  const bTopic = b.getByLabel('Topic', { exact: true });
  await bTopic.click();
  await bTopic.press('Home');
  await a.getByLabel('Topic', { exact: true }).press('End');
  await a.getByLabel('Topic', { exact: true }).pressSequentially(' in meetings', { delay: 30 });
  await expect(bTopic).toHaveValue(`${topic} in meetings`);
  await bTopic.pressSequentially('How: ', { delay: 30 });
  await same(a, b, 'Topic', `How: ${topic} in meetings`);

  // The same field typed on both screens at once: both keep every key.
  await a.getByLabel('Topic', { exact: true }).fill('');
  await same(a, b, 'Topic', '');
  await a.getByLabel('Topic', { exact: true }).click();
  await bTopic.click();
  const LEFT = 'left words';
  const RIGHT = 'RIGHT WORDS';
  await Promise.all([
    a.getByLabel('Topic', { exact: true }).pressSequentially(LEFT, { delay: 40 }),
    bTopic.pressSequentially(RIGHT, { delay: 40 }),
  ]);
  // The same on both screens, both texts kept, as the README promises on
  // a slow, loaded connection (the native property tests state the
  // exact case, each key heard before the other side's next): a letter
  // only one of them typed is there as often as typed; a letter both
  // typed (here the space) at least once, since one typed by both at one
  // place at the same moment can show once; nothing but what was typed,
  // and no letter more than twice as often as typed.
  const letters = (s: string) => {
    const counts = new Map<string, number>();
    for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
    return counts;
  };
  const typed = letters(LEFT + RIGHT);
  await expect(async () => {
    const final = await a.getByLabel('Topic', { exact: true }).inputValue();
    expect(await bTopic.inputValue()).toBe(final);
    const kept = letters(final);
    for (const [c, n] of typed) {
      const both = LEFT.includes(c) && RIGHT.includes(c);
      expect(kept.get(c) ?? 0, `every "${c}" typed is kept`).toBeGreaterThanOrEqual(both ? 1 : n);
    }
    for (const [c, n] of kept) expect(n, `"${c}" was typed, and shows at most twice as often`).toBeLessThanOrEqual(2 * (typed.get(c) ?? 0));
  }).toPass();
  await screenshot(a, 'live-same-field');

  // One clock: A starts it, B sees it run and pauses it, A sees it paused
  // with the same time left; B adds a minute, A sees it.
  await a.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(b.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(b.locator('[aria-live="polite"][aria-atomic="true"]')).toHaveText(`${A} started the time-box.`);
  await b.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(a.getByRole('button', { name: /^(Start|Resume)$/ })).toBeVisible();
  const left = async (p: Page) => (await p.getByRole('timer').first().textContent())?.trim();
  await expect.poll(async () => (await left(a)) === (await left(b))).toBe(true);
  const before = await left(a);
  await b.getByRole('button', { name: '+1 minute' }).click();
  await expect.poll(() => left(a)).not.toBe(before);
  await expect.poll(async () => (await left(a)) === (await left(b))).toBe(true);

  // Each side's private notes are its own: they never travel.
  await a.getByLabel('My private notes').fill('A only: she hesitated before answering');
  await b.getByLabel('My private notes').fill('B only: ask about Tuesday');

  // A runs the first half; B's screen follows to Will with the plan.
  await a.getByLabel('Topic', { exact: true }).fill(HALF_A.topic);
  await runHalf(a, HALF_A);
  await heading(b, 'Will');
  await expect(b.getByRole('group', { name: 'Action 2' }).getByLabel('What')).toHaveValue(HALF_A.actions[1].what);
  await expectNoA11yViolations(b, 'live, following');

  // The swap; B runs the second half from B's screen.
  await next(a, 'Go to the swap');
  await heading(b, 'Swap roles');
  await b.getByRole('button', { name: 'Start the second half' }).click();
  await heading(a, 'Goal');
  await runHalf(b, HALF_B);
  await heading(a, 'Will');
  await same(a, b, 'What would make it a 7?', HALF_B.raise!);

  // The connection drops (B leaves); both keep working apart; a new
  // invitation brings both up to date with every edit.
  await b.getByRole('button', { name: 'Leave' }).click();
  await expect(main(a).getByText(`${B} left. You can keep working; to work together again, make a new invitation.`)).toBeVisible();
  await expect(a.locator('[aria-live="polite"][aria-atomic="true"]')).toHaveText(/^Jonas left\./);
  await a.getByRole('group', { name: 'Action 1' }).getByLabel('What').fill(`${HALF_B.actions[0].what} (A's wording)`);
  await b.getByLabel('What would make it a 7?').fill('Practising the sentence twice');
  await connect(a, b);
  await heading(b, 'Will');
  await same(a, b, 'What would make it a 7?', 'Practising the sentence twice');
  await expect(b.getByRole('group', { name: 'Action 1' }).getByLabel('What')).toHaveValue(`${HALF_B.actions[0].what} (A's wording)`);

  // Wrap-up, then both devices hold the same session.
  await next(a, 'Go to the wrap-up');
  await heading(b, 'Wrap-up');
  // The moments of the time-boxes are each device's own clock, translated
  // (within a second); everything else is identical.
  await expect(async () => {
    const [mine, theirs] = [split(await stored(a)), split(await stored(b))];
    expect(theirs.rest).toEqual(mine.rest);
    expect(theirs.moments.length).toBe(mine.moments.length);
    mine.moments.forEach((t, i) => expect(Math.abs(t - theirs.moments[i])).toBeLessThan(1000));
  }).toPass({ timeout: 15_000 });
  // The private notes stayed where they were written.
  const notes = async (p: Page) => p.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('peer-coach.private.')).map((k) => localStorage.getItem(k)).join(' '));
  expect(await notes(a)).toContain('A only');
  expect(await notes(a)).not.toContain('B only');
  expect(await notes(b)).toContain('B only');
  expect(await notes(b)).not.toContain('A only');
  await screenshot(a, 'live-wrap-a');
  await screenshot(b, 'live-wrap-b');
});
