/**
 * The Firefox Manifest V3 build must not half-work (see docs/firefox.md): this builds it
 * (`wxt build -b firefox --mv3`, into `.output/firefox-mv3`) and fails, saying what is wrong,
 * unless its manifest has the `scripting` permission (MV3 has no `tabs.executeScript`, so without
 * it the popovers and the editor never appear), the site's host permissions, and its popup
 * checks for the host access a reader can withhold in MV3 and asks for it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_ORIGINS } from '../utils/popup/host-access';
import { PROJECT_ROOT } from './harness/paths';

const build = join(PROJECT_ROOT, '.output', 'firefox-mv3');
const result = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], {
  cwd: PROJECT_ROOT,
  stdio: 'inherit',
});
if (result.status !== 0) {
  console.error('✗ the Firefox MV3 build failed');
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8')) as {
  manifest_version?: number;
  permissions?: string[];
  host_permissions?: string[];
  action?: { default_popup?: string };
};
const problems: string[] = [];
if (manifest.manifest_version !== 3)
  problems.push(`manifest_version is ${manifest.manifest_version}, not 3`);
if (!manifest.permissions?.includes('scripting')) {
  problems.push(
    'no "scripting" permission: MV3 has no tabs.executeScript, so the popovers and the note editor would never appear',
  );
}
const hosts = manifest.host_permissions ?? [];
for (const origin of SITE_ORIGINS) {
  if (!hosts.includes(origin)) problems.push(`host_permissions lack ${origin}`);
}
if (!manifest.action?.default_popup) problems.push('no popup in "action"');
// The popup's code (its chunks) must hold the host-access check and the button that asks.
const chunks = join(build, 'chunks');
const popupCode = readdirSync(chunks)
  .filter((file) => file.endsWith('.js'))
  .map((file) => readFileSync(join(chunks, file), 'utf8'))
  .join('\n');
for (const [what, needle] of [
  ['the host-access check (permissions.contains)', '.contains('],
  ['the request for access (permissions.request)', '.request('],
  // The notice's words are in the interface's messages; its code names their key.
  ['the notice that access is missing', 'access_withheld'],
] as const) {
  if (!popupCode.includes(needle)) problems.push(`the popup lacks ${what}`);
}
const englishMessages = join(build, '_locales', 'en', 'messages.json');
if (
  !existsSync(englishMessages) ||
  !readFileSync(englishMessages, 'utf8').includes('is not allowed to read Global Research pages')
) {
  problems.push('the interface messages lack the notice that access is missing');
}

if (problems.length > 0) {
  console.error(`✗ the Firefox MV3 build would half-work:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(
  `✓ Firefox MV3 build: scripting permission, ${SITE_ORIGINS.length} site origins, popup checks and requests host access`,
);
