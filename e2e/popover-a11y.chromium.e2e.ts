/**
 * axe-core in real Chromium on the in-page popovers — every claim of the pack, a note, and the
 * note editor with a toast — in light and dark mode, with the extension's real components and
 * style sheet. No serious or critical violation is allowed.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, CHROMIUM_QUIET_FLAGS } from './harness/chromium';
import { PROJECT_ROOT } from './harness/paths';

const require = createRequire(import.meta.url);
let browser: Browser;
let page: Page;

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(PROJECT_ROOT, 'e2e/a11y/popover-page.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.json': 'json' },
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const axeSource = require('node:fs').readFileSync(
    require.resolve('axe-core/axe.min.js'),
    'utf8',
  ) as string;
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_QUIET_FLAGS,
  });
  page = await browser.newPage();
  await page.setContent(
    '<!doctype html><html lang="en"><head><title>Popover check</title></head><body><main></main></body></html>',
  );
  await page.addScriptTag({ content: axeSource });
  await page.addScriptTag({ content: script });
});

afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(): Promise<string[]> {
  const result = (await page.evaluate(() =>
    (
      window as unknown as { axe: { run(context: object, options: object): Promise<unknown> } }
    ).axe.run({ include: [['div']] }, { resultTypes: ['violations'] }),
  )) as AxeResult;
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${JSON.stringify(violation.nodes.map((n) => n.target))})`,
    );
}

describe('popover accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious violation in any claim popover, the note popover or the editor (${scheme})`, async () => {
      // Without motion the popover is at full opacity at once, so contrast is measured as read.
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const claimCount = await page.evaluate(() =>
        (window as unknown as { showView(v: string): number }).showView('0'),
      );
      expect(claimCount).toBeGreaterThanOrEqual(10);
      const views = [
        ...Array.from({ length: claimCount }, (_, index) => String(index)),
        'note',
        'editor',
      ];
      const problems: string[] = [];
      for (const view of views) {
        await page.evaluate(
          (name) => (window as unknown as { showView(v: string): number }).showView(name),
          view,
        );
        await page.waitForTimeout(30);
        for (const problem of await seriousViolations()) problems.push(`${view}: ${problem}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
