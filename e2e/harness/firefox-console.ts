/**
 * The browser console of a Firefox under test: every message the browser's console service
 * records (script errors and warnings of every page, content script and add-on page, and of
 * Firefox's own code), read through WebDriver BiDi in the browser's chrome window.
 *
 * WebDriver BiDi's `log.entryAdded` does not serve here: it reports a page's console calls and
 * uncaught errors while the page lives, but not warnings Firefox's layout code files (the
 * "scroll-linked positioning effect"), nor errors Firefox's extension framework reports while a
 * closed tab's content scripts are torn down ("sendRemoveListener on closed conduit"). The console
 * service sees both; reaching it needs `--remote-allow-system-access` (see `firefox.ts`).
 */
import type { FirefoxSession } from './firefox';

/** The part of puppeteer's BiDi connection used here. */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** Collects the browser console's messages from the moment it is started. */
export interface BrowserConsole {
  /** Every message recorded since the start, as the console shows it. */
  messages(): Promise<string[]>;
}

/** Evaluates an expression in the browser's chrome window (privileged: `Services` is there). */
export async function evaluateInChrome(
  session: FirefoxSession,
  expression: string,
): Promise<unknown> {
  const bidi = (session.browser as unknown as { connection: BidiConnection }).connection;
  const { result: tree } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeWindow = (tree as { contexts: { context: string }[] }).contexts[0]?.context;
  if (!chromeWindow) throw new Error('no chrome window');
  const { result } = await bidi.send('script.evaluate', {
    expression,
    target: { context: chromeWindow },
    awaitPromise: false,
  });
  const outcome = result as { result?: { value?: unknown }; exceptionDetails?: { text: string } };
  if (outcome.exceptionDetails) throw new Error(outcome.exceptionDetails.text);
  return outcome.result?.value;
}

/**
 * Sets the colour scheme Firefox gives web pages, as the reader's "Website appearance" setting
 * does (`layout.css.prefers-color-scheme.content-override`: 0 dark, 1 light).
 */
export async function setWebsiteAppearance(
  session: FirefoxSession,
  scheme: 'light' | 'dark',
): Promise<void> {
  await evaluateInChrome(
    session,
    `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`,
  );
}

/** Starts collecting the browser console's messages. */
export async function collectBrowserConsole(session: FirefoxSession): Promise<BrowserConsole> {
  const evaluate = (expression: string) => evaluateInChrome(session, expression);
  const key = `__counterpointConsole${Date.now()}`;
  await evaluate(`(() => {
    const collected = [];
    globalThis[${JSON.stringify(key)}] = collected;
    Services.console.registerListener({ observe: (message) => collected.push(String(message.message ?? message)) });
    return true;
  })()`);
  return {
    async messages() {
      const text = await evaluate(`JSON.stringify(globalThis[${JSON.stringify(key)}])`);
      return JSON.parse(String(text)) as string[];
    },
  };
}
