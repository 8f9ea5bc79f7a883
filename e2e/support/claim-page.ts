import type { ClaimAction, ClaimStatus } from '@aftersale/graphql';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The claim page as the browser tests drive it: its status, its action buttons and their dialogs. */

export async function expectStatus(page: Page, status: ClaimStatus): Promise<void> {
  await expect.poll(() => page.getByTestId('claim-status').getAttribute('data-status'), { timeout: 10_000 }).toBe(status);
}

/** The action buttons on the claim page, once the claim has loaded. */
export async function actionsShown(page: Page): Promise<string[]> {
  await page.getByTestId('claim-actions').or(page.getByTestId('claim-actions-none')).waitFor();
  const ids = await page
    .locator('[data-testid^="claim-action-"]:not([data-testid^="claim-action-dialog"])')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')!));
  return ids.filter((id) => id !== 'claim-actions-none').map((id) => id.replace('claim-action-', ''));
}

export async function openAction(page: Page, action: ClaimAction): Promise<Locator> {
  await page.getByTestId(`claim-action-${action}`).click();
  const dialog = page.getByTestId(`claim-action-dialog-${action}`);
  await dialog.getByTestId('dialog-submit').waitFor();
  return dialog;
}
