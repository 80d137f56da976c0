// Team rotation: a team of nine, six periods of pairs with one trio, nobody
// meeting the same person twice, a sit-out instead, the CSV, kept on reload.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { heading } from './flow';
import { expectNoA11yViolations, screenshot } from './helpers';

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
  const groupsOf = (i: number) => rows.nth(i).getByRole('listitem').allTextContents();
  // With a trio: everyone placed once per period, one group of three.
  for (let i = 1; i <= 6; i++) {
    const groups = await groupsOf(i);
    expect(groups).toHaveLength(4);
    expect(groups.flatMap((g) => g.split(' & ')).sort()).toEqual([...TEAM].sort());
    expect(groups.filter((g) => g.split(' & ').length === 3)).toHaveLength(1);
  }
  await expectNoA11yViolations(page, 'rotation');
  await screenshot(page, 'rotation');

  // A sit-out instead: four pairs and a different person out each period,
  // and nobody meets the same person twice.
  await page.getByRole('radio', { name: 'One person sits out' }).check();
  await expect(rows.nth(1).getByRole('listitem')).toHaveCount(4);
  const pairsSeen = new Set<string>();
  const out = new Set<string>();
  for (let i = 1; i <= 6; i++) {
    const groups = await groupsOf(i);
    expect(groups.every((g) => g.split(' & ').length === 2)).toBe(true);
    out.add((await rows.nth(i).getByRole('cell').last().textContent()) ?? '');
    for (const g of groups) {
      const [a, b] = g.split(' & ').sort();
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
