/**
 * The painter in a real browser (Debian's Chromium, headless), on an article styled by hostile
 * site CSS. Checks what happy-dom cannot: that the Custom Highlight API is the path taken, that
 * nothing moves when highlights and markers are turned on (every element and every word keeps its
 * box), that the DOM is byte-identical after turning them off, that hit testing finds a claim from
 * a point in its text, and that markers are reached by Tab and activated by Enter and Space.
 *
 * Run by the browser-test config (`e2e/vitest.config.ts`, environment node). The unit run (happy-dom)
 * skips it.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_QUIET_FLAGS } from '../../e2e/harness/chromium';
import type { PaintReport, Probe } from './chromium-probe';

const CHROMIUM = '/usr/bin/chromium';

/** A news article with the kinds of site CSS that break naive highlighters. */
const ARTICLE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>River report</title>
<style>
  body { font: 18px/1.6 Georgia, serif; max-width: 34em; margin: 2em auto; padding: 0 1em; }
  * { line-height: 1.55 !important; }
  span { padding: 4px !important; border: 1px solid red; }
  p > *:not(script) { padding: 3px 2px !important; margin: 0 2px !important;
    border: 1px solid #ccc !important; font-size: 95%; display: inline-block !important; }
  article * { letter-spacing: 0.01em; }
  a { border-bottom: 2px solid; }
  button { padding: 10px !important; font-size: 20px !important; display: block !important; }
  td { padding: 0.3em 1em; }
</style></head>
<body><article>
<h1>Ministers say the river is <em>cleaner</em> than ever</h1>
<p class="byline"><span>By A. Writer</span>, environment correspondent</p>
<p id="p1">The report claims that <a href="#s">sewage discharges fell by 40%</a> in two years, a figure the regulator <strong>disputes</strong>, citing its own monitoring data from every outfall on the river.</p>
<p id="p2">Campaigners counted 301 spills last summer.<script>window.pageCounted = document.querySelectorAll('p').length;</script> Officials did not respond to requests for comment on the figures.</p>
<table><tbody>
<tr><td>2022</td><td>412</td></tr>
<tr><td>2023</td><td>301</td></tr>
</tbody></table>
<p id="p3">It is, in the end, a question of trust.</p>
</article>
<script>
  // The site keeps a reference to one of its text nodes, as frameworks do.
  window.siteText = document.getElementById('p3').firstChild;
</script>
</body></html>`;

let browser: Browser;
let page: Page;
let bundle: string;
let profile: string;

async function call<Name extends keyof Probe>(
  name: Name,
  ...args: Parameters<Probe[Name]>
): Promise<ReturnType<Probe[Name]>> {
  return (await page.evaluate(
    ({ name, args }) => {
      const probe = (
        window as unknown as {
          counterpointProbe: Record<string, (...values: unknown[]) => unknown>;
        }
      ).counterpointProbe;
      return probe[name]?.(...args);
    },
    { name, args: args as unknown[] },
  )) as ReturnType<Probe[Name]>;
}

const inNode = typeof document === 'undefined';

describe.runIf(inNode)('painter in Chromium', () => {
  beforeAll(async () => {
    const result = await build({
      entryPoints: [new URL('./chromium-probe.ts', import.meta.url).pathname],
      bundle: true,
      format: 'iife',
      write: false,
      target: 'chrome120',
    });
    bundle = result.outputFiles[0]?.text ?? '';
    profile = mkdtempSync(join(tmpdir(), 'counterpoint-painter-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_QUIET_FLAGS,
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await page?.close();
    page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    await page.setContent(ARTICLE_PAGE);
    await page.addScriptTag({ content: bundle });
    // The probe's script tag is test scaffolding, not page content: take it out before snapshots.
    await page.evaluate(() => {
      for (const script of Array.from(document.querySelectorAll('script'))) {
        if (script.textContent?.includes('counterpointProbe')) script.remove();
      }
    });
  });

  for (const forceFallback of [false, true]) {
    const label = forceFallback ? 'fallback wrapping' : 'Custom Highlight API';

    it(`${label}: paints without moving anything, and leaves the DOM byte-identical`, async () => {
      const html = await call('serialise');
      const textCount = await call('rememberTextNodes');
      const layout = await call('measure');
      expect(textCount).toBeGreaterThan(10);
      expect(layout.words.length).toBeGreaterThan(50);

      const report: PaintReport = await call('paint', forceFallback);
      expect(report.mode).toBe(forceFallback ? 'fallback' : 'custom-highlight');
      expect(report.rangesKeepText).toBe(true);
      expect(report.hostsAreOwn).toBe(true);
      if (forceFallback) {
        expect(report.highlightNames).toEqual([]);
      } else {
        const names = report.highlightNames;
        expect(names.some((name) => name.startsWith('counterpoint-claim-misleading-'))).toBe(true);
        expect(names.some((name) => name.startsWith('counterpoint-claim-supported-'))).toBe(true);
        expect(names.some((name) => name.startsWith('counterpoint-claim-unsupported-'))).toBe(true);
        expect(report.adoptedSheets).toBe(1);
        // The Custom Highlight path adds nothing to the DOM but the marker hosts.
        // The hosts are empty spans; the fixture has none of its own.
        expect(html).not.toContain('<span></span>');
        const withoutHosts = (await call('serialise')).replaceAll('<span></span>', '');
        expect(withoutHosts).toBe(html);
      }

      // Hosts take no room; their buttons are drawn and visible.
      for (const hostBox of report.hostBoxes) expect(hostBox[2]).toBe(0);
      for (const buttonBox of report.buttonBoxes) {
        expect(buttonBox[2]).toBeGreaterThan(8);
        expect(buttonBox[3]).toBeGreaterThan(8);
      }

      const painted = await call('measure');
      expect(painted.scroll).toEqual(layout.scroll);
      expect(painted.elements).toEqual(layout.elements);
      // Every word stays on its line, at its height.
      expect(painted.words.map(([, top, , height]) => [top, height])).toEqual(
        layout.words.map(([, top, , height]) => [top, height]),
      );
      // Horizontally, text split into separate runs is shaped run by run: the Custom Highlight
      // path splits only at a marker (after a word, before a space), which costs at most one
      // layout unit (1/64 px) of rounding. Fallback wrappers can split a kerning pair ("summer|.")
      // and move the rest of that line by up to a pixel, never across a line break.
      const drift = Math.max(
        ...painted.words.map((word, index) => {
          const before = layout.words[index];
          return before
            ? Math.max(Math.abs(word[0] - before[0]), Math.abs(word[2] - before[2]))
            : 0;
        }),
      );
      expect(drift).toBeLessThanOrEqual(forceFallback ? 1 : 1 / 64);

      const after = await call('teardown');
      expect(after).toEqual({ highlights: 0, adoptedSheets: 0 });
      expect(await call('serialise')).toBe(html);
      expect(await call('sameTextNodes')).toBe(true);
      expect(
        await page.evaluate(() => {
          const site = (window as unknown as { siteText: Text }).siteText;
          return site.isConnected && site === document.getElementById('p3')?.firstChild;
        }),
      ).toBe(true);
      expect(await call('measure')).toEqual(layout);
    });

    it(`${label}: hit testing finds the highlights under a point in their text`, async () => {
      await call('paint', forceFallback);
      expect(await call('hitQuote', 'Campaigners counted 301 spills last summer', 4)).toEqual([
        'claim-spills',
      ]);
      // Inside two claims: the shorter first.
      expect(await call('hitQuote', 'in two years, a figure', 3)).toEqual([
        'claim-figure',
        'claim-discharges',
      ]);
      expect(await call('hitQuote', 'Officials did not respond', 2)).toEqual([]);
      expect(await call('hitMargin')).toEqual([]);
      await call('teardown');
    });
  }

  it('markers are reached by Tab in reading order and activated by Enter, Space and click', async () => {
    const report = await call('paint', false);
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
    });
    const order: string[] = [];
    for (let step = 0; step < 4; step++) {
      await page.keyboard.press('Tab');
      order.push(await call('describeFocus'));
    }
    expect(order).toEqual(['a:sewage discharges fe', 'marker 0', 'marker 1', 'marker 2']);

    await call('focusMarker', 1);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    expect(await call('activations')).toEqual(['claim-spills', 'claim-spills']);

    const buttonBox = report.buttonBoxes[2];
    if (!buttonBox) throw new Error('no marker');
    await page.mouse.click(buttonBox[0] + buttonBox[2] / 2, buttonBox[1] + buttonBox[3] / 2);
    expect(await call('activations')).toEqual(['claim-trust']);
    await call('teardown');
  });
});
