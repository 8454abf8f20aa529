import type { Browser, Page } from 'playwright-core';
import { newContext } from './browser.js';

/** A fresh browser profile signed in to the admin console at /admin/. */
export async function signInToConsole(browser: Browser, baseUrl: string, username: string, password: string, options: { locale?: string; path?: string } = {}): Promise<Page> {
  const context = await newContext(browser, { locale: options.locale });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin${options.path ?? '/'}`);
  await submitSignIn(page, username, password);
  await page.getByTestId('nav-customers').waitFor();
  return page;
}

export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('signin-username').fill(username);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

/** A short random suffix, so each test's names are its own in the shared database. */
export function uniqueSuffix(): string {
  return Math.random().toString(36).slice(2, 8);
}

/** Every `t('…')` key used in a source text (the rule is: always a string literal). */
export function translationKeysUsed(source: string): string[] {
  return [...source.matchAll(/\bt\(\s*'([^']+)'/g)].map((match) => match[1]);
}
