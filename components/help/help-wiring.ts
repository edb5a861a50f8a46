/**
 * What the help page reads from the browser: the commands as bound now, and how to reach the
 * browser's own shortcut settings (Firefox's `commands.openShortcutSettings` where it exists,
 * Chrome's chrome://extensions/shortcuts page in a new tab, else words saying where to look).
 */
import type { Browser } from '../../utils/browser';
import { t } from '../../utils/i18n';
import type { BoundCommand, ShortcutSettings } from './HelpPage';

/** Reader-facing sentences of the wiring. */
export const strings = {
  get firefoxInstructions() {
    return t('help_firefox_instructions');
  },
  chromeShortcutsPage: 'chrome://extensions/shortcuts',
};

/** The browser's commands, with '' for a command it left without keys. */
export async function readCommands(browser: Browser): Promise<BoundCommand[]> {
  const commands = await browser.commands.getAll();
  return commands.map((command) => ({
    name: command.name ?? '',
    description: command.description ?? '',
    shortcut: command.shortcut ?? '',
  }));
}

/** How to reach the shortcut settings in this browser. */
export function shortcutSettingsFor(browser: Browser, isFirefox: boolean): ShortcutSettings {
  const commands = browser.commands as Browser['commands'] & {
    openShortcutSettings?: () => Promise<void>;
  };
  if (typeof commands.openShortcutSettings === 'function') {
    const openSettings = commands.openShortcutSettings.bind(commands);
    return { kind: 'open', open: () => openSettings() };
  }
  if (isFirefox) return { kind: 'instructions', text: strings.firefoxInstructions };
  return {
    kind: 'open',
    open: async () => {
      await browser.tabs.create({ url: strings.chromeShortcutsPage });
    },
  };
}
