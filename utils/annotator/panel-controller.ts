/**
 * What the popover frame shows, as the page side knows it (a kind and an id, never note text),
 * and where focus goes back when it closes: to the marker or element the reader came from,
 * without scrolling the page when the pointer opened it. Escape closes it.
 */
import type { PanelView } from '../messaging/panel-protocol';
import type { PageClaims, ShownItemReport } from '../messaging/protocol';
import type { StoredClaim } from '../store/db';
import type { ArticleView } from './article-view';
import type { PanelFrame, PanelReference } from './panel-frame';

/** A popover opened by a click or key stays ('pinned'); one opened by hovering goes ('hover'). */
export type PanelMode = 'pinned' | 'hover';

/**
 * What is open in the frame: a kind and an id, never note text. A claim whose words could not be
 * had is still that claim's popover (kind `claim`), for its marker, the stepper and the side panel.
 */
export interface OpenPanel {
  kind: Exclude<PanelView['kind'], 'claim-unavailable'>;
  id: string | null;
  mode: PanelMode;
}

/** What the panel controller needs. */
export interface PanelControllerDependencies {
  article: Pick<ArticleView, 'doc' | 'layers' | 'claims' | 'notes'>;
  panel: PanelFrame;
  /** The claims in full (what a claim's popover shows) and the pack's "About this source". */
  pageClaims: PageClaims;
  lastReviewed?: string;
  /** After the frame closed (e.g. to offer "Add note" again for a selection still there). */
  onClosed(): void;
  /**
   * A popover was opened or closed by the reader (a click, a key, Escape, Close), with the claim
   * it shows if it is one: a hover open on its way is dropped, so a popover just closed does not
   * come back under a resting pointer.
   */
  onPinned?(claimId: string | null): void;
  /** After a popover opened where none was (e.g. to draw the reading guide compact). */
  onOpened?(): void;
  /**
   * What the reader now has open, by id (`none` once a pinned popover closes), for the side
   * panel to follow; a hover is only a glance and is not reported. Called once per change.
   */
  onShown?(item: ShownItemReport): void;
  signal: AbortSignal;
}

/** The open popover and its focus return. */
export interface PanelController {
  /** What is open, if anything. */
  current(): OpenPanel | null;
  /** Whether the note editor is open (new or edit). */
  editing(): boolean;
  /** Where focus goes back on close; `quietly`: without scrolling the page. */
  returnFocusTo(element: HTMLElement | null, quietly?: boolean): void;
  openClaim(id: string, mode: PanelMode, focus: boolean): void;
  openNote(id: string, focus: boolean): void;
  /** Opens the editor for a new note on `reference`. */
  openNewNote(view: Extract<PanelView, { kind: 'new-note' }>, reference: Range): void;
  /** Opens the article's notes: those placed on the page and those that could not be. */
  showNotes(): void;
  close(): void;
  /** After the article was repainted: the open popover follows its passage, or closes. */
  follow(visibilityChanged: boolean): void;
}

/** Creates the panel controller. */
export function createPanelController(deps: PanelControllerDependencies): PanelController {
  const { article, panel } = deps;
  const { doc, layers } = article;
  let open: OpenPanel | null = null;
  let focusTarget: HTMLElement | null = null;
  let focusQuietly = false;
  /** The last report to `onShown`, so each change is reported once. */
  let lastShown = 'none';

  function reportShown(item: ShownItemReport): void {
    const key = item.kind === 'none' ? 'none' : `${item.kind}:${item.id}`;
    if (key === lastShown) return;
    lastShown = key;
    deps.onShown?.(item);
  }

  const claimById = (id: string): StoredClaim | undefined =>
    deps.pageClaims.claims.find((claim) => claim.id === id);
  const isNote = (id: string): boolean => article.notes().some((note) => note.id === id);
  const editing = (): boolean => open?.kind === 'new-note' || open?.kind === 'edit-note';

  function show(
    view: PanelView,
    id: string | null,
    mode: PanelMode,
    focus: boolean,
    reference: PanelReference | null,
  ): void {
    const wasOpen = open !== null;
    const kind = view.kind === 'claim-unavailable' ? 'claim' : view.kind;
    open = { kind, id, mode };
    if (!wasOpen) deps.onOpened?.();
    if (mode === 'pinned') {
      deps.onPinned?.(kind === 'claim' ? id : null);
      reportShown(
        id !== null && (kind === 'claim' || kind === 'note') ? { kind, id } : { kind: 'none' },
      );
    }
    layers.setActive(id);
    layers.setExpanded(kind === 'claim' ? id : null);
    panel.show(view, {
      reference,
      focus,
      ...(view.kind === 'claim'
        ? {
            about: deps.pageClaims.about,
            ...(deps.lastReviewed ? { lastReviewed: deps.lastReviewed } : {}),
            articleUrl: withoutFragment(doc.location.href),
          }
        : {}),
    });
  }

  function close(): void {
    if (!open) return;
    const target = focusTarget;
    const quietly = focusQuietly;
    focusTarget = null;
    focusQuietly = false;
    const closing = open;
    open = null;
    if (closing.mode === 'pinned') {
      deps.onPinned?.(closing.kind === 'claim' ? closing.id : null);
      reportShown({ kind: 'none' });
    }
    layers.setActive(null);
    layers.setExpanded(null);
    panel.hide();
    if (target?.isConnected) target.focus({ preventScroll: quietly });
    deps.onClosed();
  }

  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && event.key === 'Escape' && open) close();
    },
    { signal: deps.signal },
  );

  return {
    current: () => open,
    editing,
    returnFocusTo(element, quietly = false) {
      focusTarget = element;
      focusQuietly = quietly;
    },
    openClaim(id, mode, focus) {
      const range = layers.rangeOf(id);
      const placed = article.claims().find((claim) => claim.id === id);
      if (!range || !placed) return;
      const claim = claimById(id);
      if (!claim) {
        // The words did not come (`page.claims` failed): say so rather than open nothing.
        show(
          { kind: 'claim-unavailable', claimId: id, verdict: placed.verdict },
          id,
          mode,
          focus,
          range,
        );
        return;
      }
      const noteIds = article
        .notes()
        .filter((note) => note.claimId === id)
        .map((note) => note.id);
      show({ kind: 'claim', claim, noteIds }, id, mode, focus, range);
    },
    openNote(id, focus) {
      if (!isNote(id)) return;
      show({ kind: 'note', noteId: id }, id, 'pinned', focus, layers.rangeOf(id));
    },
    openNewNote(view, reference) {
      focusTarget = null;
      show(view, null, 'pinned', true, reference);
    },
    showNotes() {
      const orphaned = new Set(layers.status().orphanedNoteIds);
      const placed = article
        .notes()
        .map((note) => note.id)
        .filter((id) => !orphaned.has(id));
      focusTarget = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
      focusQuietly = false;
      show(
        { kind: 'notes', placedNoteIds: placed, orphanedNoteIds: [...orphaned] },
        null,
        'pinned',
        true,
        null,
      );
    },
    close,
    follow(visibilityChanged) {
      if (visibilityChanged && open && !editing()) close();
      if (open?.id && (open.kind === 'claim' || open.kind === 'note')) {
        const id = open.id;
        const stillThere =
          open.kind === 'claim' ? article.claims().some((claim) => claim.id === id) : isNote(id);
        if (!stillThere || (open.kind === 'claim' && !layers.rangeOf(open.id))) close();
      }
    },
  };
}

/** An address without its `#…` fragment (a claim link adds its own). */
export function withoutFragment(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}
