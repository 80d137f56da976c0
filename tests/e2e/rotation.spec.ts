// Team rotation: a team of nine, six periods of pairs with one trio, nobody
// meeting the same person twice, a sit-out instead, the CSV, kept on reload;
// a period changed by hand (someone away, a locked pair, a swap), the
// calendar file, and the schedule's link opened on another device.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from './fixtures';
import { heading } from './flow';
import { expectIdsResolve, expectNoA11yViolations, screenshot } from './helpers';

const TEAM = ['Amara', 'Jonas', 'Mia', 'Lee', 'Sam', 'Noor', 'Ivo', 'Zoe', 'Ruth'];

test('a team of nine: six periods of pairs, nobody twice, trio or sit-out, CSV and print', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00') });
  await page.goto('/');
  await page.getByRole('button', { name: 'Team rotation' }).click();
  await heading(page, 'Team rotation');
  await expect(page.getByRole('button', { name: 'Make the next 6 periods' })).toBeDisabled();
  for (const name of TEAM) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Name', { exact: true }).press('Enter');
  }
  await expect(page.getByRole('region', { name: 'People' }).getByRole('listitem')).toHaveCount(9);
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Make the next 6 periods' }).click();

  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(7);
  const groupsOf = (i: number) => rows.nth(i).getByRole('cell').first().getByRole('listitem').allTextContents();
  // With a trio: everyone placed once per period, one group of three.
  for (let i = 1; i <= 6; i++) {
    const groups = await groupsOf(i);
    expect(groups).toHaveLength(4);
    expect(groups.flatMap((g) => g.split(/, | & /)).sort()).toEqual([...TEAM].sort());
    expect(groups.filter((g) => g.split(/, | & /).length === 3)).toHaveLength(1);
  }
  await expectNoA11yViolations(page, 'rotation');
  await expectIdsResolve(page, 'rotation');
  await screenshot(page, 'rotation');

  // A sit-out instead: four pairs and a different person out each period,
  // and nobody meets the same person twice.
  await page.getByRole('radio', { name: 'One person sits out' }).check();
  await expect(rows.nth(1).getByRole('cell').first().getByRole('listitem')).toHaveCount(4);
  const pairsSeen = new Set<string>();
  const out = new Set<string>();
  for (let i = 1; i <= 6; i++) {
    const groups = await groupsOf(i);
    expect(groups.every((g) => g.split(/, | & /).length === 2)).toBe(true);
    out.add((await rows.nth(i).getByRole('cell').nth(1).textContent()) ?? '');
    for (const g of groups) {
      const [a, b] = g.split(/, | & /).sort();
      expect(pairsSeen.has(`${a}|${b}`), `${a} and ${b} meet twice`).toBe(false);
      pairsSeen.add(`${a}|${b}`);
    }
  }
  expect(out.size).toBe(6);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as CSV' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Period,Date,Kind,People');
  expect(csv).toContain('2026-03-02');

  // Kept on the device.
  await page.reload();
  await expect(rows).toHaveCount(7);
  await expect(page.getByRole('radio', { name: 'One person sits out' })).toBeChecked();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoA11yViolations(page, 'rotation at 390px');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a damaged rotation record is set aside, never lost, and a newer one never written over', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('peer-coach.rotation', '{damaged'));
  await page.goto('/#/rotation');
  await heading(page, 'Team rotation');
  await expect(page.getByText('could not be read')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('peer-coach.aside.rotation'))).toBe('{damaged');

  const newer = JSON.stringify({ v: 99, data: {} });
  await page.evaluate((raw) => localStorage.setItem('peer-coach.rotation', raw), newer);
  await page.reload();
  await page.getByLabel('Name', { exact: true }).fill('Amara');
  await page.getByLabel('Name', { exact: true }).press('Enter');
  expect(await page.evaluate(() => localStorage.getItem('peer-coach.rotation'))).toBe(newer);
});

/** The table's period rows (an open editor's row has no row header). */
function periodRows(page: Page): Locator {
  return page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader') });
}

/** The groups of one period row, each as its sorted names. */
async function groupsIn(row: Locator): Promise<string[][]> {
  const texts = await row.getByRole('cell').first().getByRole('listitem').allTextContents();
  return texts.map((g) => g.replace(/\s*locked$/, '').split(/, | & /).sort());
}

