// The `test` every journey uses: Playwright's, and automatic checks that
// no page of the journey had an uncaught error (a panic stops the app) and
// that no request of the journey left the machine. The app's pages, the local
// course page of the embedding journey and data:/blob: URLs are all on
// 127.0.0.1 or in the page; anything else (a font, an analytics script, a
// CDN) fails the journey that made it.
import { test as base, expect, type BrowserContext } from '@playwright/test';

const LOCAL = /^(https?:\/\/127\.0\.0\.1(:\d+)?\/|data:|blob:|about:)/;

export const test = base.extend<{ nothingLeaves: void }>({
  nothingLeaves: [
    async ({ browser, context }, use) => {
      const left: string[] = [];
      // An uncaught error in a page: a panic in the wasm stops the app.
      const stopped: string[] = [];
      const watch = (c: BrowserContext) => {
        c.on('request', (r) => {
          if (!LOCAL.test(r.url())) left.push(r.url());
        });
        c.on('weberror', (e) => stopped.push(`${e.page()?.url() ?? ''}: ${e.error().message}`));
      };
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
      expect(stopped, 'uncaught errors in a page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Browser, BrowserContext, Frame, Locator, Page } from '@playwright/test';
