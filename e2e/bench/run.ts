/**
 * The benchmark driver: `tsx e2e/bench/run.ts [section…]`. Launches headless Chromium once,
 * runs each named section (all by default), prints its tables and writes them to
 * docs/benchmarks.md under the section's heading. Add a section by adding a module to SECTIONS.
 */

import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, CHROMIUM_QUIET_FLAGS } from '../harness/chromium';
import { anchoringSection } from './anchoring';
import { busyPageSection } from './busy-page';
import { contentScriptSection } from './content-script';
import { heavyNotesSection } from './heavy-notes';
import { popupScaleSection } from './popup-scale';
import { describeMachine, renderSection, writeSection } from './report';
import type { BenchSection } from './section';
import { startCompareSection } from './start-compare';
import { twoBrowsersSection } from './two-browsers';

/** Every section, in the order they run. */
const SECTIONS: readonly BenchSection[] = [
  anchoringSection,
  contentScriptSection,
  popupScaleSection,
  busyPageSection,
  heavyNotesSection,
  // Only with a baseline build to compare with (`START_BASELINE`).
  ...(process.env.START_BASELINE ? [startCompareSection] : []),
  twoBrowsersSection,
];

const REPORT_PATH = resolve(import.meta.dirname, '../../docs/benchmarks.md');

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).map((name) => name.toLowerCase());
  const sections = SECTIONS.filter(
    (section) => wanted.length === 0 || wanted.includes(section.name.toLowerCase()),
  );
  if (sections.length === 0) {
    throw new Error(`no section named ${wanted.join(', ')}; known: ${SECTIONS.map((s) => s.name)}`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_QUIET_FLAGS,
  });
  try {
    const machine = describeMachine(browser.version());
    for (const section of sections) {
      console.log(`\n== ${section.name} ==`);
      const report = await section.run({
        browser,
        log: (message) => console.log(`  ${message}`),
      });
      const markdown = renderSection(section.name, machine, report);
      console.log(`\n${markdown}`);
      writeSection(REPORT_PATH, section.name, markdown);
      console.log(`written to ${REPORT_PATH}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
