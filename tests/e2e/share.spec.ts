// Sharing through the link, as two people on a call in two browsers.
import { expect, test, type Browser, type Page } from './fixtures';
import { A, B, agree, heading, startSession } from './flow';
import { expectIdsResolve, expectNoA11yViolations, screenshot } from './helpers';

async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function openShare(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Share this session' })).toBeVisible();
  return page.getByLabel('Link to this session').inputValue();
}

async function stored(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => ({ ...localStorage }));
}

test('A shares, B continues and shares back, A ends with both halves and keeps private notes', async ({ browser }) => {
  const a = await person(browser);
  await a.goto('/');
  await startSession(a);
  await agree(a);
  await a.getByLabel('Topic', { exact: true }).fill('Quieter people in meetings');
  await a.getByLabel('My private notes').fill('A: she hesitated before answering');
  const link = await openShare(a);
  expect(link).toMatch(/#s1\./);
  await expect(a.getByText(/characters: fits in any chat/)).toBeVisible();
  await expect(a.getByRole('img', { name: /QR code/ })).toBeVisible();
  await a.getByRole('button', { name: 'Copy link' }).click();
  await expect(a.getByRole('status').filter({ hasText: /Copied|Ctrl\+C/ })).toBeVisible();
  await expectNoA11yViolations(a, 'share panel');
  await expectIdsResolve(a, 'share panel');
  await screenshot(a, 'share-panel');

  const b = await person(browser);
  await b.goto(link);
  await heading(b, 'Goal');
  await expect(b).not.toHaveURL(/s1\./); // the payload left the address bar
  await expect(b.getByLabel('Topic', { exact: true })).toHaveValue('Quieter people in meetings');
  await expect(b.getByLabel('My private notes')).toHaveValue('');
  await b.getByRole('button', { name: `${A} coaches ${B}: Goal` }).click();
  await b.getByLabel('Topic', { exact: true }).fill('Saying no to sales');
  const back = await openShare(b);

  await a.goto(back);
  await heading(a, 'You already have this session');
  await expect(a.getByRole('group', { name: `${B}'s Goal` })).toBeVisible();
  await expect(a.getByRole('group', { name: `${B}'s Goal` }).getByRole('radio', { name: 'Take theirs' })).toBeChecked();
  // What differs is marked line by line.
  await expect(a.getByRole('group', { name: `${B}'s Goal` }).getByRole('listitem')).toContainText(['Saying no to sales (not in the other version)']);
  await expectNoA11yViolations(a, 'merge');
  await screenshot(a, 'merge');
  await a.getByRole('button', { name: 'Apply and open' }).click();
  await heading(a, 'Goal');
  await expect(a.getByLabel('Topic', { exact: true })).toHaveValue('Quieter people in meetings');
  await expect(a.getByLabel('My private notes')).toHaveValue('A: she hesitated before answering');
  await a.getByRole('button', { name: `${A} coaches ${B}: Goal` }).click();
  await expect(a.getByLabel('Topic', { exact: true })).toHaveValue('Saying no to sales');
});

test('keep both versions as separate sessions', async ({ browser }) => {
  const a = await person(browser);
  await a.goto('/');
  await startSession(a);
  await agree(a);
  const link = await openShare(a);
  await a.getByLabel('Topic', { exact: true }).fill('Mine, changed after sharing');
  const b = await person(browser);
  await b.goto(link);
  await b.getByLabel('Topic', { exact: true }).fill('Theirs');
  const back = await openShare(b);
  await a.goto(back);
  await a.getByRole('button', { name: 'Keep both versions as separate sessions' }).click();
  await expect(a.getByLabel('Topic', { exact: true })).toHaveValue('Theirs');
  await a.getByRole('link', { name: 'Peer Coach' }).click();
  await expect(a.getByRole('link', { name: /Mine, changed after sharing/ })).toBeVisible();
  await expect(a.getByRole('link', { name: /Theirs/ })).toBeVisible();
  // History says which is which.
  await a.goto('/#/history');
  await heading(a, 'History');
  const rows = a.getByRole('listitem').filter({ has: a.getByRole('heading', { level: 2 }) });
  await expect(rows.filter({ hasText: 'Mine, changed after sharing' })).toContainText("This device's version (a copy is kept beside it)");
  await expect(rows.filter({ hasText: 'Copy from a link' })).toContainText('Theirs');
  await expect(rows.filter({ hasText: 'Copy from a link' })).toContainText(/the version of \d{4}-\d{2}-\d{2}, \d{2}:\d{2}/);
  await screenshot(a, 'history-copies');
});

test('a protected link asks for the passphrase and lets a wrong one be retried', async ({ browser }) => {
  const a = await person(browser);
  await a.goto('/');
  await startSession(a);
  await agree(a);
  await a.getByLabel('Topic', { exact: true }).fill('Confidential topic');
  await openShare(a);
  await a.getByLabel('Protect with a passphrase').check();
  const words = await a.getByLabel('Passphrase', { exact: true }).inputValue();
  expect(words.split('-').length).toBeGreaterThanOrEqual(4);
  await a.getByRole('button', { name: 'Create the protected link' }).click();
  await expect(a.getByText('Protected link ready')).toBeVisible();
  const link = await a.getByLabel('Link to this session').inputValue();
  expect(link).toMatch(/#e1\./);
  expect(link).not.toContain('Confidential');
  await expectNoA11yViolations(a, 'share panel, protected');
  await expectIdsResolve(a, 'share panel, protected');

  const b = await person(browser);
  await b.goto(link);
  await heading(b, 'This session is protected');
  await expectNoA11yViolations(b, 'passphrase screen');
  await expectIdsResolve(b, 'passphrase screen');
  await b.getByLabel('Passphrase', { exact: true }).fill('wrong horse');
  await b.getByRole('button', { name: 'Unlock' }).click();
  await expect(b.getByRole('alert')).toContainText('does not open');
  await b.getByLabel('Passphrase', { exact: true }).fill(words);
  await b.getByRole('button', { name: 'Unlock' }).click();
  await heading(b, 'Goal');
  await expect(b.getByLabel('Topic', { exact: true })).toHaveValue('Confidential topic');
});

/** Hold the browser's key derivation until the test lets it go (`__open`)
 * or fails it (`__fail`), so a busy state can be seen however fast the
 * machine is. `__arm` holds the next one again. */
async function gateKeyDerivation(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const subtle = crypto.subtle;
    const derive = subtle.deriveKey.bind(subtle);
    let gate: Promise<boolean> = Promise.resolve(true);
    w.__arm = () => {
      gate = new Promise((resolve) => {
        w.__open = () => resolve(true);
        w.__fail = () => resolve(false);
      });
    };
    (w.__arm as () => void)();
    subtle.deriveKey = (async (...args: Parameters<SubtleCrypto['deriveKey']>) => {
      if (!(await gate)) throw new DOMException('held and failed by the test', 'OperationError');
      return derive(...args);
    }) as SubtleCrypto['deriveKey'];
  });
}

