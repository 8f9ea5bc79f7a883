import type { Locator } from 'playwright-core';

/** Submits a dialog and waits for it to close (it stays open, with the API's message, when the write fails). */
export async function submit(dialog: Locator): Promise<void> {
  await dialog.getByTestId('dialog-submit').click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
}
