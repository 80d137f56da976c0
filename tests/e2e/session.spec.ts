// Journeys through a whole session, as two colleagues on a call run it.
import { expect, test } from './fixtures';
import { A, B, HALF_A, HALF_B, agree, heading, next, runHalf, startSession } from './flow';
import { screenshot } from './helpers';

test('a complete reciprocal session, with the clock fast-forwarded', async ({ page }) => {
  // A long journey: three times the budget of one (playwright.config.ts).
  test.slow();
  // The fake clock also runs in real time: the seconds the journey itself
  // takes (a minute or more on a slow machine) count as session time.
  await page.clock.install({ time: new Date('2026-03-10T09:00:00') });
  await page.goto('/');
  await startSession(page);
  await agree(page);

  // Goal runs out: a visual change, an announcement, overtime counting on.
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.clock.fastForward('05:02');
  const timebox = page.getByRole('group', { name: 'Time for Goal' });
  await expect(timebox).toContainText('Time is up');
  await expect(timebox.getByRole('timer')).toHaveText(/^\+0:0\d$/);
  await expect(page.getByRole('status').filter({ hasText: /^Time is up for Goal\.$/ })).toHaveCount(1);
  await page.getByRole('button', { name: '+1 minute' }).click();
  await expect(timebox.getByRole('timer')).toHaveText(/^(1:00|0:5\d)$/);

  // The first half runs well over: about 36 minutes on Goal.
  await page.clock.fastForward('31:00');
  await runHalf(page, HALF_A);
  await next(page, 'Go to the swap');

  await heading(page, 'Swap roles');
  await expect(page.getByText(`${A} now coaches ${B}.`)).toBeVisible();
  // Six minutes late or more (the journey's own seconds), and the late and
  // the left always make the half's 30 minutes.
  const late = page.getByText(/running \d+ minutes late\. \d+ minutes of it are left/);
  await expect(late).toBeVisible();
  const [, lateBy, left] = (await late.textContent())!.match(/running (\d+) minutes late\. (\d+) minutes/)!.map(Number);
  expect(lateBy).toBeGreaterThanOrEqual(6);
  expect(lateBy + left).toBe(30);
  // The session clock is on the swap too, with the end as a time of day.
  await expect(page.locator('.session-clock')).toContainText(/ends 10:00/);
  await expect(page.getByRole('radio', { name: 'Shorten its phases to fit the time left' })).toBeChecked();
  await page.getByRole('button', { name: 'Start the second half' }).click();

  // The second half was shortened in proportion: Goal has its 5 minutes
  // times left/30 (4:00 when six minutes late).
  await heading(page, 'Goal');
  await expect(page.getByText(`${A} is coaching ${B}`)).toBeVisible();
  const [m, sec] = (await page.getByRole('timer').textContent())!.split(':').map(Number);
  expect(m * 60 + sec).toBeLessThanOrEqual(Math.round((5 * 60 * left) / 30));
  expect(m * 60 + sec).toBeGreaterThanOrEqual(Math.round((5 * 60 * left) / 30) - 60);
  await runHalf(page, HALF_B);
  await next(page, 'Go to the wrap-up');

  await heading(page, 'Wrap-up');
  const first = page.getByRole('region', { name: `${A}'s topic, coached by ${B}` });
  const second = page.getByRole('region', { name: `${B}'s topic, coached by ${A}` });
  await expect(first).toContainText(HALF_A.topic);
  for (const action of HALF_A.actions) await expect(first).toContainText(action.what);
  // As the browser (en-US here) writes dates, never as ISO.
  await expect(first).toContainText('due Mar 16, 2026');
  await expect(first).not.toContainText('2026-03-16');
  await expect(first).toContainText('first step: Set up the board');
  await expect(first).toContainText('7 / 10');
  await expect(first.getByRole('listitem')).toContainText([HALF_A.options[0].text, HALF_A.options[1].text]);
  await expect(second).toContainText(HALF_B.actions[0].what);
  await expect(second).toContainText(`owner ${B}`);
  await expect(second).toContainText('6 / 10');
  await expect(second).toContainText(HALF_B.raise!);

  await page.getByRole('group', { name: `${A}: how useful was this session?` }).getByRole('radio', { name: '5' }).check();
  await page.getByLabel(`${A}: one sentence to remember`).fill('Writing the options down made me see I had more than one.');
  await page.getByRole('group', { name: `${B}: how useful was this session?` }).getByRole('radio', { name: '4' }).check();

  // The print view is the action plan alone.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Session steps' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print the action plan' })).toBeHidden();
  await expect(first).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // Any step can be revisited, and nothing was lost on the way.
  await page.getByRole('button', { name: `${B} coaches ${A}: Options` }).click();
  await heading(page, 'Options');
  await expect(page.getByRole('textbox', { name: 'Option 3', exact: true })).toHaveValue(HALF_A.options[2].text);
});

