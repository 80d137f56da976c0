// One person of the two-network journey (tests/netns/run.sh): runs inside
// its own network namespace, serves the release build on its own
// 127.0.0.1, drives its own Chromium, and trades the invitation and the
// reply with the other person through files (the "chat").
//
//   node tests/netns/person.mjs inviter|joiner <dist> <port> <chat dir>
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve-dist.mjs';

const [role, dist, port, chat] = process.argv.slice(2);
const server = await startServer(dist, Number(port));

const said = (what) => console.log(`[${role}] ${what}`);
/** Wait for the other person's message in the chat. */
async function heard(name, timeoutMs = 120_000) {
  const file = join(chat, name);
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`${role}: nothing in the chat for ${name}`);
}
const say = (name, text) => writeFile(join(chat, name), text);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
    // The candidates are the namespace's own address (no mDNS here).
    '--disable-features=WebRtcHideLocalIpsWithMdns'],
});
const page = await browser.newPage();
page.setDefaultTimeout(60_000);
const value = (label) => page.getByLabel(label, { exact: true }).inputValue();
const until = async (what, check) => {
  for (const end = Date.now() + 60_000; Date.now() < end;) {
    if (await check()) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`${role}: ${what} did not happen`);
};
let failed = false;
try {
  if (role === 'inviter') {
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByRole('button', { name: 'Start a session' }).click();
    await page.getByLabel("Person A's first name").fill('Amara');
    await page.getByLabel("Person B's first name").fill('Jonas');
    await page.getByRole('button', { name: 'Begin' }).click();
    await page.getByRole('checkbox', { name: 'Amara agrees' }).check();
    await page.getByRole('checkbox', { name: 'Jonas agrees' }).check();
    await page.getByRole('button', { name: 'Continue to Goal' }).click();
    await page.getByLabel('Topic', { exact: true }).fill('Across two networks');
    await page.getByRole('button', { name: 'Work together', exact: true }).click();
    await page.getByRole('button', { name: 'Make the invitation' }).click();
    const link = page.getByLabel('Invitation link');
    await until('the invitation', async () => /#j1\./.test(await link.inputValue()));
    await say('invitation', await link.inputValue());
    said('invitation in the chat');
    await page.getByLabel('Paste the reply here').fill(await heard('reply'));
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('main').getByText('Connected with Jonas', { exact: true }).waitFor();
    said('connected');
    await until("Jonas's outcome", async () => (await value('Outcome for today')) === 'Typed in the other network');
    said("sees Jonas's outcome");
    await say('done', 'yes');
  } else {
    await page.goto(await heard('invitation'));
    await page.getByLabel('Your first name').fill('Jonas');
    await page.getByRole('button', { name: 'Make my reply code' }).click();
    const code = page.getByLabel('Your reply code');
    await until('the reply code', async () => /^a1\./.test(await code.inputValue()));
    await say('reply', await code.inputValue());
    said('reply in the chat');
    await page.getByRole('main').getByText('Connected with Amara', { exact: true }).waitFor();
    said('connected');
    await until("Amara's topic", async () => (await value('Topic')) === 'Across two networks');
    said("sees Amara's topic");
    await page.getByLabel('Outcome for today').fill('Typed in the other network');
    await heard('done');
  }
} catch (e) {
  failed = true;
  console.error(`[${role}] ${e.message}`);
  await page.screenshot({ path: join(chat, `${role}.png`), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
