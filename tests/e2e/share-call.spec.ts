// "Share it on the call", and what a bad address, a set-aside record or
// refused storage says: the promises of issue 11, sections 4 and 9.
import { expect, test, type Browser, type Page } from './fixtures';
import { agree, heading, startSession } from './flow';
import { expectNoA11yViolations } from './helpers';

const SHOTS = process.env.E2E_SHOTS ?? 'screenshots';

async function person(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  return context.newPage();
}

async function openShare(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Share this session' })).toBeVisible();
  return page.getByLabel('Link to this session').inputValue();
}

/** Text that does not compress: enough for a link as long as a complete
 * one-hour session's. */
function longText(chars: number): string {
  let x = 7;
  let out = '';
  for (let i = 0; i < chars; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += i % 6 === 5 ? ' ' : String.fromCharCode(97 + ((x >> 16) % 26));
  }
  return out;
}

/**
 * Read the QR code in a PNG with jsQR (an independent decoder from npm),
 * in a blank page of the same browser: it draws the image on a canvas
 * and hands jsQR its pixels. The text read, or null.
 */
async function readQr(page: Page, png: Buffer): Promise<string | null> {
  const blank = await page.context().newPage();
  try {
    await blank.addScriptTag({ path: require.resolve('jsqr') });
    return await blank.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const jsQR = (window as unknown as { jsQR: typeof import('jsqr').default }).jsQR;
      return jsQR(data, width, height)?.data ?? null;
    }, png.toString('base64'));
  } finally {
    await blank.close();
  }
}

test('the QR code, shown large, is read from a screenshot at device scale 1', async ({ browser }) => {
  // A long journey: three times the budget of one (playwright.config.ts).
  test.slow();
  const a = await person(browser);
  await a.goto('/');
  await startSession(a);
  await agree(a);
  await a.getByLabel('Topic', { exact: true }).fill('Quieter people in meetings');
  await a.getByLabel('Outcome for today').fill(longText(1500));
  const link = await openShare(a);
  // As long as a complete one-hour session's link (about 1,300 characters).
  expect(link.length).toBeGreaterThan(1200);

  // The small code alone is too small to read: that is why the large one exists.
  await a.getByRole('button', { name: 'Show the QR code large' }).click();
  const dialog = a.getByRole('dialog', { name: 'Scan to open the session' });
  await expect(dialog).toBeVisible();
  const code = dialog.getByRole('img', { name: 'QR code' });
  await expect(code).toBeVisible();
  const modules = Number((await code.getAttribute('viewBox'))!.split(' ')[2]);
  const box = (await code.boundingBox())!;
  expect(box.width / modules, `${modules} modules in ${box.width} px`).toBeGreaterThanOrEqual(4);
  await expectNoA11yViolations(a, 'QR code large');

  // What a phone's camera sees: the whole window, at one device pixel per CSS pixel.
  const shot = await a.screenshot({ path: `${SHOTS}/qr-large-1280.png` });
  expect(await readQr(a, shot)).toBe(link);
  // The small code of the panel has too few pixels per module for a
  // camera to read reliably (a reader's luck decided it once; the size
  // does not): hence the large one.
  await a.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const panelCode = a.getByRole('img', { name: /QR code: Scan it/ });
  const smallModules = Number((await panelCode.getAttribute('viewBox'))!.split(' ')[2]);
  const smallBox = (await panelCode.boundingBox())!;
  expect(smallBox.width / smallModules, `${smallModules} modules in ${smallBox.width} px`).toBeLessThan(4);
  await a.getByRole('button', { name: 'Show the QR code large' }).click();
  await expect(dialog).toBeVisible();

  // Escape closes it, and the panel is back.
  await a.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(a.getByRole('button', { name: 'Show the QR code large' })).toBeVisible();

  // On a phone-sized window it still fits the screen.
  await a.setViewportSize({ width: 390, height: 844 });
  await a.getByRole('button', { name: 'Show the QR code large' }).click();
  const small = (await code.boundingBox())!;
  expect(small.x).toBeGreaterThanOrEqual(0);
  expect(small.x + small.width).toBeLessThanOrEqual(390);
  await a.screenshot({ path: `${SHOTS}/qr-large-390.png` });
  await dialog.getByRole('button', { name: 'Close the QR code' }).click();
  await expect(dialog).toBeHidden();
});

