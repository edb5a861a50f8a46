/**
 * `npm test`: every check the project has, in order — typecheck, lint and format, unit tests,
 * the Chrome and Firefox builds, `web-ext lint`, a check of the sources zip and of what the
 * content script bundles, and the browser tests in real Chromium and Firefox. Every step runs
 * even when an earlier one fails, so one run shows everything that is wrong. The last line is the
 * total over unit and browser tests, with failed steps counted as failures: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, PROJECT_ROOT } from './harness/paths';

interface Step {
  name: string;
  command: string[];
  /** A vitest JSON report whose counts go into the total. */
  report?: string;
}

const reports = artifactsDir('reports');
const unitReport = join(reports, 'unit.json');
const browserReport = join(reports, 'browser.json');
const vitestReporters = (file: string) => [
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${file}`,
];

const steps: Step[] = [
  { name: 'typecheck', command: ['npx', 'tsc', '--noEmit'] },
  { name: 'lint and format', command: ['npx', 'biome', 'check', '.'] },
  {
    name: 'unit tests',
    command: ['npx', 'vitest', 'run', ...vitestReporters(unitReport)],
    report: unitReport,
  },
  { name: 'Chrome build', command: ['npx', 'wxt', 'build'] },
  { name: 'Firefox build', command: ['npx', 'wxt', 'build', '-b', 'firefox'] },
  { name: 'Firefox lint', command: ['npx', 'tsx', 'e2e/lint-firefox.ts'] },
  { name: 'Firefox sources zip', command: ['npx', 'tsx', 'e2e/check-sources-zip.ts'] },
  { name: 'bundle check', command: ['npx', 'tsx', 'e2e/bundle-check.ts'] },
  { name: 'Firefox MV3 build check', command: ['npx', 'tsx', 'e2e/check-firefox-mv3.ts'] },
  {
    name: 'browser tests',
    command: [
      'npx',
      'vitest',
      'run',
      '--config',
      'e2e/vitest.config.ts',
      ...vitestReporters(browserReport),
    ],
    report: browserReport,
  },
];

let passed = 0;
let failed = 0;
const failedSteps: string[] = [];
for (const step of steps) {
  if (step.report) rmSync(step.report, { force: true });
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(step.command[0] as string, step.command.slice(1), {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let failedTests = 0;
  if (step.report && existsSync(step.report)) {
    const summary = JSON.parse(readFileSync(step.report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numTotalTests: number;
    };
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    failedTests = summary.numFailedTests;
    console.log(
      `  ${step.name}: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed (${seconds} s)`,
    );
  }
  if (result.status !== 0) {
    failedSteps.push(step.name);
    // A step that failed outside its tests (no report, a crash, a type error) counts once.
    if (failedTests === 0) failed += 1;
    console.log(`✗ ${step.name} failed (exit ${result.status ?? result.signal}, ${seconds} s)`);
  } else {
    console.log(`✓ ${step.name} (${seconds} s)`);
  }
}

if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
