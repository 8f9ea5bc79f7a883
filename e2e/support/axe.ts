import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

export interface ContrastProblem {
  target: string;
  text: string;
  summary: string;
}

/**
 * Runs axe-core's `color-contrast` rule (WCAG AA: 4.5:1 for text, 3:1 for
 * large text) on what the page shows now, axe injected from its npm package.
 */
export async function contrastProblems(page: Page): Promise<ContrastProblem[]> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: await source });
  // Colours are measured as they settle: a chip caught mid-transition (white fading to its colour) is not what a user reads.
  // (Endless ones, such as a progress bar's, are left running.)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished),
    ),
  );
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document, options: object) => Promise<{ violations: { nodes: { target: string[]; html: string; failureSummary?: string }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] });
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node) => ({
        target: node.target.join(' '),
        text: node.html.slice(0, 120),
        summary: (node.failureSummary ?? '').split('\n').slice(-1)[0] ?? '',
      })),
    );
  });
}

/** Whether the page scrolls sideways: its content is wider than the window. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}