test('a spoken passphrase opens the link however the listener types it', async ({ browser }) => {
  const a = await person(browser);
  await a.goto('/');
  await startSession(a);
  await agree(a);
  await a.getByLabel('Topic', { exact: true }).fill('Said aloud');
  await openShare(a);
  await a.getByLabel('Protect with a passphrase').check();
  const field = a.getByRole('textbox', { name: 'Passphrase' });
  await expect(field).toHaveAttribute('autocapitalize', 'none');
  const said = await field.inputValue();
  expect(said).toMatch(/^[a-z]+(-[a-z]+){3}$/);
  await a.getByRole('button', { name: 'Create the protected link' }).click();
  const link = a.getByLabel('Link to this session');
  await expect(link).toHaveValue(/#e1\./);
  const locked = await link.inputValue();

  const b = await person(browser);
  await b.goto(locked);
  await heading(b, 'This session is protected');
  const typed = b.getByRole('textbox', { name: 'Passphrase' });
  await expect(typed).toHaveAttribute('autocapitalize', 'none');
  // Another word list is refused…
  await typed.fill('other words entirely here');
  await b.getByRole('button', { name: 'Unlock' }).click();
  await expect(b.getByRole('alert').filter({ hasText: /passphrase/i })).toBeVisible();
  // …what was heard, with capitals and spaces, opens it.
  const heard = ` ${said.split('-').map((w, i) => (i % 2 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1))).join('  ')}. `;
  await typed.fill(heard);
  await b.getByRole('button', { name: 'Unlock' }).click();
  await heading(b, 'Goal');
  await expect(b.getByLabel('Topic', { exact: true })).toHaveValue('Said aloud');
});

test('an address that is not a page nor a whole link says it could not be read', async ({ browser }) => {
  const a = await person(browser);
  await a.goto('/');
  await startSession(a);
  await agree(a);
  await a.getByLabel('Topic', { exact: true }).fill('Mangled on the way');
  const link = await openShare(a);
  const payload = link.split('#')[1];

  const b = await person(browser);
  // `#` written as `%23` by a chat app: the link still opens.
  await b.goto(`/#%23${payload}`);
  await heading(b, 'Goal');
  await expect(b.getByLabel('Topic', { exact: true })).toHaveValue('Mangled on the way');

  // Cut right after its tag: the link is incomplete, and says so.
  const c = await person(browser);
  await c.goto('/#s1');
  await heading(c, 'This link could not be opened');
  await expect(c.getByRole('alert')).toContainText('incomplete');
  await expect(c.getByRole('alert')).toContainText('Nothing on this device was changed');

  // Neither a page nor a link.
  for (const hash of ['#/nope', '#hello', '#/session/a b']) {
    await c.goto(`/${hash}`);
    await heading(c, 'This address could not be read');
    await expect(c.getByRole('alert')).toContainText('Nothing on this device was changed');
    await expect(c.getByLabel('Paste a link or the text you were sent')).toBeVisible();
  }
  await expectNoA11yViolations(c, 'address could not be read');
  await c.screenshot({ path: `${SHOTS}/address-unreadable-1280.png`, fullPage: true });
  await c.getByRole('button', { name: 'Home' }).click();
  await expect(c.getByRole('button', { name: 'Start a session' })).toBeVisible();
});

test("a set-aside session's address says it was set aside, not that it is not here", async ({ browser }) => {
  const page = await person(browser);
  await page.goto('/');
  // The app has read the device before the broken record is written, so
  // that it is found on the reload below, not by this first start.
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeVisible();
  await page.evaluate(() => localStorage.setItem('peer-coach.session.broken1', '{"v":1,"data":{"id":'));
  // A new start at the session's address: not a change of route in the
  // running app, which could read the record (and set it aside) first,
  // before the start this test is about.
  await page.goto('about:blank');
  await page.goto('/#/session/broken1');
  await expect(page.getByRole('status').filter({ hasText: 'set aside' })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('set aside on this device, unchanged');
  await expect(alert).not.toContainText('not on this device');
  expect(await page.evaluate(() => localStorage.getItem('peer-coach.aside.session.broken1'))).toBe('{"v":1,"data":{"id":');
  await expectNoA11yViolations(page, 'set-aside session');
  await page.screenshot({ path: `${SHOTS}/session-set-aside-1280.png`, fullPage: true });
  // A session that never was here still says so.
  await page.goto('/#/session/never1');
  await expect(page.getByRole('alert')).toContainText('not on this device');
});

test('with storage refused, History does not claim storage is used', async ({ browser }) => {
  const page = await person(browser);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/');
  await startSession(page);
  await page.goto('/#/history');
  await heading(page, 'History');
  await expect(page.getByText(/everything stays in this tab until it is closed\. Sessions: 1\./)).toBeVisible();
  await expect(page.getByText(/Storage used in this browser/)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/history-storage-refused-1280.png`, fullPage: true });
});
