// Three languages: the app follows the browser's language, can be changed
// in one place (and remembers it), sets the page's `lang`, and runs a whole
// session in Spanish and in Portuguese. A session shared from Spanish opens
// in Portuguese with each person's words unchanged and the built-in texts
// (phases, ground rules) in the reader's language. Axe in all three.
import { expect, test, type Browser, type Page } from './fixtures';
import { expectNoA11yViolations, screenshot } from './helpers';
import { agree, startSession } from './flow';

type Words = {
  locale: string;
  lang: string;
  start: string;
  setup: string;
  nameA: string;
  nameB: string;
  begin: string;
  agreement: string;
  agrees: (name: string) => string;
  continueTo: string;
  phases: string[];
  topic: string;
  nextPhase: string;
  toSwap: string;
  swap: string;
  secondHalf: string;
  toWrapUp: string;
  wrapUp: string;
  firstRule: string;
  share: string;
  link: string;
};

const ES: Words = {
  locale: 'es-ES', lang: 'es', start: 'Empezar una sesión', setup: 'Prepara tu sesión',
  nameA: 'Nombre de la persona A', nameB: 'Nombre de la persona B', begin: 'Empezar',
  agreement: 'Nuestro acuerdo', agrees: (n) => `${n} está de acuerdo`, continueTo: 'Continuar a Objetivo',
  phases: ['Objetivo', 'Realidad', 'Opciones', 'Voluntad'], topic: 'Tema', nextPhase: 'Siguiente fase',
  toSwap: 'Ir al cambio de roles', swap: 'Cambio de roles', secondHalf: 'Empezar la segunda mitad',
  toWrapUp: 'Ir al cierre', wrapUp: 'Cierre',
  firstRule: 'Lo que se dice aquí queda aquí, salvo que todos acordemos otra cosa.',
  share: 'Compartir', link: 'Enlace a esta sesión',
};

const PT: Words = {
  locale: 'pt-BR', lang: 'pt', start: 'Começar uma sessão', setup: 'Prepare a sua sessão',
  nameA: 'Primeiro nome da Pessoa A', nameB: 'Primeiro nome da Pessoa B', begin: 'Começar',
  agreement: 'Nosso acordo', agrees: (n) => `${n} concorda`, continueTo: 'Seguir para o Objetivo',
  phases: ['Objetivo', 'Realidade', 'Opções', 'Ação'], topic: 'Tema', nextPhase: 'Próxima fase',
  toSwap: 'Ir para a troca', swap: 'Trocar de papel', secondHalf: 'Começar a segunda metade',
  toWrapUp: 'Ir para o encerramento', wrapUp: 'Encerramento',
  firstRule: 'O que se diz aqui fica aqui, a não ser que todos combinemos outra coisa.',
  share: 'Compartilhar', link: 'Link para esta sessão',
};

async function pageIn(browser: Browser, locale: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ locale, colorScheme });
  return context.newPage();
}

async function h1(page: Page, name: string) {
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

/** A whole reciprocal session in one language, with axe on each kind of screen. */
async function wholeSession(page: Page, w: Words): Promise<string> {
  await page.goto('/');
  await expect(page.getByRole('button', { name: w.start })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', w.lang);
  await expectNoA11yViolations(page, `home ${w.lang}`);
  await page.getByRole('button', { name: w.start }).click();
  await h1(page, w.setup);
  await page.getByLabel(w.nameA).fill('Amara');
  await page.getByLabel(w.nameB).fill('Jonas');
  await expectNoA11yViolations(page, `setup ${w.lang}`);
  await page.getByRole('button', { name: w.begin, exact: true }).click();
  await h1(page, w.agreement);
  await expect(page.getByRole('textbox').first()).toHaveValue(w.firstRule);
  await page.getByRole('checkbox', { name: w.agrees('Amara') }).check();
  await page.getByRole('checkbox', { name: w.agrees('Jonas') }).check();
  await expectNoA11yViolations(page, `agreement ${w.lang}`);
  await page.getByRole('button', { name: w.continueTo }).click();
  for (const half of [0, 1]) {
    for (const [i, phase] of w.phases.entries()) {
      await h1(page, phase);
      if (i === 0) await page.getByLabel(w.topic, { exact: true }).fill(half === 0 ? 'Reuniones más cortas — «sin HTML» <b>' : 'Dizer não');
      if (half === 0 && i === 2) await expectNoA11yViolations(page, `phase ${w.lang}`);
      const last = i === 3;
      await page.getByRole('button', { name: last ? (half === 0 ? w.toSwap : w.toWrapUp) : w.nextPhase, exact: true }).click();
    }
    if (half === 0) {
      await h1(page, w.swap);
      await page.getByRole('button', { name: w.secondHalf }).click();
    }
  }
  await h1(page, w.wrapUp);
  await expect(page.getByText('Reuniones más cortas — «sin HTML» <b>')).toBeVisible();
  await expectNoA11yViolations(page, `wrap-up ${w.lang}`);
  await screenshot(page, `wrap-up-${w.lang}`);
  await page.getByRole('button', { name: w.share, exact: true }).click();
  return page.getByLabel(w.link).inputValue();
}

test('a whole session in Spanish, opened in Portuguese with the words unchanged', async ({ browser }) => {
  const es = await pageIn(browser, ES.locale);
  const link = await wholeSession(es, ES);

  const pt = await pageIn(browser, PT.locale, 'dark');
  await pt.goto(link);
  await h1(pt, PT.wrapUp);
  await expect(pt.locator('html')).toHaveAttribute('lang', 'pt');
  await expect(pt.getByText('Reuniones más cortas — «sin HTML» <b>')).toBeVisible();
  const steps = pt.getByRole('navigation');
  for (const phase of PT.phases) await expect(steps.getByRole('button', { name: new RegExp(phase) }).first()).toBeVisible();
  await steps.getByRole('button', { name: 'Objetivo' }).first().click();
  await h1(pt, 'Objetivo');
  await expect(pt.getByLabel(PT.topic, { exact: true })).toHaveValue('Reuniones más cortas — «sin HTML» <b>');
});

test('a whole session in Portuguese', async ({ browser }) => {
  const pt = await pageIn(browser, PT.locale);
  await wholeSession(pt, PT);
});

test('the language is chosen in one place, remembered, and English stays the default', async ({ browser }) => {
  const page = await pageIn(browser, 'de-DE');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Start a session' })).toBeVisible();
  await expectNoA11yViolations(page, 'home en');
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('button', { name: ES.start })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByLabel('Idioma')).toBeFocused();
  await page.reload();
  await expect(page.getByRole('button', { name: ES.start })).toBeVisible();
  await page.getByLabel('Idioma').selectOption('pt');
  await expect(page.getByRole('button', { name: PT.start })).toBeVisible();
  await page.goto('/#/exercise/feedforward');
  await expect(page.getByRole('heading', { level: 1, name: 'FeedForward' })).toBeVisible();
  await expectNoA11yViolations(page, 'exercise pt');
  await screenshot(page, 'exercise-pt');
});

test('times of day are written in the language chosen, as the dates are', async ({ browser }) => {
  // An American browser, the app in Spanish: no "AM" beside Spanish words.
  const page = await pageIn(browser, 'en-US');
  await page.goto('/');
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: ES.start }).click();
  await h1(page, ES.setup);
  await page.getByRole('button', { name: ES.begin, exact: true }).click();
  await h1(page, ES.agreement);
  await expect(page.locator('.session-clock')).toContainText(/termina a las \d{1,2}:\d{2}$/);
});