/** Everything the table says, row by row: what the other device must show. */
async function tableText(page: Page): Promise<string[]> {
  return (await periodRows(page).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

async function addTeam(page: Page) {
  for (const name of TEAM) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Name', { exact: true }).press('Enter');
  }
}

test('a period changed by hand, the calendar file, and the schedule opened from its link elsewhere', async ({ page, browser }) => {
  await page.clock.install({ time: new Date('2026-03-02T09:00:00') });
  await page.goto('/#/rotation');
  await heading(page, 'Team rotation');
  await addTeam(page);
  await page.getByRole('button', { name: 'Make the next 6 periods' }).click();
  const rows = periodRows(page);
  await expect(rows).toHaveCount(6);

  // Sam is away in the second period: it is made again without Sam, and
  // shows who is away.
  const second = rows.nth(1);
  const change = second.getByRole('button', { name: /^Change / });
  await expect(change).toHaveAttribute('aria-expanded', 'false');
  await change.click();
  await expect(change).toHaveAttribute('aria-expanded', 'true');
  const editor = page.getByRole('group', { name: /^Change / });
  await expect(editor.getByRole('heading', { level: 3 })).toBeFocused();
  const away = editor.getByRole('group', { name: 'Who is away' });
  await away.getByRole('checkbox', { name: 'Sam' }).click();
  await expect(away.getByRole('checkbox', { name: 'Sam' })).toBeChecked();
  await expect(away.getByRole('checkbox', { name: 'Sam' })).toBeFocused();
  await expect(second.getByRole('cell').nth(1)).toHaveText('Sam (away)');
  let groups = await groupsIn(second);
  expect(groups.flat().sort()).toEqual(TEAM.filter((n) => n !== 'Sam').sort());
  for (let i = 2; i < 6; i++) {
    expect((await groupsIn(rows.nth(i))).flat().sort()).toEqual([...TEAM].sort());
  }
  await expectNoA11yViolations(page, 'rotation: a period being changed');
  await expectIdsResolve(page, 'rotation: a period being changed');

  // Lock Amara with Jonas: they meet that period, marked locked.
  const lockPair = editor.getByRole('group', { name: 'Lock a pair' });
  await lockPair.getByLabel('Person').selectOption({ label: 'Amara' });
  await lockPair.getByLabel('Together with').selectOption({ label: 'Jonas' });
  await lockPair.getByRole('button', { name: 'Lock the pair' }).click();
  await expect(second.getByRole('listitem').filter({ hasText: 'locked' })).toHaveText(/^Amara & Jonas\s*locked$/);
  await expect(editor.getByRole('button', { name: 'Lock the pair' })).toBeFocused();
  await expect(editor.getByRole('button', { name: 'Unlock Amara & Jonas' })).toBeVisible();
  // Refused changes say why, and change nothing.
  await away.getByRole('checkbox', { name: 'Amara' }).click();
  await expect(editor.getByRole('alert')).toHaveText('Amara is in a locked pair: unlock it first.');
  await expect(away.getByRole('checkbox', { name: 'Amara' })).not.toBeChecked();
  const swapPair = editor.getByRole('group', { name: 'Swap two people' });
  await swapPair.getByLabel('Person').selectOption({ label: 'Jonas' });
  await swapPair.getByLabel('Swap with').selectOption({ label: 'Amara' });
  await swapPair.getByRole('button', { name: 'Swap' }).click();
  await expect(editor.getByRole('alert')).toHaveText('Jonas and Amara already meet this period.');
  await expectNoA11yViolations(page, 'rotation: a refused change');

  // Swap two people of two other groups.
  groups = await groupsIn(second);
  const [g1, g2] = groups.filter((g) => !g.includes('Amara'));
  await swapPair.getByLabel('Person').selectOption({ label: g1[0] });
  await swapPair.getByLabel('Swap with').selectOption({ label: g2[0] });
  await swapPair.getByRole('button', { name: 'Swap' }).click();
  await expect(editor.getByRole('alert')).toHaveText('');
  await expect(editor.getByRole('button', { name: 'Swap' })).toBeFocused();
  const after = await groupsIn(second);
  expect(after).toContainEqual([g2[0], ...g1.slice(1)].sort());
  expect(after).toContainEqual([g1[0], ...g2.slice(1)].sort());
  expect(after).toContainEqual(['Amara', 'Jonas']);
  // The later periods were made again around the edited one: none of its
  // new pairs comes back in the next period.
  const pairsOf = (gs: string[][]) =>
    gs.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => `${a}|${b}`)));
  const edited = new Set(pairsOf(after));
  for (const pair of pairsOf(await groupsIn(rows.nth(2)))) expect(edited.has(pair), pair).toBe(false);
  await screenshot(page, 'rotation-change-period');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoA11yViolations(page, 'rotation: a period being changed, dark');
  await screenshot(page, 'rotation-change-period-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await editor.getByRole('button', { name: 'Done' }).click();
  await expect(change).toBeFocused();
  await expect(page.getByRole('group', { name: /^Change / })).toHaveCount(0);

  // The calendar file: one all-day event per period and group.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download for a calendar (.ics)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('peer-coach-rotation.ics');
  const ics = await readFile((await download.path())!, 'utf8');
  const lines = ics.split('\r\n');
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('');
  expect(lines.at(-2)).toBe('END:VCALENDAR');
  for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  expect(ics).not.toMatch(/[^\r]\n/);
  let groupCount = 0;
  for (let i = 0; i < 6; i++) groupCount += (await groupsIn(rows.nth(i))).length;
  expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(groupCount);
  expect(lines.filter((l) => l.startsWith('DTSTAMP:'))).toHaveLength(groupCount);
  expect(ics).toContain('UID:rotation-20260302-2-1@peer-coach\r\n');
  // The locked pair's event on 2 April (they may meet in another period too).
  const amaraJonas = ics
    .split('BEGIN:VEVENT')
    .filter((e) => e.includes('SUMMARY:Peer coaching: Amara & Jonas\r\n'))
    .find((e) => e.includes('DTSTART;VALUE=DATE:20260402\r\n'));
  expect(amaraJonas).toContain('DTEND;VALUE=DATE:20260403\r\n');

  // Amara's own calendar: her six meetings, with the team file's UIDs.
  await page.getByLabel('Calendar for').selectOption({ label: 'Amara' });
  const [own] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download for a calendar (.ics)' }).click(),
  ]);
  const amara = await readFile((await own.path())!, 'utf8');
  const summaries = amara.split('\r\n').filter((l) => l.startsWith('SUMMARY:'));
  expect(summaries).toHaveLength(6);
  for (const line of summaries) expect(line).toContain('Amara');
  for (const uid of amara.split('\r\n').filter((l) => l.startsWith('UID:'))) expect(ics).toContain(`${uid}\r\n`);

  // Share the whole schedule; open it on a clean device.
  const share = page.getByRole('region', { name: 'Share this schedule' });
  const link = await share.getByLabel('Link to this schedule').inputValue();
  expect(link).toMatch(/#r1\.[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(500);
  await expect(share.getByText(`${link.length.toLocaleString("en-US")} characters: fits in any chat.`)).toBeVisible();
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByRole('status')).toHaveText(/Copied|Ctrl\+C/);
  await expectNoA11yViolations(page, 'rotation: share this schedule');
  await screenshot(page, 'rotation-share');
  const mine = await tableText(page);

  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.clock.install({ time: new Date('2026-03-02T09:00:00') });
  await elsewhere.goto(link);
  await heading(elsewhere, 'Team rotation');
  await expect(elsewhere.getByRole('main').getByText('The shared schedule is open.')).toBeVisible();
  await expect(elsewhere).not.toHaveURL(/r1\./);
  await expect(periodRows(elsewhere)).toHaveCount(6);
  expect(await tableText(elsewhere)).toEqual(mine);
  await expect(elsewhere.getByRole('region', { name: 'People' }).getByRole('listitem')).toHaveCount(9);
  await elsewhere.reload();
  await expect(periodRows(elsewhere)).toHaveCount(6);
  expect(await tableText(elsewhere)).toEqual(mine);

  // A changed schedule arriving there asks before replacing anything.
  await change.click();
  await page.getByRole('group', { name: 'Who is away' }).getByRole('checkbox', { name: 'Ruth' }).click();
  await expect(rows.nth(1).getByRole('cell').nth(1)).toContainText('Ruth (away)');
  const changed = await share.getByLabel('Link to this schedule').inputValue();
  expect(changed).not.toBe(link);
  await elsewhere.goto(changed);
  await heading(elsewhere, 'Replace the schedule on this device?');
  await expect(elsewhere.getByText('9 people, 6 periods from', { exact: false }).first()).toBeVisible();
  await expect(elsewhere.getByText(/^They differ in [1-5] of the periods, the first on Thu, Apr 2, 2026\./)).toBeVisible();
  await expectNoA11yViolations(elsewhere, 'rotation: replace the schedule?');
  await screenshot(elsewhere, 'rotation-replace');
  await elsewhere.getByRole('button', { name: 'Keep mine' }).click();
  await heading(elsewhere, 'Team rotation');
  await expect(elsewhere).not.toHaveURL(/r1\./);
  expect(await tableText(elsewhere)).toEqual(mine);
  await elsewhere.goto(changed);
  await elsewhere.getByRole('button', { name: "Replace with the link's schedule" }).click();
  await heading(elsewhere, 'Team rotation');
  await expect(periodRows(elsewhere).nth(1).getByRole('cell').nth(1)).toContainText('Ruth (away)');
  expect(await tableText(elsewhere)).toEqual(await tableText(page));

  // On a phone, light and dark, with a period open.
  await elsewhere.setViewportSize({ width: 390, height: 844 });
  await periodRows(elsewhere).nth(1).getByRole('button', { name: /^Change / }).click();
  await expectNoA11yViolations(elsewhere, 'rotation at 390px, a period being changed');
  expect(await elsewhere.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(elsewhere, 'rotation-phone');
  await elsewhere.emulateMedia({ colorScheme: 'dark' });
  await expectNoA11yViolations(elsewhere, 'rotation at 390px, dark');
  await elsewhere.context().close();
});

