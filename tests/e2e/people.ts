// Two people working together live: each is a page of its own browser
// context, in a Chromium whose WebRTC candidates are this machine's own
// addresses. (Chromium hides host addresses behind mDNS names,
// `<uuid>.local`, which the config's host resolver rules refuse: here
// the hiding is off.)
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type Browser, type Page } from './fixtures';
import { CHROMIUM_ARGS } from '../../playwright.config';

/** Held by the journey whose people connect, so that two such journeys
 * (in two workers) never connect at the same moment on a loaded machine:
 * both once timed out together at "Connected with …". */
const LOCK = join(tmpdir(), 'peer-coach-e2e-live.lock');

async function hold(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch {
      // A lock left by a run that was killed is older than any journey.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 15 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Gone meanwhile: try again.
      }
      await new Promise((next) => setTimeout(next, 250));
    }
  }
}

/** Call at the top of a spec whose people connect to each other. */
export function connectDirectly(): void {
  test.use({
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--disable-features=WebRtcHideLocalIpsWithMdns'],
    },
  });
  test.beforeEach(async ({}, testInfo) => {
    // The wait for the other journey is not this one's time.
    testInfo.setTimeout(testInfo.timeout + 15 * 60_000);
    await hold();
  });
  test.afterEach(() => rmSync(LOCK, { recursive: true, force: true }));
}

/** A person: a page of a new browser context. */
export async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}
