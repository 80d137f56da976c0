// A group session of five: names and order, everyone a turn, one person
// not here (their turn skipped, the others share its time), a scribe chosen
// by hand, the group wrap-up with everyone's plan, airtime for five, and
// the whole group session through its link in another browser.
import { expect, test, type Page } from './fixtures';
import { heading, next, personLabel } from './flow';
import { expectNoA11yViolations, screenshot } from './helpers';

const GROUP = ['Amara', 'Jonas', 'Mia', 'Lee', 'Sam'];

async function names(page: Page): Promise<string[]> {
  const out: string[] = [];
  for (let i = 1; i <= GROUP.length; i++) out.push(await page.getByLabel(personLabel(i - 1), { exact: true }).inputValue());
  return out;
}

/** One turn's GROW, quickly: a topic and one action owned by `owner`. */
async function runTurn(page: Page, client: string, scribe: string, topic: string, action: string, owner: string) {
  await page.getByRole('button', { name: `Begin ${client}'s turn` }).click();
  await heading(page, 'Goal');
  await expect(page.getByText(`${client} is the client; everyone else coaches; ${scribe} writes`)).toBeVisible();
  await page.getByLabel('Topic', { exact: true }).fill(topic);
  await next(page);
  await heading(page, 'Reality');
  await next(page);
  await heading(page, 'Options');
  await next(page);
  await heading(page, 'Will');
  await page.getByRole('button', { name: '+ Add an action' }).click();
  const item = page.getByRole('group', { name: 'Action 1' });
  await item.getByLabel('What').fill(action);
  await item.getByLabel('Owner').selectOption({ label: owner });
}

