// Two people working together live: each is a page of its own browser
// context, in a Chromium whose WebRTC candidates are this machine's own
// addresses. (Chromium hides host addresses behind mDNS names,
// `<uuid>.local`, which the config's host resolver rules refuse: here
// the hiding is off.)
import { test, type Browser, type Page } from './fixtures';
import { CHROMIUM_ARGS } from '../../playwright.config';

/** Call at the top of a spec whose people connect to each other. */
export function connectDirectly(): void {
  test.use({
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--disable-features=WebRtcHideLocalIpsWithMdns'],
    },
  });
}

/** A person: a page of a new browser context. */
export async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}
