import type { Browser, Page } from 'playwright-core';

/** The password of the seeded demo staff (agent, tech, analyst @aftersale.test). */
export const DEMO_PASSWORD = 'aftersale-demo';

/** A browser context of its own (a session) with `email` signed in to the console, on its first page. */
export async function signedIn(browser: Browser, url: string, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Username').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: 'Claims' }).waitFor();
  return page;
}
