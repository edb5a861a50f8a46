/**
 * Checks the Firefox sources zip that `wxt zip -b firefox` makes for the add-on review: no file in
 * it is one git ignores (so no test output, screenshots, logs or build folders slip in), none is
 * under a folder the build does not need, and what the build needs is there. With
 * `--rebuild` it also unpacks the zip into a temporary folder, runs `npm ci && npm run build`
 * there, and compares the Firefox package file by file with this checkout's (about 20 s more).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { FIREFOX_BUILD, PROJECT_ROOT } from './harness/paths';

/** Paths that must never be in the sources zip. */
const FORBIDDEN = [
  /(^|\/)node_modules\//,
  /^\.output\//,
  /^\.wxt\//,
  /^e2e\//,
  /^demo-screenshots\//,
  /^docs\/.*\.png$/,
  /\.log$/,
  /^stats\.html$/,
];
/** What a build from the sources cannot do without. */
const REQUIRED = ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md'];

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Reads a zip's central directory (no zip64: the archive is far below 4 GiB). */
function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function entryContent(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? Buffer.from(data) : inflateRawSync(data);
}

/** Runs a command; its output is shown only when it fails. */
function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status === 0) return;
  console.error(result.stdout, result.stderr);
  throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
}

function fileHashes(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else
        hashes.set(
          relative(root, path),
          createHash('sha256').update(readFileSync(path)).digest('hex'),
        );
    }
  };
  walk(root);
  return hashes;
}

const problems: string[] = [];
run('npx', ['wxt', 'zip', '-b', 'firefox'], PROJECT_ROOT);
const outputDir = join(PROJECT_ROOT, '.output');
const zipName = readdirSync(outputDir).find((name) => name.endsWith('-sources.zip'));
if (!zipName) throw new Error('wxt zip made no sources zip');
const zip = readFileSync(join(outputDir, zipName));
const entries = zipEntries(zip);
const names = entries.map((entry) => entry.name);

// Git-ignored files are what the tools write (builds, reports, screenshots, logs): never sources.
// A file git does not know yet (a new source file not added) is only reported.
const ignored = new Set(
  spawnSync('git', ['check-ignore', '--no-index', '--stdin', '-z'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    input: names.join('\0'),
  })
    .stdout.split('\0')
    .filter(Boolean),
);
const tracked = new Set(
  spawnSync('git', ['ls-files', '-z'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    .stdout.split('\0')
    .filter(Boolean),
);
for (const name of names) {
  if (FORBIDDEN.some((pattern) => pattern.test(name))) problems.push(`must not be in it: ${name}`);
  else if (ignored.has(name)) problems.push(`ignored by git (tool output?): ${name}`);
  else if (!tracked.has(name)) console.log(`  not in git yet (add it, or exclude it): ${name}`);
}
for (const name of REQUIRED) if (!names.includes(name)) problems.push(`missing: ${name}`);

if (problems.length === 0 && process.argv.includes('--rebuild')) {
  const dir = mkdtempSync(join(tmpdir(), 'counterpoint-sources-'));
  try {
    for (const entry of entries) {
      const path = join(dir, entry.name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, entryContent(zip, entry));
    }
    run('npm', ['ci', '--no-audit', '--no-fund'], dir);
    run('npm', ['run', 'build'], dir);
    const ours = fileHashes(FIREFOX_BUILD);
    const theirs = fileHashes(join(dir, '.output', 'firefox-mv2'));
    for (const [path, hash] of ours) {
      if (theirs.get(path) !== hash) problems.push(`the rebuilt package differs: ${path}`);
    }
    for (const path of theirs.keys()) {
      if (!ours.has(path)) problems.push(`the rebuilt package has more: ${path}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const problem of problems) console.error(`  ${problem}`);
console.log(
  `${zipName}: ${names.length} files, ${(zip.length / 1024).toFixed(0)} KiB; ` +
    `${problems.length === 0 ? 'clean' : `${problems.length} problems`}`,
);
process.exit(problems.length === 0 ? 0 : 1);
