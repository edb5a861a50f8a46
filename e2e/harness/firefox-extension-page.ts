/**
 * An extension page of the add-on in Firefox, opened in a tab over WebDriver BiDi (Firefox must
 * be started with `--remote-allow-system-access`; see the toolchain guide): there, `evaluate`
 * runs with the add-on's `browser.*` APIs, to set a test hook or read the tabs' records.
 */
import type { Page } from 'puppeteer-core';
import type { FirefoxSession } from './firefox';

/** Opens `popup.html` of the add-on in a new tab and returns the tab's page. */
export async function openExtensionPage(session: FirefoxSession): Promise<Page> {
  const page = await session.browser.newPage();
  const bidi = (
    session.browser as unknown as {
      connection: { send(method: string, params: object): Promise<unknown> };
    }
  ).connection;
  await bidi.send('browsingContext.navigate', {
    context: (page.mainFrame() as unknown as { _id: string })._id,
    url: `${session.extensionOrigin}/popup.html?tabId=-1`,
    wait: 'complete',
  });
  return page;
}
