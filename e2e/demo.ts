/**
 * `npm run demo`: opens the article's offline copy at its real address in Chromium with the
 * freshly built extension. With a display, a normal browser window to read and click in (the
 * offline copy is served while this process runs; close the window to end). Without one, it runs
 * headless, saves screenshots of the article, an open claim popover and the popup, and prints
 * what the extension found.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLE_URL } from './fixtures';
import { CHROMIUM_PATH, launchChromium } from './harness/chromium';
import { openFirstClaim, readPageSummary } from './harness/page-ui';
import { PROJECT_ROOT } from './harness/paths';
import { waitUntil } from './harness/wait';

const SCREENSHOTS = join(PROJECT_ROOT, 'demo-screenshots');

function ensureBrowser(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  console.log('Chromium is not installed; installing it from Debian packages…');
  const result = spawnSync('bash', [join(PROJECT_ROOT, 'e2e', 'install-browsers.sh')], {
    stdio: 'inherit',
  });
  if (result.status !== 0 || !existsSync(CHROMIUM_PATH)) {
    console.error('Could not install Chromium. Install it with: sudo apt-get install -y chromium');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  ensureBrowser();
  const headed = Boolean(process.env.DISPLAY) && process.env.COUNTERPOINT_DEMO_HEADLESS !== '1';
  const session = await launchChromium({ headless: !headed });
  const page = await session.open(ARTICLE_URL);
  const tabId = await session.tabIdOf(page);
  await waitUntil(
    () => session.badgeText(tabId),
    (text) => text !== '',
    {
      what: 'Counterpoint to finish on the article',
      timeoutMs: 15_000,
    },
  );

  if (headed) {
    console.log(`Counterpoint is running on ${ARTICLE_URL}`);
    console.log('Click the Counterpoint toolbar button (puzzle menu → pin it) for the popup.');
    console.log('Close the browser window to end the demo.');
    await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
    return;
  }

  const { mkdirSync } = await import('node:fs');
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The badge comes with the background's reply; the anchoring report follows the first paint.
  const summary = await waitUntil(
    () => readPageSummary(session, page, tabId),
    (found) => found.claimsAnchored > 0 || found.claimsTotal === 0,
    { what: 'the first paint report', timeoutMs: 15_000 },
  );
  await page.screenshot({ path: join(SCREENSHOTS, 'article.png') });
  const opened = await openFirstClaim(page);
  if (opened) await page.screenshot({ path: join(SCREENSHOTS, 'claim-popover.png') });
  const popup = await session.openPopup(tabId);
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.getByRole('status').first().waitFor();
  await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png'), fullPage: true });

  console.log('\nCounterpoint demo (headless: no display found)');
  console.log(`  page:        ${ARTICLE_URL}`);
  console.log(`  recognised:  ${summary.recognised ? `yes — "${summary.title}"` : 'no'}`);
  console.log(`  badge:       ${summary.badge || '(none)'}`);
  console.log(`  claims:      ${summary.claimsAnchored} of ${summary.claimsTotal} highlighted`);
  if (summary.verdicts) console.log(`  by verdict:  ${summary.verdicts}`);
  console.log(`  popover:     ${opened ? `opened "${opened}"` : 'could not be opened'}`);
  console.log(`  screenshots: ${SCREENSHOTS}/{article,claim-popover,popup}.png`);
  console.log(
    session.unexpectedRequests.length === 0
      ? '  network:     no request left the browser'
      : `  network:     unexpected requests: ${session.unexpectedRequests.join(', ')}`,
  );
  await session.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
