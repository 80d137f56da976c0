// Taking sessions along: Markdown and calendar files from the wrap-up, and
// a backup of everything restored into a clean browser.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './fixtures';
import { A, B, agree, heading, startSession } from './flow';
import { expectNoA11yViolations, screenshot } from './helpers';

async function downloadText(page: Page, button: string): Promise<[string, string]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return [download.suggestedFilename(), await readFile((await download.path())!, 'utf8')];
}

/** A one-way session with a topic, an action due on a date, and a next meeting. */
async function sessionToWrapUp(page: Page) {
  await page.goto('/');
  await startSession(page, { format: 'One-way' });
  await agree(page);
  await page.getByLabel('Topic', { exact: true }).fill('Quieter people in *meetings*');
  const steps = page.getByRole('navigation', { name: 'Session steps' });
  await steps.getByRole('button', { name: 'Will' }).click();
  await page.getByRole('button', { name: '+ Add an action' }).click();
  await page.getByLabel('What').fill('Send the agenda a day early');
  await page.getByLabel('Due date').fill('2026-03-16');
  await steps.getByRole('button', { name: 'Wrap-up' }).click();
  await heading(page, 'Wrap-up');
  await page.getByLabel('Date', { exact: true }).fill('2026-03-24');
  await page.getByLabel('Time (optional)').fill('09:30');
  await page.getByLabel('Repeats').selectOption({ label: 'Every 2 weeks' });
}

test('the wrap-up gives the session as Markdown and calendar files', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-03-10T09:00:00') });
  await sessionToWrapUp(page);
  const exports = page.getByRole('region', { name: 'Take it with you' });
  await expect(exports).toBeVisible();
  await expectNoA11yViolations(page, 'wrap-up with exports');

  const [mdName, md] = await downloadText(page, 'Download as Markdown');
  expect(mdName).toBe('peer-coach-2026-03-10.md');
  expect(md).toContain(`# Peer coaching: ${A} & ${B}`);
  expect(md).toContain('Quieter people in \\*meetings\\*');
  expect(md).toContain('Send the agenda a day early');
  await expect(page.getByText('Downloaded.')).toBeVisible();

  const [icsName, ics] = await downloadText(page, 'Next meeting: calendar file');
  expect(icsName).toBe('peer-coach-next-meeting.ics');
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics).toContain('RRULE:FREQ=WEEKLY;INTERVAL=2');
  expect(ics).toMatch(/DTSTART(;TZID=[^:]+)?:20260324T093000/);
  expect(ics).toContain(`SUMMARY:Peer coaching: ${A} & ${B}`);

  const [, due] = await downloadText(page, 'Due dates: calendar file');
  expect(due).toContain('DTSTART;VALUE=DATE:20260316');
  expect(due).toContain('SUMMARY:Send the agenda a day early (from peer coaching)');
});

test('a backup restored into a clean browser gives the same data; other files are refused', async ({ page, browser }) => {
  await sessionToWrapUp(page);
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'Journal' }).click();
  await page.getByRole('button', { name: 'New entry' }).click();
  await page.getByLabel('What I learned').fill('A day early is enough');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('link', { name: 'Peer Coach' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  const data = page.getByRole('region', { name: 'Your data on this device' });
  await expect(data).toContainText('Sessions: 1. Journal entries: 1.');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    data.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^peer-coach-backup-\d{4}-\d\d-\d\d\.json$/);
  const file = (await download.path())!;
  // What was written: a session's field stamps (`regs`, when each field last
  // changed in which tab, for merging tabs) are this browser's own, not data.
  const stored = (p: Page) =>
    p.evaluate(() =>
      Object.fromEntries(
        Object.entries(localStorage)
          .filter(([k]) => /^peer-coach\.(session|journal|private)\./.test(k))
          .map(([k, v]) => {
            if (!k.startsWith('peer-coach.session.')) return [k, v];
            const { regs: _, ...record } = JSON.parse(v);
            return [k, JSON.stringify(record)];
          }),
      ),
    );
  const before = await stored(page);

  const clean = await (await browser.newContext()).newPage();
  await clean.goto('/#/history');
  await heading(clean, 'History');
  const restore = clean.getByRole('region', { name: 'Your data on this device' });
  await restore.getByLabel('Restore from a backup file').setInputFiles(file);
  await expect(restore.getByRole('status')).toContainText('Sessions: 1 added');
  await expect(restore.getByRole('status')).toContainText('Journal entries: 1 added');
  await expect(clean.getByRole('link', { name: new RegExp(`${A} & ${B}`) })).toBeVisible();
  expect(await stored(clean)).toEqual(before);
  await expectNoA11yViolations(clean, 'history after a restore');
  await screenshot(clean, 'history-restored');

  // The same file again adds nothing; a newer backup and a stranger's file are refused.
  await restore.getByLabel('Restore from a backup file').setInputFiles(file);
  await expect(restore.getByRole('status')).toContainText('Nothing new');
  const newer = JSON.parse(await readFile(file, 'utf8'));
  newer.version = 99;
  await restore.getByLabel('Restore from a backup file').setInputFiles({
    name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)),
  });
  await expect(restore.getByRole('status')).toContainText('made by a newer version of Peer Coach');
  await restore.getByLabel('Restore from a backup file').setInputFiles({
    name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(restore.getByRole('status')).toContainText('not a Peer Coach backup');
  expect(await stored(clean)).toEqual(before);
});