test('a reload in the middle of a phase restores text, phase, focus and a running timer', async ({ page }) => {
  await page.goto('/');
  await startSession(page);
  await agree(page);
  await next(page);
  await heading(page, 'Reality');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const notes = page.getByLabel('Notes on the situation');
  await notes.fill('Two senior engineers do most of the talking.');
  const timer = page.getByRole('timer');
  const seconds = (face: string | null) => {
    const [m, s] = (face ?? '').split(':').map(Number);
    return m * 60 + s;
  };
  // The clock has run for two seconds at least before the reload.
  await expect.poll(async () => seconds(await timer.textContent())).toBeLessThanOrEqual(8 * 60 - 2);
  const beforeReload = seconds(await timer.textContent());
  await page.reload();

  await heading(page, 'Reality');
  await expect(notes).toHaveValue('Two senior engineers do most of the talking.');
  await expect(notes).toBeFocused();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // It went on counting down through the reload (however slow the machine).
  expect(seconds(await timer.textContent())).toBeLessThanOrEqual(beforeReload);
  const before = await timer.textContent();
  await expect(timer).not.toHaveText(before!);

  // Pausing holds the clock through another reload.
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await timer.textContent();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(timer).toHaveText(paused!);
});

test('a new session keeps the one before', async ({ page }) => {
  await page.goto('/');
  await startSession(page);
  await agree(page);
  await page.getByLabel('Topic', { exact: true }).fill(HALF_A.topic);
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await expect(page.getByRole('button', { name: 'Continue the session' })).toBeVisible();
  await startSession(page, { format: 'One-way', total: 45 });
  await page.getByRole('button', { name: 'Skip the agreement' }).click();
  await heading(page, 'Goal');
  await expect(page.getByRole('timer')).toHaveText('8:00');
  // One-way: one half, no swap.
  const steps = page.getByRole('navigation', { name: 'Session steps' });
  await expect(steps.getByRole('button')).toHaveText(['Agreement', 'Goal', 'Reality', 'Options', 'Will', 'Wrap-up']);
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await expect(page.getByRole('link', { name: new RegExp(HALF_A.topic) })).toBeVisible();
  await page.getByRole('link', { name: new RegExp(HALF_A.topic) }).click();
  await expect(page.getByLabel('Topic', { exact: true })).toHaveValue(HALF_A.topic);
});

test('with storage disabled the app runs in memory and says so once', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  const notice = page.getByRole('status').filter({ hasText: 'nothing will be kept after you close the page' });
  await expect(notice).toBeVisible();
  await startSession(page);
  await agree(page);
  await page.getByLabel('Topic', { exact: true }).fill('Still works');
  await expect(page.getByLabel('Topic', { exact: true })).toHaveValue('Still works');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
});

test('an unknown session link says so and offers the way home', async ({ page }) => {
  await page.goto('/#/session/nope123');
  await expect(page.getByRole('alert')).toContainText('not on this device');
  await page.getByRole('button', { name: 'Home' }).click();
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeVisible();
});