test('a group of five with one person not here: turns, scribe, wrap-up, airtime and the link', async ({ page, browser }) => {
  // A long journey: three times the budget of one (playwright.config.ts).
  test.slow();
  await page.clock.install({ time: new Date('2026-03-24T14:00:00') });
  await page.goto('/');
  await page.getByRole('button', { name: 'Start a session' }).click();
  await heading(page, 'Set up your session');
  await page.getByRole('radio', { name: 'Group' }).check();
  // Five places to start with, the pair's two names carried over (none here).
  await expect(page.getByRole('textbox', { name: /^Person [A-G]$/ })).toHaveCount(5);
  for (const [i, name] of GROUP.entries()) await page.getByLabel(personLabel(i), { exact: true }).fill(name);

  // The order can be shuffled (everyone stays) and changed by hand.
  await page.getByRole('button', { name: 'Shuffle the order' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'New order:' })).toBeAttached();
  expect((await names(page)).sort()).toEqual([...GROUP].sort());
  for (const [i, name] of GROUP.entries()) await page.getByLabel(personLabel(i), { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Move Jonas up' }).click();
  expect(await names(page)).toEqual(['Jonas', 'Amara', 'Mia', 'Lee', 'Sam']);
  // First: the arrow is off, keeps the focus, and pressing it again does nothing.
  await expect(page.getByRole('button', { name: 'Move Jonas up' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('button', { name: 'Move Jonas up' })).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await names(page)).toEqual(['Jonas', 'Amara', 'Mia', 'Lee', 'Sam']);
  await page.getByRole('button', { name: 'Move Jonas down' }).click();
  expect(await names(page)).toEqual(GROUP);

  // A sixth and seventh place, no eighth; back to five.
  await page.getByRole('button', { name: 'Add a person' }).click();
  await expect(page.getByLabel('Person F', { exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Add a person' }).click();
  await expect(page.getByRole('button', { name: 'Add a person' })).toBeDisabled();
  // A double click removes one person (its second click would land on the
  // row that moved up).
  await page.getByRole('button', { name: 'Remove Person F' }).dblclick();
  await expect(page.getByRole('textbox', { name: /^Person [A-G]$/ })).toHaveCount(6);
  await page.getByRole('button', { name: 'Remove Person F' }).click();
  await expect(page.getByRole('textbox', { name: /^Person [A-G]$/ })).toHaveCount(5);
  expect(await names(page)).toEqual(GROUP);
  await expect(page.getByRole('textbox', { name: /^Person [A-G]$/ })).toHaveCount(5);

  await page.getByLabel('Total length in minutes').fill('75');
  await page.getByLabel('Total length in minutes').press('Tab');
  await expect(page.getByText('Each turn: about 15 min (Goal 3, Reality 4, Options 5, Will 3).')).toBeVisible();
  await expect(page.getByText('Amara is the first client; the others coach and Jonas writes.')).toBeVisible();
  // Not everyone as client: two turns of 37 and 38 minutes.
  await page.getByRole('checkbox', { name: 'Everyone gets a turn as client' }).uncheck();
  await page.getByLabel('Turns as client today').fill('2');
  await page.getByLabel('Turns as client today').press('Tab');
  await expect(page.getByText(/Each turn: about 37–38 min/)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Everyone gets a turn as client' }).check();
  await expectNoA11yViolations(page, 'group setup');
  await screenshot(page, 'group-setup');
  // From here the test keeps the time: the session begins at 14:05.
  await page.clock.pauseAt(new Date('2026-03-24T14:05:00'));
  await page.getByRole('button', { name: 'Begin' }).click();

  // The agreement: Mia could not come; everyone else agrees.
  await heading(page, 'Our agreement');
  await page.getByRole('group', { name: 'Here today' }).getByRole('checkbox', { name: 'Mia' }).uncheck();
  await expect(page.getByRole('checkbox', { name: 'Mia agrees' })).toBeDisabled();
  for (const name of ['Amara', 'Jonas', 'Lee', 'Sam']) {
    await expect(page.getByRole('button', { name: 'Continue to the first turn' })).toBeDisabled();
    await page.getByRole('checkbox', { name: `${name} agrees` }).check();
  }
  // (axe waits on timers: time flows for it, then is set back to 14:05)
  await page.clock.resume();
  await expectNoA11yViolations(page, 'group agreement');
  await page.clock.pauseAt(new Date('2026-03-24T14:06:00'));
  await page.clock.setSystemTime(new Date('2026-03-24T14:05:00'));
  await page.getByRole('button', { name: 'Continue to the first turn' }).click();

  // Turn 1: who writes, the time, the order with Mia skipped and 75 minutes
  // shared by four (four turns are held: Mia's is not counted).
  await heading(page, 'Turn 1 of 4: Amara');
  await expect(page.getByLabel('Who writes')).toHaveValue('1');
  await expect(page.getByText('19 min: Goal 3, Reality 5, Options 6, Will 5.')).toBeVisible();
  const order = page.getByRole('region', { name: 'Order of turns' }).getByRole('listitem');
  await expect(order).toHaveText(['Amara: 19 min', 'Jonas: 19 min', 'Mia: skipped (not here)', 'Lee: 19 min', 'Sam: 18 min']);
  const steps = page.getByRole('navigation', { name: 'Session steps' });
  await expect(steps.getByRole('button', { name: "Mia's turn", exact: true })).toBeVisible();
  // Her phases cannot be opened, and say so to a screen reader.
  await expect(steps.getByRole('button', { name: "Mia's turn: skipped: Goal" })).toBeDisabled();
  await expect(page.locator('.session-clock')).toContainText(/ends (3|15):20/);
  // (axe waits on timers: time flows again)
  await page.clock.resume();
  await expectNoA11yViolations(page, 'turn');
  await screenshot(page, 'group-turn');

  // Airtime for the four here: keys 1, 2, 4 and 5 (Mia has no button and
  // no key).
  await page.getByRole('button', { name: 'Airtime' }).click();
  const airtime = page.getByRole('region', { name: 'Who is talking?' });
  await expect(airtime.getByRole('button', { name: /speaks$/ })).toHaveCount(4);
  await expect(airtime.getByRole('button', { name: 'Mia speaks' })).toHaveCount(0);
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('3');
  await expect(airtime.getByRole('button', { name: /speaks$/, pressed: true })).toHaveCount(0);
  await page.keyboard.press('5');
  await expect(airtime.getByRole('button', { name: 'Sam speaks' })).toHaveAttribute('aria-pressed', 'true');
  await page.clock.fastForward('02:30');
  await page.keyboard.press('2');
  await page.clock.fastForward('00:10');
  await expect(airtime.getByRole('status')).toContainText('Sam has had much of the airtime. Perhaps invite Amara in.');
  // Amara speaks up: the cue names whoever is quietest now, Lee.
  await page.keyboard.press('1');
  await page.clock.fastForward('00:20');
  await expect(airtime.getByRole('status')).toContainText('Sam has had much of the airtime. Perhaps invite Lee in.');
  await page.keyboard.press('0');
  await page.getByRole('button', { name: 'Airtime' }).click();

  await runTurn(page, 'Amara', 'Jonas', 'Onboarding two new hires at once', 'Pair each new hire with a buddy', 'Lee');
  await screenshot(page, 'group-will');
  await next(page, 'Next turn');
  await heading(page, 'Turn 2 of 4: Jonas');
  await runTurn(page, 'Jonas', 'Lee', 'Saying no to the sales team', 'Propose an office hour', 'Jonas');
  // From Jonas's Will the flow passes Mia's turn by.
  await next(page, 'Next turn');
  await heading(page, 'Turn 3 of 4: Lee');
  await page.getByLabel('Who writes').selectOption({ label: 'Sam' });
  await runTurn(page, 'Lee', 'Sam', 'Asking for a budget', 'Draft the one-page case', 'Lee');
  await next(page, 'Next turn');
  await heading(page, 'Turn 4 of 4: Sam');
  await expect(page.getByLabel('Who writes')).toHaveValue('0');

  // The group wrap-up: four plans, Mia noted as not here, everyone reflects.
  await steps.getByRole('button', { name: 'Wrap-up' }).click();
  await heading(page, 'Wrap-up');
  const plans = page.getByRole('region', { name: /topic, coached by the group/ });
  await expect(plans).toHaveCount(4);
  await expect(plans.nth(0)).toContainText("Amara's topic, coached by the group, written by Jonas");
  await expect(plans.nth(0)).toContainText('Pair each new hire with a buddy');
  await expect(plans.nth(0)).toContainText('owner Lee');
  await expect(plans.nth(2)).toContainText('written by Sam');
  await expect(page.getByText('Not here today: Mia.')).toBeVisible();
  await expect(page.getByRole('group', { name: /: how useful was this session?/ })).toHaveCount(4);
  await page.getByRole('group', { name: 'Lee: how useful was this session?' }).getByRole('radio', { name: '4' }).check();
  await expectNoA11yViolations(page, 'group wrap-up');
  await screenshot(page, 'group-wrap-up');

  // The link carries the group session whole: another browser opens it.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByLabel('Link to this session').inputValue();
  expect(link).toMatch(/#s4\./);
  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await heading(other, 'Wrap-up');
  await expect(other.getByRole('region', { name: /topic, coached by the group/ })).toHaveCount(4);
  await expect(other.getByText('Not here today: Mia.')).toBeVisible();
  await other.getByRole('navigation', { name: 'Session steps' }).getByRole('button', { name: "Lee's turn" }).click();
  await heading(other, 'Turn 3 of 4: Lee');
  await expect(other.getByLabel('Who writes')).toHaveValue('4');
  await expect(other.getByRole('region', { name: 'Order of turns' }).getByRole('listitem').nth(2)).toHaveText('Mia: skipped (not here)');
});

test('a group on a phone in dark mode: setup and a turn fit in 390 px', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Start a session' }).click();
  await page.getByRole('radio', { name: 'Group' }).check();
  for (const [i, name] of GROUP.entries()) await page.getByLabel(personLabel(i), { exact: true }).fill(name);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expectNoA11yViolations(page, 'group setup, phone, dark');
  await screenshot(page, 'group-setup-phone-dark');
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('button', { name: 'Skip the agreement' }).click();
  await heading(page, 'Turn 1 of 5: Amara');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoA11yViolations(page, 'turn, phone, dark');
  await screenshot(page, 'group-turn-phone-dark');
});

test('a group running late: the next turn absorbs the overrun, or the group runs over by choice', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-24T14:00:00') });
  await page.goto('/');
  await page.getByRole('button', { name: 'Start a session' }).click();
  await heading(page, 'Set up your session');
  await page.getByRole('radio', { name: 'Group' }).check();
  for (const [i, name] of GROUP.entries()) await page.getByLabel(personLabel(i), { exact: true }).fill(name);
  await page.getByLabel('Total length in minutes').fill('75');
  await page.getByLabel('Total length in minutes').press('Tab');
  await page.clock.pauseAt(new Date('2026-03-24T14:05:00'));
  await page.getByRole('button', { name: 'Begin' }).click();
  await heading(page, 'Our agreement');
  await page.getByRole('group', { name: 'Here today' }).getByRole('checkbox', { name: 'Mia' }).uncheck();
  for (const name of ['Amara', 'Jonas', 'Lee', 'Sam']) await page.getByRole('checkbox', { name: `${name} agrees` }).check();
  await page.getByRole('button', { name: 'Continue to the first turn' }).click();
  await heading(page, 'Turn 1 of 4: Amara');
  await expect(page.getByText('19 min: Goal 3, Reality 5, Options 6, Will 5.')).toBeVisible();

  // Amara's turn runs 2.5 minutes over.
  await page.getByRole('button', { name: "Begin Amara's turn" }).click();
  await heading(page, 'Goal');
  await page.clock.fastForward('21:30');
  for (const phase of ['Reality', 'Options', 'Will']) {
    await next(page);
    await heading(page, phase);
  }
  await next(page, 'Next turn');

  // Jonas's turn is shortened so that the session still ends at 15:20.
  await heading(page, 'Turn 2 of 4: Jonas');
  await expect(page.getByText(/^18 min: /)).toBeVisible();
  const order = page.getByRole('region', { name: 'Order of turns' }).getByRole('listitem');
  await expect(order).toHaveText(['Amara: done', 'Jonas: 18 min', 'Mia: skipped (not here)', 'Lee: 18 min', 'Sam: 17 min']);
  const pace = page.getByRole('group', { name: 'The session is running late. How should the turns to come run?' });
  await expect(pace.getByRole('radio', { name: 'Shorten them to end on time (18, 18 & 17 min)' })).toBeChecked();
  const clock = page.locator('.session-clock');
  await expect(clock).toContainText(/ends (3|15):20/);
  await screenshot(page, 'group-turn-late');

  // Or the group runs over, as a pair may at the swap: full turns, a later end.
  await pace.getByRole('radio', { name: 'Keep full turns (19, 19 & 18 min) and finish later' }).check();
  await expect(page.getByText(/^19 min: /)).toBeVisible();
  await expect(order).toHaveText(['Amara: done', 'Jonas: 19 min', 'Mia: skipped (not here)', 'Lee: 19 min', 'Sam: 18 min']);
  await expect(clock).toContainText(/ends (3|15):22/);
  await pace.getByRole('radio', { name: /Shorten them to end on time/ }).check();
  await expect(page.getByText(/^18 min: /)).toBeVisible();
  // (axe waits on timers: time flows again, a few seconds)
  await page.clock.resume();
  await expectNoA11yViolations(page, 'turn screen of a group running late');
  await page.getByRole('button', { name: "Begin Jonas's turn" }).click();
  await heading(page, 'Goal');
  await expect(page.getByRole('group', { name: 'Time for Goal' })).toContainText(/ends (3|15):20/);
});

test('on a phone, quick taps on Remove each remove a person', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/#/new');
  await heading(page, 'Set up your session');
  await page.getByRole('radio', { name: 'Group' }).tap();
  await page.getByRole('button', { name: 'Add a person' }).tap();
  await page.getByRole('button', { name: 'Add a person' }).tap();
  const rows = page.getByRole('textbox', { name: /^Person [A-G]$/ });
  await expect(rows).toHaveCount(7);
  // The rows below move up under the finger: each tap is on the same spot,
  // which a phone counts as taps in a row.
  const remove = page.getByRole('button', { name: 'Remove Person C' });
  await remove.tap();
  await remove.tap();
  await remove.tap();
  await expect(rows).toHaveCount(4);
  await context.close();
});
