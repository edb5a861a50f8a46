/**
 * `web-ext lint` on the Firefox build (.output/firefox-mv2; build it first). Fails on any error
 * and on any warning or notice from our own code. Warnings that come from a library are allowed
 * only where the bundled code at the reported spot is that library's, so our code cannot hide
 * behind them; docs/firefox.md lists them with the reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX_BUILD, PROJECT_ROOT } from './harness/paths';

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** A warning known to come from a library, recognised by the code at the reported spot. */
interface LibraryWarning {
  code: string;
  library: string;
  /** Must match the bundled code starting at the reported column. */
  codeAtSpot: RegExp;
}

const LIBRARY_WARNINGS: LibraryWarning[] = [
  {
    // Preact's renderer applies `dangerouslySetInnerHTML`; none of our components pass it.
    code: 'UNSAFE_VAR_ASSIGNMENT',
    library: 'preact (dangerouslySetInnerHTML support)',
    codeAtSpot: /^innerHTML=\w+\.__html\b/,
  },
];

function codeAt(message: LintMessage): string {
  if (!message.file || message.line === undefined || message.column === undefined) return '';
  const path = join(FIREFOX_BUILD, message.file);
  if (!existsSync(path)) return '';
  const line = readFileSync(path, 'utf8').split('\n')[message.line - 1] ?? '';
  // web-ext reports the column of the assignment's target; start from its property name.
  const from = line.slice(message.column - 1, message.column + 80);
  const at = from.indexOf('innerHTML');
  return at >= 0 && at < 20 ? from.slice(at) : from;
}

function libraryOf(message: LintMessage): string | null {
  const known = LIBRARY_WARNINGS.find(
    (warning) => warning.code === message.code && warning.codeAtSpot.test(codeAt(message)),
  );
  return known ? known.library : null;
}

function describe(message: LintMessage): string {
  const where = message.file
    ? ` ${message.file}:${message.line ?? '?'}:${message.column ?? '?'}`
    : '';
  return `${message.code}${where}: ${message.message}${message.description ? ` (${message.description})` : ''}`;
}

if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
  console.error(`No Firefox build in ${FIREFOX_BUILD}: run \`npx wxt build -b firefox\` first.`);
  process.exit(1);
}
const run = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--no-config-discovery'],
  { cwd: PROJECT_ROOT, encoding: 'utf8' },
);
let report: LintReport;
try {
  report = JSON.parse(run.stdout) as LintReport;
} catch {
  console.error('web-ext lint gave no report:', run.stderr || run.stdout);
  process.exit(1);
}

const ours = [...report.errors, ...report.warnings, ...report.notices].filter(
  (message) => libraryOf(message) === null,
);
for (const message of report.warnings) {
  const library = libraryOf(message);
  if (library) console.log(`  from a library (${library}): ${describe(message)}`);
}
for (const message of ours) console.log(`  ours: ${describe(message)}`);
console.log(
  `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ` +
    `${report.summary.notices} notices; ${ours.length} from our code`,
);
process.exit(ours.length === 0 && report.summary.errors === 0 ? 0 : 1);