test('a damaged or newer schedule link says so and changes nothing', async ({ page }) => {
  await page.goto('/#/rotation');
  await addTeam(page);
  await page.goto('/#r1.AAAAAAAA');
  await heading(page, 'Team rotation');
  await expect(page.getByRole('alert')).toContainText('This schedule link could not be opened.');
  await expect(page.getByRole('alert')).toContainText('Nothing on this device was changed.');
  await expect(page).not.toHaveURL(/r1\./);
  await expect(page.getByRole('region', { name: 'People' }).getByRole('listitem')).toHaveCount(9);
  await expectNoA11yViolations(page, 'rotation: a damaged link');
  await page.goto('/#r2.AAAAAAAA');
  await expect(page.getByRole('alert')).toContainText('made by a newer version of Peer Coach');
});

test('where copying is blocked, the schedule link is shown selected to copy by hand', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await page.goto('/#/rotation');
  await addTeam(page);
  await page.getByRole('button', { name: 'Make the next 6 periods' }).click();
  const share = page.getByRole('region', { name: 'Share this schedule' });
  const link = await share.getByLabel('Link to this schedule').first().inputValue();
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByRole('status')).toContainText('press Ctrl+C');
  const fallback = page.locator('#schedule-copy-fallback');
  await expect(fallback).toBeFocused();
  await expect(fallback).toHaveValue(link);
  expect(await fallback.evaluate((el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart)).toBe(link.length);
  await expectNoA11yViolations(page, 'rotation: copying blocked');
  await expectIdsResolve(page, 'rotation: copying blocked');
});