test('the session clock counts real time, says when the session ends and when it is past its length; +1 minute in overtime is 1:00 left', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-10T09:00:00') });
  await page.goto('/');
  await startSession(page);
  // The agreement counts: the clock runs and says when the session ends.
  const agreementClock = page.locator('.session-clock');
  await expect(agreementClock).toContainText(/ends 10:00/);
  await page.clock.fastForward('04:00');
  await expect(agreementClock).toContainText(/^Session 4:0\d of 1:00:00/);
  await agree(page);

  const timebox = page.getByRole('group', { name: 'Time for Goal' });
  await expect(timebox).toContainText(/Session 4:0\d of 1:00:00 · ends 10:00/);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.clock.fastForward('15:30');
  await expect(timebox.getByRole('timer')).toHaveText(/^\+10:3\d$/);
  // One more minute means a minute left, however far over.
  await page.getByRole('button', { name: '+1 minute' }).click();
  await expect(timebox.getByRole('timer')).toHaveText(/^(1:00|0:5\d)$/);
  await expect(timebox).not.toContainText('Time is up');
  // A pause counts for the session: an hour later it is past its length,
  // said in words, not only in grey.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.clock.fastForward('45:00');
  await expect(timebox.getByRole('timer')).toHaveText(/^(1:00|0:5\d)$/);
  await expect(timebox.locator('.session-past')).toHaveText(/past the session's length/);
  await expect(timebox).toContainText(/Session 1:04:\d\d of 1:00:00/);
  await screenshot(page, 'session-past-length');
});

for (const { width, height, name } of [
  { width: 360, height: 640, name: 'phone' },
  { width: 1280, height: 720, name: 'desktop' },
]) {
  test(`the time-box stays in view on a ${name}, with the airtime panel open and scrolled to the notes`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await startSession(page);
    await agree(page);
    await page.getByRole('button', { name: 'Airtime' }).click();
    await expect(page.getByRole('region', { name: 'Who is talking?' })).toBeVisible();
    const timebox = page.getByRole('group', { name: 'Time for Goal' });
    const inView = async () => {
      const box = await timebox.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(height);
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      return box!;
    };
    await inView();
    await expect(timebox.getByRole('button', { name: 'Start', exact: true })).toBeInViewport();
    // Scrolled to the private notes (focus scrolls them into view): the
    // time-box is still there, and does not cover the field.
    const notes = page.getByLabel('Private notes');
    await notes.focus();
    await notes.fill('Ask about the budget');
    await expect(notes).toBeInViewport();
    const box = await inView();
    const field = (await notes.boundingBox())!;
    expect(field.y + field.height <= box.y || field.y >= box.y + box.height).toBe(true);
    await expect(timebox.getByRole('timer')).toBeInViewport();
    await screenshot(page, `timebox-sticky-${name}`);
    // And at the very end of the page.
    await page.keyboard.press('End');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await inView();
  });
}

test('on a phone, each ground rule shows whole, across the width, its remove button under it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/');
  await startSession(page);
  await heading(page, 'Our agreement');
  const LONG = 'We keep our phones face down and our cameras on, and we say so when we need a break or have to leave early.';
  await page.getByLabel('Ground rule 2', { exact: true }).fill(LONG);
  const main = (await page.locator('main').boundingBox())!;
  const rules = page.getByRole('textbox', { name: /^Ground rule \d+$/ });
  const count = await rules.count();
  expect(count).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < count; i++) {
    const rule = rules.nth(i);
    // Nothing of the rule hidden inside its box.
    expect(await rule.evaluate((t) => t.scrollHeight - t.clientHeight)).toBeLessThanOrEqual(1);
    // Most of the screen's width, and its button below it.
    const box = (await rule.boundingBox())!;
    expect(box.width).toBeGreaterThan(main.width * 0.8);
    const remove = (await page.getByRole('button', { name: `Remove ground rule ${i + 1}` }).boundingBox())!;
    expect(remove.y).toBeGreaterThanOrEqual(box.y + box.height - 1);
  }
  await screenshot(page, 'agreement-phone');
  await context.close();
});

