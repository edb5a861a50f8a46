import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from '../../utils/browser';
import { DEFAULT_SHORTCUTS } from '../../utils/shortcuts';
import { expectNoAxeViolations } from '../test-support';
import { type BoundCommand, HelpPage, strings } from './HelpPage';
import { shortcutSettingsFor, strings as wiringStrings } from './help-wiring';

afterEach(cleanup);

const bound: BoundCommand[] = [
  { name: '_execute_action', description: '', shortcut: '' },
  {
    name: 'toggle-highlights',
    description: 'Turn claim and note highlights on or off',
    shortcut: 'Ctrl+Shift+Y',
  },
  { name: 'add-note', description: 'Add a note to the selected text', shortcut: '' },
];

const props = {
  methodUrl: '/method.html',
  aboutUrl: '/about.html',
  settings: { kind: 'open' as const, open: async () => {} },
};

function keysOf(table: HTMLElement, action: string): string {
  const row = within(table).getByRole('rowheader', { name: action }).closest('tr');
  return (row?.querySelector('td')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('HelpPage', () => {
  it('shows the keys the browser bound, and says so when it bound none', () => {
    render(<HelpPage {...props} commands={bound} />);
    const [browserTable] = screen.getAllByRole('table');
    expect(keysOf(browserTable!, 'Turn claim and note highlights on or off')).toBe('Ctrl+Shift+Y');
    expect(keysOf(browserTable!, 'Add a note to the selected text')).toContain(strings.notSet);
    // The toolbar button's own command is the browser's, not one of Counterpoint's actions.
    expect(within(browserTable!).getAllByRole('row')).toHaveLength(3);
  });

  it('lists every page shortcut from the one shortcut table', () => {
    render(<HelpPage {...props} commands={bound} />);
    const pageTable = screen.getByRole('table', { name: strings.pageHeading });
    expect(keysOf(pageTable, strings.nextClaim)).toBe(DEFAULT_SHORTCUTS.nextClaim);
    expect(keysOf(pageTable, strings.previousClaim)).toBe(DEFAULT_SHORTCUTS.previousClaim);
    expect(keysOf(pageTable, strings.escape)).toBe('Escape');
  });

  it('falls back to the suggested keys, saying so, when the browser does not answer', () => {
    render(<HelpPage {...props} commands="unreadable" />);
    expect(screen.getByRole('status').textContent).toBe(strings.unreadable);
    const table = screen.getByRole('table', { name: strings.browserHeading });
    expect(keysOf(table, 'Add a note to the selected text')).toBe(DEFAULT_SHORTCUTS.addNote);
  });

  it('opens the browser’s shortcut settings from its button, or says where they are', () => {
    const onOpenSettings = vi.fn();
    const { unmount } = render(
      <HelpPage {...props} commands={bound} onOpenSettings={onOpenSettings} />,
    );
    fireEvent.click(screen.getByRole('button', { name: strings.openSettings }));
    expect(onOpenSettings).toHaveBeenCalledOnce();
    unmount();
    render(
      <HelpPage
        {...props}
        commands={bound}
        settings={{ kind: 'instructions', text: wiringStrings.firefoxInstructions }}
      />,
    );
    expect(screen.queryByRole('button', { name: strings.openSettings })).toBeNull();
    expect(screen.getByText(wiringStrings.firefoxInstructions)).toBeTruthy();
  });

  it('has no axe violation', async () => {
    const { container } = render(<HelpPage {...props} commands={bound} />);
    await expectNoAxeViolations(container);
  });
});

describe('shortcutSettingsFor', () => {
  const browser = fakeBrowser as unknown as Browser;

  it('uses Firefox’s own opener where it exists', async () => {
    const open = vi.fn(async () => {});
    const withOpener = {
      ...browser,
      commands: { ...browser.commands, openShortcutSettings: open },
    } as unknown as Browser;
    const settings = shortcutSettingsFor(withOpener, true);
    expect(settings.kind).toBe('open');
    if (settings.kind === 'open') await settings.open();
    expect(open).toHaveBeenCalledOnce();
  });

  it('says where to look in a Firefox without it, and opens Chrome’s shortcuts page in a tab', async () => {
    expect(shortcutSettingsFor(browser, true)).toEqual({
      kind: 'instructions',
      text: wiringStrings.firefoxInstructions,
    });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const chrome = shortcutSettingsFor(browser, false);
    if (chrome.kind !== 'open') throw new Error('expected an opener');
    await chrome.open();
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
  });
});