test('the schedule as a file, opened on another device from the home screen', async ({ page, browser }) => {
  await page.goto('/#/rotation');
  await addTeam(page);
  await page.getByRole('button', { name: 'Make the next 6 periods' }).click();
  const mine = await tableText(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the link as a file' }).click(),
  ]);
  const path = (await download.path())!;
  expect(await readFile(path, 'utf8')).toMatch(/^A Peer Coach team rotation\..*\n\nhttp.*#r1\./s);

  const other = await (await browser.newContext()).newPage();
  await other.goto('/');
  await other.getByLabel('Or choose a file').setInputFiles(path);
  await heading(other, 'Team rotation');
  expect(await tableText(other)).toEqual(mine);
  await expect(other).toHaveURL(/#\/rotation$/);
  await other.context().close();
});

test('past periods look past, dates fall on weekdays, a removed person keeps their name, long names wrap', async ({ page }) => {
  // Today is Monday 5 January 2026; the rotation began on Friday 31 October.
  await page.clock.install({ time: new Date('2026-01-05T09:00:00') });
  await page.goto('/#/rotation');
  await heading(page, 'Team rotation');
  const LONG = 'Maximiliane-Theodora-Überschwänglich-Wolkenstein';
  const TEAM_OF_FIVE = ['Amara', 'Jonas', 'Mia', 'Lee', LONG];
  for (const name of TEAM_OF_FIVE) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Name', { exact: true }).press('Enter');
  }
  await page.getByLabel('First period').fill('2025-10-31');
  await page.getByRole('button', { name: 'Make the next 6 periods' }).click();
  const rows = periodRows(page);
  await expect(rows).toHaveCount(6);

  // Monthly on the 31st, a weekend moved to the Monday after: 30 November
  // (Sunday) to 1 December, 31 January (Saturday) to 2 February.
  const when = await rows.getByRole('rowheader').allInnerTexts();
  for (const day of when) expect(day, day).not.toMatch(/^(Sat|Sun)/);
  expect(when[1]).toMatch(/^Mon, Dec 1, 2025/);
  expect(when[3]).toMatch(/^Mon, Feb 2, 2026/);
  // The three periods before today say they are past, the others do not.
  for (let i = 0; i < 3; i++) await expect(rows.nth(i).getByRole('rowheader')).toContainText('(past)');
  for (let i = 3; i < 6; i++) await expect(rows.nth(i).getByRole('rowheader')).not.toContainText('(past)');
  // What has happened is history: only the periods to come can be changed.
  for (let i = 0; i < 3; i++) await expect(rows.nth(i).getByRole('button', { name: /^Change / })).toHaveCount(0);
  for (let i = 3; i < 6; i++) await expect(rows.nth(i).getByRole('button', { name: /^Change / })).toBeVisible();
  const background = (i: number) => rows.nth(i).getByRole('rowheader').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background(0)).not.toBe(await background(3));
  await expectNoA11yViolations(page, 'rotation: past periods');

  // A swap that makes two people meet in two periods running says so.
  // Two who meet in one period and not the next: one joins the other there.
  const groupOf = (gs: string[][], who: string) => gs.find((g) => g.includes(who))!;
  let pick: [number, string, string, string] | undefined;
  for (const r of [3, 4]) {
    const before = await groupsIn(rows.nth(r));
    const now = await groupsIn(rows.nth(r + 1));
    for (const g of before) {
      for (const x of g) {
        for (const y of g) {
          const mine = groupOf(now, x);
          if (x === y || mine.includes(y)) continue;
          const w = mine.find((m) => m !== x);
          if (w && !pick) pick = [r + 1, x, y, w];
        }
      }
    }
  }
  expect(pick, 'two who met and then do not').toBeDefined();
  const [at, x, y, w] = pick!;
  await rows.nth(at).getByRole('button', { name: /^Change / }).click();
  const swapPair = page.getByRole('group', { name: 'Swap two people' });
  await swapPair.getByLabel('Person').selectOption({ label: y });
  await swapPair.getByLabel('Swap with').selectOption({ label: w });
  await swapPair.getByRole('button', { name: 'Swap' }).click();
  const editorNow = page.getByRole('group', { name: /^Change / });
  await expect(editorNow.getByText('This change could not avoid everyone meeting again too soon:')).toBeVisible();
  const [a, b] = [x, y].sort((p, q) => TEAM_OF_FIVE.indexOf(p) - TEAM_OF_FIVE.indexOf(q));
  await expect(editorNow.getByRole('listitem').filter({ hasText: `${a} and ${b} meet again on ${when[at]}` })).toContainText(`(they met on ${when[at - 1]})`);
  await expectNoA11yViolations(page, 'rotation: a repeat said');
  await screenshot(page, 'rotation-repeat-said');
  await editorNow.getByRole('button', { name: 'Done' }).click();

  // Jonas leaves: the past keeps his name, the periods to come go on without him.
  await page.getByRole('button', { name: 'Remove Jonas' }).click();
  await expect(page.getByRole('region', { name: 'People' }).getByRole('listitem')).toHaveCount(4);
  for (let i = 0; i < 3; i++) await expect(rows.nth(i).getByRole('cell').first()).toContainText('Jonas');
  for (let i = 3; i < 6; i++) await expect(rows.nth(i).getByRole('cell').first()).not.toContainText('Jonas');
  expect((await tableText(page)).join(' ')).not.toContain('#');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as CSV' }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv).toContain('Jonas');
  expect(csv).not.toContain('#');
  await screenshot(page, 'rotation-past');

  // On a phone, the long name in "Who is away" wraps in its own column.
  await page.setViewportSize({ width: 390, height: 844 });
  await rows.nth(4).getByRole('button', { name: /^Change / }).click();
  const away = page.getByRole('group', { name: 'Who is away' });
  const boxes = away.getByRole('checkbox');
  await expect(boxes).toHaveCount(4);
  const label = await away.getByText(LONG).boundingBox();
  for (let i = 0; i < 4; i++) {
    const box = await boxes.nth(i).boundingBox();
    const name = await boxes.nth(i).getAttribute('id');
    if (!label || !box || name?.endsWith('-4')) continue;
    const apart = label.x + label.width <= box.x || box.x + box.width <= label.x
      || label.y + label.height <= box.y || box.y + box.height <= label.y;
    expect(apart, `the long name overlaps the box ${name}`).toBe(true);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoA11yViolations(page, 'rotation: a long name away, 390px');
  await screenshot(page, 'rotation-long-name');
});