async function call(page: Page, name: '__open' | '__fail' | '__arm'): Promise<void> {
  await page.evaluate((n) => (window as unknown as Record<string, () => void>)[n](), name);
}

test('a busy lock or unlock disables its button and gives it back when it fails', async ({ browser }) => {
  const a = await person(browser);
  await gateKeyDerivation(a);
  await a.goto('/');
  await startSession(a);
  await agree(a);
  await openShare(a);
  await a.getByLabel('Protect with a passphrase').check();
  const words = await a.getByLabel('Passphrase', { exact: true }).inputValue();
  // Failing: busy while it runs, then the button is back and says why.
  await a.getByRole('button', { name: 'Create the protected link' }).click();
  await expect(a.getByRole('button', { name: 'Protecting…' })).toBeDisabled();
  await call(a, '__fail');
  await expect(a.getByText(/cannot encrypt here/)).toBeVisible();
  await expect(a.getByRole('button', { name: 'Create the protected link' })).toBeEnabled();
  // Then succeeding, the same way.
  await call(a, '__arm');
  await a.getByRole('button', { name: 'Create the protected link' }).click();
  await expect(a.getByRole('button', { name: 'Protecting…' })).toBeDisabled();
  await call(a, '__open');
  await expect(a.getByText('Protected link ready')).toBeVisible();
  await expect(a.getByRole('button', { name: 'Create the protected link' })).toBeEnabled();
  const link = await a.getByLabel('Link to this session').inputValue();

  const b = await person(browser);
  await gateKeyDerivation(b);
  await b.goto(link);
  await heading(b, 'This session is protected');
  const alert = b.getByRole('alert');
  for (const attempt of [1, 2]) {
    await b.getByLabel('Passphrase', { exact: true }).fill('wrong horse');
    await b.getByRole('button', { name: 'Unlock' }).click();
    // While it runs: disabled, and an earlier refusal is cleared so that
    // this one is announced again.
    await expect(b.getByRole('button', { name: 'Unlocking…' }), `try ${attempt}`).toBeDisabled();
    await expect(alert).toBeEmpty();
    await call(b, '__open');
    await expect(alert).toContainText('does not open');
    await expect(b.getByRole('button', { name: 'Unlock', exact: true })).toBeEnabled();
    await expect(b.getByLabel('Passphrase', { exact: true })).toBeFocused();
    await call(b, '__arm');
  }
  await b.getByLabel('Passphrase', { exact: true }).fill(words);
  await b.getByRole('button', { name: 'Unlock' }).click();
  await call(b, '__open');
  await heading(b, 'Goal');
});