test('on a phone, the steps bar shows which way it scrolls, and a step reached by Tab is clear of the fade', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/');
  await startSession(page);
  const bar = page.getByRole('navigation', { name: 'Session steps' });
  const fades = () => bar.evaluate((n) => {
    const style = getComputedStyle(n);
    const px = (name: string) => parseFloat(style.getPropertyValue(name)) || 0;
    return { start: px('--steps-fade-start'), end: px('--steps-fade-end'), scrolls: n.scrollWidth > n.clientWidth };
  });
  await bar.evaluate((n) => { n.scrollLeft = 0; });
  await expect.poll(fades).toEqual({ start: 0, end: expect.any(Number), scrolls: true });
  expect((await fades()).end).toBeGreaterThan(0);
  await bar.evaluate((n) => { n.scrollLeft = n.scrollWidth; });
  await expect.poll(async () => (await fades()).end).toBe(0);
  expect((await fades()).start).toBeGreaterThan(0);
  // By keyboard, each step comes into view whole, beside the fade.
  await bar.evaluate((n) => { n.scrollLeft = 0; });
  const steps = bar.getByRole('button');
  await steps.first().focus();
  const count = await steps.count();
  for (let i = 1; i < count; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    const name = (await focused.textContent()) ?? '';
    // How far the step is from the fade (the fade follows the scroll a frame later).
    await expect.poll(async () => {
      const box = (await focused.boundingBox())!;
      const clip = (await bar.boundingBox())!;
      const { end } = await fades();
      return clip.x + clip.width - end - (box.x + box.width);
    }, { message: name }).toBeGreaterThanOrEqual(-2);
  }
  await context.close();
});

test('a ground rule removed by mistake comes back with Undo, where it was; a double click removes one', async ({ page }) => {
  await page.goto('/');
  await startSession(page);
  await heading(page, 'Our agreement');
  const rules = page.getByRole('textbox', { name: /^Ground rule \d+$/ });
  const texts = async () => rules.evaluateAll((all) => all.map((t) => (t as HTMLTextAreaElement).value));
  const before = await texts();
  expect(before.length).toBe(4);
  await page.getByLabel('Ground rule 3', { exact: true }).fill('We stop at the hour, whatever is left.');
  const edited = await texts();
  await page.getByRole('checkbox', { name: `${A} agrees` }).check();

  // One removal, undone: the rule is back, as written, in its place.
  await page.getByRole('button', { name: 'Remove ground rule 3' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Removed: “We stop at the hour, whatever is left.”' })).toBeVisible();
  await expect(rules).toHaveCount(3);
  // Changed rules are agreed again, and the screen says why the tick went.
  await expect(page.getByRole('checkbox', { name: `${A} agrees` })).not.toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: 'The ground rules changed, so each of you ticks your box again.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rules).toHaveCount(4);
  expect(await texts()).toEqual(edited);
  await expect(page.getByLabel('Ground rule 3', { exact: true })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);

  // A double click removes one rule (its second click would land on the
  // rule that moved up); Undo gives it back.
  await page.getByRole('button', { name: 'Remove ground rule 2' }).dblclick();
  await expect(rules).toHaveCount(3);
  await screenshot(page, 'agreement-undo');
  await expect(page.getByRole('status').filter({ hasText: `Removed: “${edited[1]}”` })).toBeVisible();
  expect(await texts()).toEqual([edited[0], edited[2], edited[3]]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rules).toHaveCount(4);
  expect(await texts()).toEqual(edited);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  // Removals by keyboard, one after another, come back one by one.
  await page.getByRole('button', { name: 'Remove ground rule 4' }).press('Enter');
  await page.getByRole('button', { name: 'Remove ground rule 1' }).press('Enter');
  await expect(rules).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).press('Enter');
  await page.getByRole('button', { name: 'Undo' }).press('Enter');
  await expect(rules).toHaveCount(4);
  expect(await texts()).toEqual(edited);
  // A tick clears the note; an edit after it brings it back.
  await page.getByRole('checkbox', { name: `${B} agrees` }).check();
  const note = page.getByText('The ground rules changed, so each of you ticks your box again.');
  await expect(note).toHaveCount(0);
  await page.getByLabel('Ground rule 1', { exact: true }).press('End');
  await page.keyboard.type(' Always.');
  await expect(note).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `${B} agrees` })).not.toBeChecked();
});

test('on a 360 px phone, the time-box bar keeps its buttons on one row in every language', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto('/');
  await startSession(page);
  await agree(page);
  const timebox = page.locator('.timebox');
  for (const lang of ['en', 'es', 'pt']) {
    await page.getByRole('combobox').first().selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const buttons = timebox.locator('.clock-actions button');
    await expect(buttons).toHaveCount(3);
    const tops = await buttons.evaluateAll((all) => all.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(new Set(tops).size, `${lang}: ${tops}`).toBe(1);
    // The bar leaves most of the screen to the notes.
    expect((await timebox.boundingBox())!.height).toBeLessThan(740 / 5);
  }
  await context.close();
});
