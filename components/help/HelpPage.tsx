/**
 * The help page (help.html): every keyboard shortcut Counterpoint has, the browser's commands as
 * the browser has actually bound them (a reader may have changed them, and Chrome leaves a
 * command unbound when its suggestion clashes), and the way to the browser's shortcut settings.
 */
import { t } from '../../utils/i18n';
import { DEFAULT_SHORTCUTS } from '../../utils/shortcuts';
import { PageFooter, PageHeader } from '../page/PageChrome';
import { HELP_CSS } from './styles';

/**
 * Every reader-facing sentence of the help page, each read in the interface language when used.
 */
export const strings = {
  get title() {
    return t('help_title');
  },
  get intro() {
    return t('help_intro');
  },
  get shortcutsHeading() {
    return t('help_shortcuts_heading');
  },
  get browserHeading() {
    return t('help_browser_heading');
  },
  get browserIntro() {
    return t('help_browser_intro');
  },
  get pageHeading() {
    return t('help_page_heading');
  },
  get pageIntro() {
    return t('help_page_intro');
  },
  get action() {
    return t('help_action');
  },
  get keys() {
    return t('help_keys');
  },
  get notSet() {
    return t('help_not_set');
  },
  get notSetHint() {
    return t('help_not_set_hint');
  },
  get loading() {
    return t('help_loading');
  },
  get unreadable() {
    return t('help_unreadable');
  },
  get openSettings() {
    return t('help_open_settings');
  },
  get settingsFailed() {
    return t('help_settings_failed');
  },
  get nextClaim() {
    return t('help_next_claim');
  },
  get previousClaim() {
    return t('help_previous_claim');
  },
  get escape() {
    return t('help_escape');
  },
  get enter() {
    return t('help_enter');
  },
  get tab() {
    return t('help_tab');
  },
  get save() {
    return t('help_save');
  },
  get markersHeading() {
    return t('help_marks_heading');
  },
  get marks() {
    return t('help_marks');
  },
  get notesHeading() {
    return t('help_notes_heading');
  },
  get notes() {
    return t('help_notes');
  },
};

/** One browser command as the browser reports it. */
export interface BoundCommand {
  name: string;
  description: string;
  /** The keys the browser bound, or '' when it bound none. */
  shortcut: string;
}

/** How the page can take the reader to the browser's shortcut settings. */
export type ShortcutSettings =
  | { kind: 'open'; open: () => Promise<void> }
  | { kind: 'instructions'; text: string };

/** Props of {@link HelpPage}. */
export interface HelpPageProps {
  /** The browser's commands, null while being read, 'unreadable' when the browser did not say. */
  commands: readonly BoundCommand[] | null | 'unreadable';
  settings: ShortcutSettings;
  /** Set after a failed attempt to open the settings. */
  settingsError?: string;
  onOpenSettings?: () => void;
  methodUrl: string;
  aboutUrl: string;
}

/** The manifest's commands with the keys suggested for them, for when the browser says nothing. */
function suggestedCommands(): readonly BoundCommand[] {
  return [
    {
      name: 'toggle-highlights',
      description: t('command_toggle_highlights'),
      shortcut: DEFAULT_SHORTCUTS.toggleHighlights,
    },
    {
      name: 'add-note',
      description: t('command_add_note'),
      shortcut: DEFAULT_SHORTCUTS.addNote,
    },
  ];
}

/** Shows "Alt+Shift+J" as separate keys. */
function Keys({ shortcut }: { shortcut: string }) {
  const parts = shortcut.split('+');
  return (
    <span class="cp-help-keys">
      {parts.map((part, index) => (
        <span key={`${part}-${index}`}>
          {index > 0 ? '+' : null}
          <kbd>{part}</kbd>
        </span>
      ))}
    </span>
  );
}

function ShortcutTable({
  caption,
  rows,
}: {
  caption: string;
  rows: readonly { action: string; shortcut: string; hint?: string }[];
}) {
  return (
    <table class="cp-help-table">
      <caption class="cp-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{strings.action}</th>
          <th scope="col">{strings.keys}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.action}>
            <th scope="row">{row.action}</th>
            <td>
              {row.shortcut === '' ? (
                <>
                  <strong>{strings.notSet}</strong>{' '}
                  <span class="cp-muted">{row.hint ?? strings.notSetHint}</span>
                </>
              ) : (
                <Keys shortcut={row.shortcut} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The help page. */
export function HelpPage({
  commands,
  settings,
  settingsError,
  onOpenSettings,
  methodUrl,
  aboutUrl,
}: HelpPageProps) {
  const shown = commands === null || commands === 'unreadable' ? suggestedCommands() : commands;
  // The toolbar button's own command has no description of ours; it is not a Counterpoint action.
  const browserRows = shown
    .filter((command) => command.description !== '' && !command.name.startsWith('_'))
    .map((command) => ({ action: command.description, shortcut: command.shortcut }));
  const pageRows = [
    { action: strings.nextClaim, shortcut: DEFAULT_SHORTCUTS.nextClaim },
    { action: strings.previousClaim, shortcut: DEFAULT_SHORTCUTS.previousClaim },
    { action: strings.tab, shortcut: 'Tab' },
    { action: strings.enter, shortcut: 'Enter' },
    { action: strings.escape, shortcut: 'Escape' },
    { action: strings.save, shortcut: 'Ctrl+Enter' },
  ];
  return (
    <div class="cp-theme cp-help">
      <style>{HELP_CSS}</style>
      <PageHeader title={strings.title} intro={strings.intro} />
      <main>
        <section aria-labelledby="cp-help-shortcuts">
          <h2 id="cp-help-shortcuts">{strings.shortcutsHeading}</h2>
          <h3 id="cp-help-browser">{strings.browserHeading}</h3>
          <p>{strings.browserIntro}</p>
          {commands === null ? <p role="status">{strings.loading}</p> : null}
          {commands === 'unreadable' ? <p role="status">{strings.unreadable}</p> : null}
          <ShortcutTable caption={strings.browserHeading} rows={browserRows} />
          {settings.kind === 'open' ? (
            <p>
              <button type="button" class="cp-button" onClick={onOpenSettings}>
                {strings.openSettings}
              </button>
            </p>
          ) : (
            <p class="cp-help-instructions">{settings.text}</p>
          )}
          <p role="alert" class="cp-help-error">
            {settingsError ?? ''}
          </p>
          <h3 id="cp-help-page">{strings.pageHeading}</h3>
          <p>{strings.pageIntro}</p>
          <ShortcutTable caption={strings.pageHeading} rows={pageRows} />
        </section>
        <section aria-labelledby="cp-help-marks">
          <h2 id="cp-help-marks">{strings.markersHeading}</h2>
          <p>{strings.marks}</p>
        </section>
        <section aria-labelledby="cp-help-notes">
          <h2 id="cp-help-notes">{strings.notesHeading}</h2>
          <p>{strings.notes}</p>
        </section>
      </main>
      <PageFooter current="help" hrefs={{ method: methodUrl, about: aboutUrl }} />
    </div>
  );
}
