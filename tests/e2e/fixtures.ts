// The `test` every journey uses: Playwright's, and an automatic check that
// no request of the journey left the machine. The app's pages, the local
// course page of the embedding journey and data:/blob: URLs are all on
// 127.0.0.1 or in the page; anything else (a font, an analytics script, a
// CDN) fails the journey that made it.
import { test as base, expect, type BrowserContext } from '@playwright/test';

const LOCAL = /^(https?:\/\/127\.0\.0\.1(:\d+)?\/|data:|blob:|about:)/;

export const test = base.extend<{ nothingLeaves: void }>({
  nothingLeaves: [
    async ({ browser, context }, use) => {
      const left: string[] = [];
      const watch = (c: BrowserContext) => c.on('request', (r) => {
        if (!LOCAL.test(r.url())) left.push(r.url());
      });
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const c = await newContext(...args);
        watch(c);
        return c;
      };
      await use();
      browser.newContext = newContext;
      expect(left, 'requests that left the machine').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Browser, BrowserContext, Frame, Locator, Page } from '@playwright/test';
