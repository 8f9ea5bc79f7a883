import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './logins.js';

/** Signs `email` in on the console's login page, which `page` shows, and waits for the console. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: 'Claims' }).waitFor();
}

/** A browser context of its own (a session) with `email` signed in to the console, on its first page. */
export async function signedIn(browser: Browser, url: string, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  await signIn(page, email, password);
  return page;
}
