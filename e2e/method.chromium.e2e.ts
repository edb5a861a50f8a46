/**
 * The "How Counterpoint checks" page as built into the extension, in real Chromium: it opens at
 * method.html, defines every verdict, reports on the bundled pack's sources, and has no serious
 * axe violation in light or dark.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICTS } from '../utils/packs/types';
import { VERDICT_DEFINITIONS } from '../utils/packs/verdict-definitions';
import { VERDICT_LABELS } from '../utils/packs/verdicts';
import { type ChromiumSession, launchChromium } from './harness/chromium';

const require = createRequire(import.meta.url);
let session: ChromiumSession;
let page: Page;

beforeAll(async () => {
  session = await launchChromium();
  page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/method.html`);
  await page.getByRole('heading', { level: 1, name: 'How Counterpoint checks' }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

describe('the method page in Chromium', () => {
  it('defines every verdict and reports on the bundled pack', async () => {
    expect(await page.title()).toBe('How Counterpoint checks');
    const verdicts = page.getByRole('region', { name: 'What the verdicts mean' });
    for (const verdict of VERDICTS) {
      await verdicts.getByText(VERDICT_LABELS[verdict], { exact: true }).waitFor();
      expect(await verdicts.textContent()).toContain(VERDICT_DEFINITIONS[verdict]);
    }
    const sources = page.getByRole('region', { name: 'How sources are chosen' });
    expect(await sources.textContent()).toContain(
      'Every claim with a factual verdict cites at least two dated sources.',
    );
    await page.getByRole('region', { name: 'How corrections are made' }).waitFor();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious axe violation (${scheme})`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      const axeSource = require('node:fs').readFileSync(
        require.resolve('axe-core/axe.min.js'),
        'utf8',
      ) as string;
      // The page's CSP refuses inline scripts; evaluation through the debugger protocol is allowed.
      await page.evaluate(axeSource);
      const violations = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<unknown> } }).axe;
        const result = (await axe.run()) as {
          violations: { id: string; impact: string | null }[];
        };
        return result.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => violation.id);
      })) as string[];
      expect(violations).toEqual([]);
    });
  }
});
