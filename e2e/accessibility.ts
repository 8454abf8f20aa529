import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One rule broken on a page, with the elements that break it, in words a person can act on. */
export interface Violation {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (WCAG 2.x A and AA rules and axe's best practices) and returns the
 * serious and critical violations. axe is evaluated through the DevTools protocol, which the
 * page's Content-Security-Policy does not govern, so Portico's real headers stay on.
 */
export async function seriousViolations(page: Page, name: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      page: name,
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** Waits until a page has drawn its data: no loading placeholder left and the main landmark present. */
export async function settled(page: Page): Promise<void> {
  await page.locator('main').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  // One more frame, so what the last answer changed is on the page.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
}
