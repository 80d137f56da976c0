// Working together live: two people, two browser contexts, connected
// directly (WebRTC over this machine's own addresses) through the
// invitation link and the reply code. No request leaves 127.0.0.1 (the
// `nothingLeaves` fixture): the data channel is not a request, and no ICE
// server is used by default.
import { expect, test, type Browser, type Page } from './fixtures';
import { A, B, agree, startSession } from './flow';
import { expectIdsResolve, expectNoA11yViolations } from './helpers';
import { connectDirectly, person } from './people';

connectDirectly();

async function shot(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 'auto';
  await page.screenshot({ path: `screenshots/live-${name}-${width}.png`, fullPage: true });
}

async function invite(a: Page, opts: { passphrase?: string } = {}): Promise<string> {
  await a.getByRole('button', { name: 'Work together', exact: true }).click();
  await expect(a.getByRole('heading', { name: 'Work together live' })).toBeVisible();
  await expect(a.getByText(/only browsers on the same network/)).toBeVisible();
  await expect(a.getByRole('checkbox', { name: 'Use a STUN server to connect across networks' })).not.toBeChecked();
  // Empty: this device may be either person's.
  await expect(a.getByLabel('Your first name')).toHaveValue('');
  await a.getByLabel('Your first name').fill(A);
  if (opts.passphrase) {
    await a.getByRole('checkbox', { name: 'Protect the invitation with a passphrase' }).check();
    await a.getByLabel('Passphrase', { exact: true }).fill(opts.passphrase);
  }
  await a.getByRole('button', { name: 'Make the invitation' }).click();
  const link = a.getByLabel('Invitation link');
  await expect(link).toHaveValue(opts.passphrase ? /#k1\./ : /#j1\./);
  return link.inputValue();
}

/** Keep every text the page says politely to screen readers, in order
 * (a text said again ends in a no-break space). */
async function recordSaid(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => {
      const text = document.querySelector('[aria-live="polite"][aria-atomic="true"]')?.textContent ?? '';
      if (text && said[said.length - 1] !== text) said.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

const said = (page: Page) => page.evaluate(() => (window as unknown as { said: string[] }).said);

test('two people connect with an invitation and a reply, talk, and see the connection lost', async ({ browser }) => {
  const a = await person(browser);
  await recordSaid(a);
  await a.goto('/');
  await startSession(a);
  await agree(a);
  await a.getByLabel('Topic', { exact: true }).fill('Quieter people in meetings');

  await a.getByRole('button', { name: 'Work together', exact: true }).click();
  await expect(a.getByRole('heading', { name: 'Work together live' })).toBeVisible();
  await expectNoA11yViolations(a, 'work together panel');
  await expectIdsResolve(a, 'work together panel');
  await shot(a, 'live-panel');
  await a.getByRole('checkbox', { name: 'Use a STUN server to connect across networks' }).check();
  await expect(a.getByText('The STUN server learns each browser\'s network address, never the session.')).toBeVisible();
  await expect(a.getByLabel('STUN server address')).toHaveValue('');
  await shot(a, 'live-panel-stun');
  await a.getByRole('checkbox', { name: 'Use a STUN server to connect across networks' }).uncheck();
  await a.getByRole('button', { name: 'Close' }).first().click();

  const link = await invite(a);
  await expect(a.getByText(/^\d+ characters\.$/)).toBeVisible();
  await expect(a.getByRole('img', { name: /QR code/ })).toBeVisible();
  await a.getByRole('button', { name: 'Copy the invitation' }).click();
  await expect(a.getByRole('status').filter({ hasText: /Copied|Ctrl\+C/ })).toBeVisible();
  await expectNoA11yViolations(a, 'invitation');
  await expectIdsResolve(a, 'invitation');
  await shot(a, 'live-invitation');

  const b = await person(browser);
  await b.goto(link);
  await expect(b.getByRole('heading', { name: 'Work together', level: 1 })).toBeVisible();
  await expect(b.getByText(`${A} invites you to work together on “Quieter people in meetings”.`)).toBeVisible();
  await expect(b.getByText(/only browsers on the same network/)).toBeVisible();
  await expectNoA11yViolations(b, 'invitation opened');
  await shot(b, 'live-join');
  await b.getByLabel('Your first name').fill(B);
  await b.getByRole('button', { name: 'Make my reply code' }).click();
  const codeField = b.getByLabel('Your reply code');
  await expect(codeField).toHaveValue(/^a1\./);
  const code = await codeField.inputValue();
  console.log(`invitation link ${link.length} characters (payload ${link.split('#')[1].length}), reply code ${code.length}`);
  await expect(b.getByText(`Paste it back in the call's chat for ${A}.`)).toBeVisible();
  await expect(b.getByText(`Waiting for ${A} to paste your reply…`)).toBeVisible();
  await expectNoA11yViolations(b, 'reply code');
  await expectIdsResolve(b, 'reply code');
  await shot(b, 'live-reply');

  // What goes wrong says what to do, and the invitation stays.
  const box = a.getByLabel('Paste the reply here');
  await box.fill('hello there');
  await a.getByRole('button', { name: 'Connect' }).click();
  await expect(a.getByRole('alert').filter({ hasText: 'This is not a reply code' })).toBeVisible();
  await box.fill(code.slice(0, 60));
  await a.getByRole('button', { name: 'Connect' }).click();
  await expect(a.getByRole('alert').filter({ hasText: 'The code is cut off. Copy all of it again.' })).toBeVisible();
  await shot(a, 'live-reply-error');

  await box.fill(`${B}: ${code}`);
  await a.getByRole('button', { name: 'Connect' }).click();
  await expect(a.getByRole('main').getByText(`Connected with ${B}`, { exact: true })).toBeVisible();
  await expect(b.getByRole('main').getByText(`Connected with ${A}`, { exact: true })).toBeVisible();
  // Said politely to screen readers.
  await expect(a.locator('[aria-live="polite"][aria-atomic="true"]')).toHaveText(`Connected with ${B}`);
  await expectNoA11yViolations(a, 'connected');
  await shot(a, 'live-connected');
  await shot(b, 'live-connected-joiner');

  // B is on the session, as A has it, and what each types shows on the other.
  await expect(b.getByRole('heading', { level: 1, name: 'Goal' })).toBeVisible();
  await expect(b.getByLabel('Topic', { exact: true })).toHaveValue('Quieter people in meetings');
  await b.getByLabel('Outcome for today').fill('One thing to try');
  await expect(a.getByLabel('Outcome for today')).toHaveValue('One thing to try');

  // The same invitation again on B's device: answered once only.
  const again = await b.context().newPage();
  await again.goto(link);
  await expect(again.getByRole('alert')).toContainText('You already answered this invitation on this device. Ask for a new invitation.');
  await shot(again, 'live-join-answered');

  // B goes: A is told at once, and keeps working.
  await b.context().close();
  await expect(a.getByRole('main').getByText('Connection lost: you can keep working; to reconnect, make a new invitation or ask for one.')).toBeVisible();
  await expect(a.locator('[aria-live="polite"][aria-atomic="true"]')).toHaveText(/Connection lost/);
  // "Connected" was said once, with B's name (which comes a moment after
  // the connection opens), not first as "the other person".
  expect((await said(a)).filter((text) => text.startsWith('Connected'))).toEqual([`Connected with ${B}`]);
  await a.getByLabel('Topic', { exact: true }).fill('Still here');
  await expectNoA11yViolations(a, 'connection lost');
  await shot(a, 'live-lost');

  // Reconnecting is a new invitation, from the same panel.
  await a.getByRole('button', { name: 'Make the invitation' }).click();
  const link2 = a.getByLabel('Invitation link');
  await expect(link2).toHaveValue(/#j1\./);
  expect(await link2.inputValue()).not.toEqual(link);
  const c = await person(browser);
  await c.goto(await link2.inputValue());
  await c.getByLabel('Your first name').fill(B);
  await c.getByRole('button', { name: 'Make my reply code' }).click();
  await expect(c.getByLabel('Your reply code')).toHaveValue(/^a1\./);
  // The old reply is for another invitation.
  await a.getByLabel('Paste the reply here').fill(code);
  await a.getByRole('button', { name: 'Connect' }).click();
  await expect(a.getByRole('alert').filter({ hasText: 'This reply is for another invitation.' })).toBeVisible();
  await a.getByLabel('Paste the reply here').fill(await c.getByLabel('Your reply code').inputValue());
  await a.getByRole('button', { name: 'Connect' }).click();
  await expect(a.getByRole('main').getByText(`Connected with ${B}`, { exact: true })).toBeVisible();
  await expect(c.getByRole('main').getByText(`Connected with ${A}`, { exact: true })).toBeVisible();
  // The session comes a moment after the connection, and C is on it.
  await expect(c).toHaveURL(/#\/session\//);

  // A leaves: C is told that A left (not that the connection broke); A
  // keeps the session and its presence line goes.
  await a.getByRole('button', { name: 'Leave' }).click();
  await expect(c.getByRole('main').getByText(`${A} left. You can keep working; to work together again, make a new invitation.`)).toBeVisible();
  await expect(c.getByRole('button', { name: 'Close' })).toBeVisible();
  await expect(a.getByRole('main').getByText(/Connected with|Connection lost/)).toBeHidden();
  await expect(a.getByLabel('Topic', { exact: true })).toHaveValue('Still here');

  // A new invitation, opened by C in the same tab (pasted in its address
  // bar): C's app keeps working and they connect again (a disposed
  // signal read there once stopped C's app).
  const stopped: string[] = [];
  c.on('pageerror', (e) => stopped.push(e.message));
  const make = a.getByRole('button', { name: 'Make the invitation' });
  if (!(await make.isVisible())) await a.getByRole('button', { name: 'Work together', exact: true }).click();
  await make.click();
  await expect(link2).toHaveValue(/#j1\./);
  await c.goto(await link2.inputValue());
  await c.getByLabel('Your first name').fill(B);
  await c.getByRole('button', { name: 'Make my reply code' }).click();
  await expect(c.getByLabel('Your reply code')).toHaveValue(/^a1\./);
  await a.getByLabel('Paste the reply here').fill(await c.getByLabel('Your reply code').inputValue());
  await a.getByRole('button', { name: 'Connect' }).click();
  await expect(a.getByRole('main').getByText(`Connected with ${B}`, { exact: true })).toBeVisible();
  await expect(c.getByRole('main').getByText(`Connected with ${A}`, { exact: true })).toBeVisible();
  await c.getByLabel('Outcome for today').fill('Back together');
  await expect(a.getByLabel('Outcome for today')).toHaveValue('Back together');
  expect(stopped).toEqual([]);

  // C (who joined) types and reloads its page at once: every key went
  // before the page did. The connection went with it, and C's page says
  // so when it comes back (not silent, as if still connected).
  await c.getByLabel('Outcome for today').fill('Back together, with the last words');
  await c.reload();
  await expect(a.getByLabel('Outcome for today')).toHaveValue('Back together, with the last words');
  await expect(c.getByLabel('Outcome for today')).toHaveValue('Back together, with the last words');
  await expect(c.getByRole('main').getByText('Connection lost: you can keep working; to reconnect, make a new invitation or ask for one.')).toBeVisible();
  await expect(a.getByRole('main').getByText(new RegExp(`Connection lost|${B} left`))).toBeVisible();
  await shot(c, 'live-reloaded');
  // To work together again, C's own name is offered, not the session's
  // first person's.
  await c.getByRole('button', { name: 'Work together', exact: true }).click();
  const panel = c.getByRole('region', { name: 'Work together live' });
  await expect(panel.getByLabel('Your first name')).toHaveValue(B);
  await panel.getByRole('button', { name: 'Close' }).first().click();
  await expect(panel).toBeHidden();
  // Closed, the line stays closed after another reload.
  await c.getByRole('button', { name: 'Close' }).click();
  await expect(c.getByRole('main').getByText(/Connection lost/)).toBeHidden();
  await c.reload();
  await expect(c.getByLabel('Outcome for today')).toHaveValue('Back together, with the last words');
  await expect(c.getByRole('main').getByText(/Connection lost/)).toBeHidden();
});

test('a protected invitation opens with its passphrase only; a garbled one says so', async ({ browser }) => {
  const a = await person(browser);
  await a.goto('/');
  await startSession(a);
  const link = await invite(a, { passphrase: 'maple river stone lake' });

  const b = await person(browser);
  await b.goto(link);
  await expect(b.getByText('This invitation is protected. Type the passphrase you heard on the call.')).toBeVisible();
  await b.getByLabel('Passphrase').fill('maple river');
  await b.getByRole('button', { name: 'Open the invitation' }).click();
  await expect(b.getByRole('alert').filter({ hasText: 'That passphrase does not open this invitation' })).toBeVisible();
  await expectNoA11yViolations(b, 'protected invitation');
  await shot(b, 'live-join-locked');
  await b.getByLabel('Passphrase').fill('Maple River Stone Lake');
  await b.getByRole('button', { name: 'Open the invitation' }).click();
  await expect(b.getByText(new RegExp(`^${A} invites you to work together`))).toBeVisible();

  const c = await person(browser);
  const changed = link.replace(/#k1\.(.)/, (_, ch) => `#k1.${ch === 'A' ? 'B' : 'A'}`);
  await c.goto(changed);
  await expect(c.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible();
  await expect(c.getByRole('alert')).toContainText('Copy it again from the message');
  await shot(c, 'live-join-garbled');
});

test('a tab that made an invitation answers someone else\'s, and they connect', async ({ browser }) => {
  // The first tab's panel is gone when the new attempt starts; it once
  // kept drawing with its signals disposed (three errors in the page,
  // which the fixture fails on).
  const a = await person(browser);
  await recordSaid(a);
  await a.goto('/');
  await startSession(a);
  await invite(a);
  // B's invitation gives no name: it says so in a sentence of its own.
  const b = await person(browser);
  await b.goto('/');
  await startSession(b);
  await b.getByRole('button', { name: 'Work together', exact: true }).click();
  await b.getByLabel('Your first name').fill('');
  await b.getByRole('button', { name: 'Make the invitation' }).click();
  const link = await b.getByLabel('Invitation link').inputValue();

  await a.goto(link);
  await expect(a.getByText(`You are invited to work together on “${A} & ${B}”.`)).toBeVisible();
  await a.getByLabel('Your first name').fill(B);
  await a.getByRole('button', { name: 'Make my reply code' }).click();
  const code = await a.getByLabel('Your reply code').inputValue();
  expect(code).toMatch(/^a1\./);
  // Only the one who invites can choose a STUN server.
  await expect(a.getByText(/or ask for an invitation that uses a STUN server/)).toBeVisible();
  await b.getByLabel('Paste the reply here').fill(code);
  await b.getByRole('button', { name: 'Connect' }).click();
  await expect(b.getByRole('main').getByText(`Connected with ${B}`, { exact: true })).toBeVisible();
  // Unnamed, the inviter is the session's other person, on screen and
  // said to screen readers.
  await expect(a.getByRole('main').getByText(`Connected with ${A}`, { exact: true })).toBeVisible();
  await expect(a.locator('[aria-live="polite"][aria-atomic="true"]')).toHaveText(`Connected with ${A}`);
  // Once, with the name the session gives a moment after the connection
  // opens, not first as "the other person".
  expect((await said(a)).filter((text) => text.startsWith('Connected'))).toEqual([`Connected with ${A}`]);
});

test('a joiner whose connection closes before the session came is told what to do', async ({ browser }) => {
  const a = await person(browser);
  // A's side says hello but the session never leaves it, as when A closes
  // the page the moment they connect.
  await a.addInitScript(() => {
    const send = RTCDataChannel.prototype.send;
    RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: string) {
      if (typeof data === 'string' && data.length > 300) return;
      return send.call(this, data);
    } as typeof send;
  });
  await a.goto('/');
  await startSession(a);
  const link = await invite(a);
  const b = await person(browser);
  await b.goto(link);
  await b.getByLabel('Your first name').fill(B);
  await b.getByRole('button', { name: 'Make my reply code' }).click();
  const code = await b.getByLabel('Your reply code').inputValue();
  await a.getByLabel('Paste the reply here').fill(code);
  await a.getByRole('button', { name: 'Connect' }).click();
  await expect(b.getByRole('main').getByText(`Connected with ${A}`, { exact: true })).toBeVisible();
  await expect(b.getByText('The session comes over the connection.')).toBeVisible();
  await a.context().close();
  await expect(b.getByRole('alert')).toContainText('The connection closed before the session arrived. Ask for a new invitation, or for a link to the session.');
  // Not "you can keep working", shown or said: there is nothing here to work on.
  await expect(b.getByText(/you can keep working/)).toHaveCount(0);
  await expect(b.locator('[aria-live="polite"][aria-atomic="true"]')).toHaveText(`Connected with ${A}`);
  await shot(b, 'live-session-missed');
  await b.getByRole('button', { name: 'Home', exact: true }).click();
  await expect(b.getByRole('button', { name: 'Start a session' })).toBeVisible();
});

test('at 320 px the panels fit and keep their labels', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const a = await context.newPage();
  await a.goto('/');
  await startSession(a);
  await invite(a);
  const overflow = await a.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
  await shot(a, 'live-invitation');
});

/** A invites; B makes a reply and closes the page; A pastes it and
 * connects, to someone no longer there. Returns A and the invitation. */
async function connectToAClosedPage(browser: Browser): Promise<{ a: Page; link: string }> {
  const a = await person(browser);
  await a.goto('/');
  await startSession(a);
  const link = await invite(a);
  const b = await person(browser);
  await b.goto(link);
  await b.getByRole('button', { name: 'Make my reply code' }).click();
  const code = await b.getByLabel('Your reply code').inputValue();
  expect(code).toMatch(/^a1\./);
  await b.context().close();
  await a.getByLabel('Paste the reply here').fill(code);
  await a.getByRole('button', { name: 'Connect' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Connecting…' })).toBeVisible();
  return { a, link };
}

test('a reply whose browser is gone does not connect, and says what to do', async ({ browser }) => {
  const { a } = await connectToAClosedPage(browser);
  // The app gives up after its 30 seconds (the budget waits up to 45).
  await expect(a.getByRole('alert').filter({ hasText: 'Could not connect within 30 seconds.' })).toBeVisible();
  await expect(a.getByRole('alert')).toContainText("Is the other person's page still open? Are you on the same network?");
  await expect(a.getByRole('button', { name: 'Make the invitation' })).toBeVisible();
  // Cancel went with "Connecting…": the focus is on the form, not the page.
  await expect(a.getByLabel('Your first name')).toBeFocused();
  await shot(a, 'live-timeout');
});

test('a connection that does not open can be cancelled, and a new invitation made at once', async ({ browser }) => {
  const { a, link } = await connectToAClosedPage(browser);
  await shot(a, 'live-connecting');
  // Connect's form is gone: the focus is on the way back, not the page.
  await expect(a.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
  await a.keyboard.press('Enter');
  // Back to the form, the focus on its first field, not lost to the page.
  await expect(a.getByLabel('Your first name')).toBeFocused();
  await expect(a.getByRole('status').filter({ hasText: 'Connecting…' })).toHaveCount(0);
  await a.getByRole('button', { name: 'Make the invitation' }).click();
  await expect(a.getByLabel('Invitation link')).toHaveValue(/#j1\./);
  expect(await a.getByLabel('Invitation link').inputValue()).not.toBe(link);
});

test('a reply nobody pastes is given up when the invitation expires, and says what to do', async ({ browser }) => {
  const a = await person(browser);
  await a.goto('/');
  await startSession(a);
  const link = await invite(a);
  const b = await person(browser);
  await b.clock.install();
  await b.goto(link);
  await b.getByLabel('Your first name').fill(B);
  await b.getByRole('button', { name: 'Make my reply code' }).click();
  await expect(b.getByLabel('Your reply code')).toHaveValue(/^a1\./);
  // It says until when it can be taken.
  await expect(b.getByText(/^Your reply works until \d{1,2}:\d{2}( [AP]M)?, when the invitation expires\.$/)).toBeVisible();
  // A never pastes it. Half an hour on, it still waits…
  await b.clock.fastForward('29:00');
  await expect(b.getByText(`Waiting for ${A} to paste your reply…`)).toBeVisible();
  // …and once the invitation is past its 30 minutes, it stops, and says so.
  await b.clock.fastForward('02:00');
  await expect(b.getByRole('alert')).toContainText('This invitation is more than 30 minutes old. Make a new invitation, or ask for one.');
  await expect(b.getByLabel('Your reply code')).toHaveCount(0);
  await shot(b, 'live-reply-expired');
  await b.getByRole('button', { name: 'Home', exact: true }).click();
  await expect(b.getByRole('button', { name: 'Start a session' })).toBeVisible();
});

test('with no names given, each side hears once that it is connected', async ({ browser }) => {
  const a = await person(browser);
  await recordSaid(a);
  await a.goto('/');
  await startSession(a);
  await a.getByRole('button', { name: 'Work together', exact: true }).click();
  await a.getByRole('button', { name: 'Make the invitation' }).click();
  const link = await a.getByLabel('Invitation link').inputValue();
  const b = await person(browser);
  await recordSaid(b);
  await b.goto(link);
  await b.getByRole('button', { name: 'Make my reply code' }).click();
  await a.getByLabel('Paste the reply here').fill(await b.getByLabel('Your reply code').inputValue());
  await a.getByRole('button', { name: 'Connect' }).click();
  // B's screen changes from the invitation to the session meanwhile.
  await expect(b.getByRole('heading', { level: 1, name: 'Our agreement' })).toBeVisible();
  for (const page of [a, b]) {
    await expect(page.getByRole('main').getByText('Connected with the other person', { exact: true })).toBeVisible();
    await expect(page.locator('[aria-live="polite"][aria-atomic="true"]')).toHaveText('Connected with the other person');
    expect((await said(page)).filter((text) => text.startsWith('Connected'))).toEqual(['Connected with the other person']);
  }
});

test("a move by the other person waits until this person's typing pauses", async ({ browser }) => {
  const a = await person(browser);
  await a.goto('/');
  await startSession(a);
  await agree(a);
  const link = await invite(a);
  const b = await person(browser);
  await b.goto(link);
  await b.getByLabel('Your first name').fill(B);
  await b.getByRole('button', { name: 'Make my reply code' }).click();
  await a.getByLabel('Paste the reply here').fill(await b.getByLabel('Your reply code').inputValue());
  await a.getByRole('button', { name: 'Connect' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Goal' })).toBeVisible();

  // B types the topic at a steady pace; A moves on while B is mid-sentence.
  const topic = 'Saying no to extra projects without feeling guilty';
  const typing = b.getByLabel('Topic', { exact: true }).pressSequentially(topic, { delay: 150 });
  await expect(a.getByLabel('Topic', { exact: true })).toHaveValue(/^Saying no/);
  await a.getByRole('button', { name: 'Next phase' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Reality' })).toBeVisible();
  // B's screen says why it stays.
  await expect(b.getByText('The other person went to another step: this screen follows when you pause typing.')).toBeVisible();
  await typing;
  // Every key reached the field…
  await expect(b.getByLabel('Topic', { exact: true })).toHaveValue(topic);
  // …and once B pauses, B's screen follows A to Reality.
  await expect(b.getByRole('heading', { level: 1, name: 'Reality' })).toBeVisible();
  // A has the whole topic too.
  await a.getByRole('navigation', { name: 'Session steps' }).getByRole('button', { name: 'Goal' }).first().click();
  await expect(a.getByLabel('Topic', { exact: true })).toHaveValue(topic);

  // B finishes a sentence while A has moved on, and at once presses Next
  // phase on the screen still shown: no phase is skipped for anyone.
  await expect(b.getByRole('heading', { level: 1, name: 'Goal' })).toBeVisible();
  const more = b.getByLabel('Outcome for today', { exact: true }).pressSequentially('One way to say no', { delay: 150 });
  await expect(a.getByLabel('Outcome for today', { exact: true })).toHaveValue(/^One/);
  await a.getByRole('button', { name: 'Next phase' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Reality' })).toBeVisible();
  await more;
  await b.getByRole('button', { name: 'Next phase' }).click();
  // B meant Goal to Reality, where A already is: both stay there (before,
  // the press moved the session on from Reality, to Options, for both).
  await expect(b.getByRole('heading', { level: 1, name: 'Reality' })).toBeVisible();
  await expect(b.getByLabel('Notes on the situation')).toBeVisible();
  await expect(a.getByRole('heading', { level: 1, name: 'Reality' })).toBeVisible();
  await expect(a.getByRole('navigation', { name: 'Session steps' }).locator('[aria-current]')).toContainText('Reality');
});