test('a link\'s language is where a reader starts: the one chosen from the menu stays after a reload', async ({ browser }) => {
  const page = await pageIn(browser, 'en-GB');
  await page.goto('/?lang=es&share=off#/exercises');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Guided exercises' })).toBeVisible();
  // The address says so (the link's other presets and the screen as they were).
  await expect(page).toHaveURL(/\?lang=en&share=off#\/exercises$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Guided exercises' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Language')).toHaveValue('en');
});

test('a session shared from a page with ?lang= opens in the reader\'s language', async ({ browser }) => {
  // A course links the app in Spanish; the link a learner shares is for
  // someone whose language may be another.
  const es = await pageIn(browser, 'en-GB');
  await es.goto('/?lang=es&embed=1');
  await es.getByRole('button', { name: ES.start }).click();
  await h1(es, ES.setup);
  await es.getByLabel(ES.nameA).fill('Amara');
  await es.getByLabel(ES.nameB).fill('Jonas');
  await es.getByRole('button', { name: ES.begin, exact: true }).click();
  await h1(es, ES.agreement);
  await es.getByRole('button', { name: ES.share, exact: true }).click();
  const link = await es.getByLabel(ES.link).inputValue();
  // Nothing of the page's address: neither its language nor its layout.
  expect(new URL(link).search).toBe('');

  const pt = await pageIn(browser, PT.locale);
  await pt.goto(link);
  await h1(pt, PT.agreement);
  await expect(pt.locator('html')).toHaveAttribute('lang', 'pt');
  await expect(pt.getByRole('textbox').first()).toHaveValue(PT.firstRule);
});

test('due dates are written as the browser writes them (en-GB), in every language, never as ISO', async ({ browser }) => {
  const page = await pageIn(browser, 'en-GB');
  await page.goto('/');
  await startSession(page, { format: 'One-way' });
  await agree(page);
  await page.getByLabel('Topic', { exact: true }).fill('Shorter meetings');
  const steps = page.getByRole('navigation', { name: 'Session steps' });
  await steps.getByRole('button', { name: 'Will' }).click();
  await page.getByRole('button', { name: '+ Add an action' }).click();
  await page.getByLabel('What').fill('Send the agenda a day early');
  await page.getByLabel('Due date').fill('2026-10-03');
  await steps.getByRole('button', { name: 'Wrap-up' }).click();
  const plan = page.getByRole('region').filter({ hasText: 'Send the agenda a day early' }).last();
  // en-GB: day, month, year; not the en-US "Oct 3, 2026", not ISO.
  await expect(plan).toContainText('due 3 Oct 2026');
  await expect(plan).not.toContainText('2026-10-03');
  await screenshot(page, 'due-date-en-GB');
  await page.getByLabel('Language').selectOption('es');
  await expect(plan).toContainText('fecha límite: 3 oct 2026');
  await page.getByLabel('Idioma').selectOption('pt');
  await expect(plan).toContainText('prazo: 3 de out. de 2026');
  await expect(plan).not.toContainText('2026-10-03');
  await screenshot(page, 'due-date-pt');
});
