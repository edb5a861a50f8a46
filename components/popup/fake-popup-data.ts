/**
 * An in-memory PopupData for the popup's component tests: notes, settings and tab views kept in
 * plain fields, every action recorded, and failures switchable per action.
 */
import type { ExportFile, ImportOutcome } from '../../utils/popup/notes-transfer';
import type { PopupData, TabView } from '../../utils/popup/popup-data';
import type { ShowInPageOutcome } from '../../utils/popup/show-in-page';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import type { NotesChange } from '../../utils/store/change-feed';
import type { Note } from '../../utils/store/types';

/** A fake data source; tests read and change its fields directly. */
export class FakePopupData implements PopupData {
  notes: Note[] = [];
  view: TabView = { kind: 'no-context' };
  tabId: number | undefined = 1;
  host: string | undefined = undefined;
  problems: string[] = [];
  settings: Settings = { ...DEFAULT_SETTINGS };
  savedFiles: ExportFile[] = [];
  importOutcome: ImportOutcome = {
    ok: true,
    summary: 'Added no notes.',
    added: [],
    articleKeys: [],
  };
  importedTexts: string[] = [];
  /** How many times every note was read. */
  loads = 0;
  shownClaims: string[] = [];
  shownNotes: string[] = [];
  showOutcome: ShowInPageOutcome = { status: 'shown', tabId: 1 };
  closed = 0;
  managerOpened = 0;
  /** Actions that fail with this message, by name. */
  failures = new Map<'update' | 'delete' | 'restore' | 'load' | 'settings', string>();
  private settingsListeners = new Set<(settings: Settings) => void>();
  /** How many times notes were read by id (a change record's rows). */
  loadsById = 0;
  private notesListeners = new Set<(articleKeys: string[], change?: NotesChange) => void>();

  async currentTabId() {
    return this.tabId;
  }
  async tabView() {
    return this.view;
  }
  async packProblems() {
    return this.problems;
  }
  async tabHost() {
    return this.host;
  }
  async readSettings() {
    return this.settings;
  }
  async updateSettings(change: (current: Settings) => Partial<Settings>) {
    this.fail('settings');
    this.settings = { ...this.settings, ...change(this.settings) };
    return this.settings;
  }
  watchSettings(onChange: (settings: Settings) => void) {
    this.settingsListeners.add(onChange);
    return () => this.settingsListeners.delete(onChange);
  }
  /** A change made elsewhere (another popup, the keyboard command). */
  changeSettingsElsewhere(change: Partial<Settings>) {
    this.settings = { ...this.settings, ...change };
    for (const listener of this.settingsListeners) listener(this.settings);
  }
  async showClaim(_tabId: number, claimId: string) {
    this.shownClaims.push(claimId);
  }
  closeWindow() {
    this.closed += 1;
  }

  async loadNotes() {
    this.loads += 1;
    this.fail('load');
    return this.notes.filter((note) => note.deletedAt === undefined);
  }
  async loadNotesById(ids: readonly string[]) {
    this.loadsById += 1;
    return this.notes.filter((note) => ids.includes(note.id));
  }
  watchNotes(onChange: (articleKeys: string[], change?: NotesChange) => void) {
    this.notesListeners.add(onChange);
    return () => this.notesListeners.delete(onChange);
  }
  /** Notes changed elsewhere, with the record's details when it names its notes. */
  announceNotesChanged(articleKeys: string[], change?: Omit<NotesChange, 'articleKeys' | 'stamp'>) {
    const record = change ? { articleKeys, stamp: 's', ...change } : undefined;
    for (const listener of this.notesListeners) listener(articleKeys, record);
  }
  async updateNote(id: string, changes: { body: string; tags: string[] }) {
    this.fail('update');
    return this.change(id, (note) => ({
      ...note,
      ...changes,
      modified: '2030-01-01T00:00:00.000Z',
    }));
  }
  async deleteNote(id: string) {
    this.fail('delete');
    return this.change(id, (note) => ({ ...note, deletedAt: '2030-01-01T00:00:00.000Z' }));
  }
  async restoreNote(id: string) {
    this.fail('restore');
    return this.change(id, ({ deletedAt: _gone, ...note }) => note);
  }
  async showNoteInPage(note: Note) {
    this.shownNotes.push(note.id);
    return this.showOutcome;
  }
  async importNotes(text: string) {
    this.importedTexts.push(text);
    if (this.importOutcome.ok) this.notes.push(...this.importOutcome.added);
    return this.importOutcome;
  }
  saveFile(file: ExportFile) {
    this.savedFiles.push(file);
  }
  async openNotesManager() {
    this.managerOpened += 1;
  }
  now() {
    return new Date(2026, 10, 27, 12, 0);
  }

  private change(id: string, update: (note: Note) => Note): Note {
    const index = this.notes.findIndex((note) => note.id === id);
    const existing = this.notes[index];
    if (existing === undefined) throw new Error('That note no longer exists.');
    const next = update(existing);
    this.notes[index] = next;
    return next;
  }

  private fail(action: 'update' | 'delete' | 'restore' | 'load' | 'settings') {
    const message = this.failures.get(action);
    if (message !== undefined) throw new Error(message);
  }
}
