// Two tabs of one session typing at the same moment: every key of both
// stays, each field's text in order (the per-field merge of
// `domain::merge::fields`, run before every save and on every storage
// event).
import { expect, test } from './fixtures';
import { agree, heading, startSession } from './flow';

// FIXME (issue 11, section 9): still fails. Chromium's localStorage is
// cached per tab, so a tab can read the store before another tab's last
// write reaches it and write over it, and then the other tab's merge works
// from the wrong base. The per-field merge (domain::merge::fields) is right
// for the versions it is given; what is missing is a base that survives
// late reads: per-field change stamps in the record (last change wins per
// field, whole), as the live sync will need. Measured with this branch:
// 1 key of 21 lost in the topic (before: 8 of 21).
test.fixme('two tabs typing in different fields at the same moment lose no key', async ({ context }) => {
  test.setTimeout(120_000);
  const one = await context.newPage();
  await one.goto('/');
  await startSession(one);
  await agree(one);
  const two = await context.newPage();
  await two.goto(one.url());
  await heading(two, 'Goal');

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
  }
  await two.reload();
  await heading(two, 'Goal');
  await expect(two.getByLabel('Topic', { exact: true })).toHaveValue(TOPIC);
  await expect(two.getByLabel('Outcome for today')).toHaveValue(OUTCOME);
  await one.screenshot({ path: '/tmp/h3/two-tabs.png', fullPage: true });
});