test('bad links say what is wrong and change nothing on the device', async ({ page }) => {
  await page.goto('/');
  await startSession(page);
  await agree(page);
  await page.getByLabel('Topic', { exact: true }).fill('My own work');
  const link = await openShare(page);
  const payload = link.split('#')[1];
  // What this device holds once the typed topic is saved (a moment after
  // the last key).
  await expect.poll(async () => JSON.stringify(await stored(page))).toContain('My own work');
  const before = await stored(page);
  const flipped = payload.slice(0, 40) + (payload[40] === 'A' ? 'B' : 'A') + payload.slice(41);
  const cases: [string, RegExp][] = [
    [payload.slice(0, Math.floor(payload.length / 2)), /incomplete/],
    [flipped, /changed on its way/],
    ['s1.', /incomplete|empty|not a Peer Coach link/],
    ['s9.' + payload.slice(3), /newer version/],
    ['e1.AAAA', /changed on its way|incomplete|damaged/],
  ];
  for (const [bad, message] of cases) {
    await page.goto('/#' + bad);
    await expect(page.getByRole('alert').first(), bad.slice(0, 20)).toContainText(message);
    await expect(page.getByText('Nothing on this device was changed.')).toBeVisible();
  }
  await expectNoA11yViolations(page, 'bad link');
  await screenshot(page, 'bad-link');
  expect(await stored(page)).toEqual(before);

  // What mail and chat apps do to a link does no harm when pasted.
  const mangled = `Here it is:\n${link.slice(0, 60)}\n${link.slice(60, 120)} ${link.slice(120)}.`;
  await page.goto('/');
  await page.getByLabel('Paste a link or the text you were sent').fill(mangled.replace('#', '%23'));
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await heading(page, 'Goal');
  await expect(page.getByLabel('Topic', { exact: true })).toHaveValue('My own work');
});

test('markup and scripts in every text field stay text', async ({ browser }) => {
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  const a = await person(browser);
  await a.goto('/');
  await a.getByRole('button', { name: 'Start a session' }).click();
  await a.getByLabel("Person A's first name").fill(evil);
  await a.getByLabel("Person B's first name").fill('B' + evil);
  await a.getByRole('button', { name: 'Begin' }).click();
  await a.getByLabel('Ground rule 1').fill(evil);
  await a.getByRole('button', { name: 'Skip the agreement' }).click();
  await a.getByLabel('Topic', { exact: true }).fill(evil);
  await a.getByLabel('Outcome for today').fill(evil);
  await a.getByRole('button', { name: 'Next phase' }).click();
  await a.getByLabel('Notes on the situation').fill(evil);
  await a.getByRole('button', { name: 'Next phase' }).click();
  await a.getByLabel('New option').fill(evil);
  await a.getByLabel('New option').press('Enter');
  await a.getByRole('button', { name: '+ Add a pro' }).click();
  await a.getByRole('textbox', { name: 'Pro 1 of option 1' }).fill(evil);
  await a.getByRole('button', { name: '+ Add a con' }).click();
  await a.getByRole('textbox', { name: 'Con 1 of option 1' }).fill(evil);
  await a.getByRole('checkbox', { name: 'Chosen option 1' }).check();
  await a.getByRole('button', { name: 'Next phase' }).click();
  await a.getByRole('button', { name: '+ Add an action' }).click();
  await a.getByLabel('What').fill(evil);
  await a.getByLabel('First step (optional)').fill(evil);
  await a.getByLabel('Owner', { exact: true }).selectOption('other');
  await a.getByLabel("Owner's name").fill(evil);
  await a.getByRole('radio', { name: '3', exact: true }).check();
  await a.getByLabel('What would make it a 4?').fill(evil);
  const link = await openShare(a);

  const b = await person(browser);
  await b.goto(link);
  await b.getByRole('navigation', { name: 'Session steps' }).getByRole('button', { name: 'Wrap-up' }).click();
  await heading(b, 'Wrap-up');
  await b.getByLabel(/one sentence to remember/).first().fill(evil);
  await expect(b.getByText(evil).first()).toBeVisible();
  expect(await b.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await b.locator('main img, main script').count()).toBe(0);
});

test('the file fallback: download on one side, open on the other', async ({ browser }) => {
  const a = await person(browser);
  await a.goto('/');
  await startSession(a);
  await agree(a);
  await a.getByLabel('Topic', { exact: true }).fill('Sent as a file');
  await openShare(a);
  const [download] = await Promise.all([
    a.waitForEvent('download'),
    a.getByRole('button', { name: 'Download as a file' }).click(),
  ]);
  const path = await download.path();

  const b = await person(browser);
  await b.goto('/');
  await b.getByLabel('Or choose a file').setInputFiles(path!);
  await heading(b, 'Goal');
  await expect(b.getByLabel('Topic', { exact: true })).toHaveValue('Sent as a file');
});

test('two tabs on one device: the older tab takes the newer version', async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await first.goto('/');
  await startSession(first);
  await agree(first);
  await first.getByLabel('Topic', { exact: true }).fill('Typed in the first tab');
  const second = await context.newPage();
  await second.goto(first.url());
  await second.getByLabel('Topic', { exact: true }).fill('Typed in the second tab');
  await expect(first.getByLabel('Topic', { exact: true })).toHaveValue('Typed in the second tab');
  await expect(first.getByRole('status').filter({ hasText: 'changed in another tab' })).toBeVisible();
});
