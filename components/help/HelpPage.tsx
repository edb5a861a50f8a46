/**
 * The help page (help.html): every keyboard shortcut Counterpoint has, the browser's commands as
 * the browser has actually bound them (a reader may have changed them, and Chrome leaves a
 * command unbound when its suggestion clashes), and the way to the browser's shortcut settings.
 */
import { DEFAULT_SHORTCUTS } from '../../utils/shortcuts';
import { HELP_CSS } from './styles';

/** Every reader-facing sentence of the help page. */
export const strings = {
  title: 'Counterpoint help',
  brand: 'Counterpoint',
  intro:
    'Counterpoint marks the key claims of an article you read and says what the public record showed about each one. Everything here works from the keyboard as well as the mouse.',
  shortcutsHeading: 'Keyboard shortcuts',
  browserHeading: 'Browser shortcuts',
  browserIntro:
    'These work anywhere on an article. Your browser keeps them, and you can change them in its shortcut settings.',
  pageHeading: 'Shortcuts on the article',
  pageIntro: 'These work while an article with claims is open and the page has the focus.',
  action: 'Action',
  keys: 'Keys',
  notSet: 'Not set',
  notSetHint: 'The browser did not assign this shortcut; choose one in the shortcut settings.',
  loading: 'Reading the shortcuts your browser has set…',
  unreadable: 'The browser did not say which shortcuts it has set; these are the suggested ones.',
  openSettings: 'Change shortcuts in the browser',
  settingsFailed: 'The browser did not open its shortcut settings.',
  nextClaim: 'Open the next claim on the page',
  previousClaim: 'Open the previous claim on the page',
  escape: 'Close the open claim or note and return to where you were',
  enter: 'Open the claim or note of a focused marker',
  tab: 'Move between the markers of the claims, in reading order',
  save: 'Save the note you are writing',
  markersHeading: 'The marks on the page',
  marks:
    'Each key claim is underlined, with a small marker after it. The underline’s style and the marker’s symbol say the verdict, so none depends on colour. Your own notes are shaded yellow.',
  notesHeading: 'Your notes',
  notes:
    'Select text on the article and press the add-note shortcut, or choose “Add note to selection” from the page’s context menu. Your notes are listed in the toolbar popup and in the notes manager.',
  methodLink: 'How Counterpoint checks',
  aboutLink: 'About Counterpoint and your data',
} as const;

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
const SUGGESTED: readonly BoundCommand[] = [
  {
    name: 'toggle-highlights',
    description: 'Turn claim and note highlights on or off',
    shortcut: DEFAULT_SHORTCUTS.toggleHighlights,
  },
  {
    name: 'add-note',
    description: 'Add a note to the selected text',
    shortcut: DEFAULT_SHORTCUTS.addNote,
  },
];

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
  const shown = commands === null || commands === 'unreadable' ? SUGGESTED : commands;
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
      <header>
        <p class="cp-help-brand">{strings.brand}</p>
        <h1>{strings.title}</h1>
        <p>{strings.intro}</p>
      </header>
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
      <footer class="cp-help-footer">
        <a href={methodUrl}>{strings.methodLink}</a>
        <a href={aboutUrl}>{strings.aboutLink}</a>
      </footer>
    </div>
  );
}
