/**
 * The protocol between the page-side layer (the content script) and the popover frame
 * (`entrypoints/popover/`, an extension page). The content script creates the frame, hands it a
 * `MessagePort` with the frame's secret (see `panel-handshake.ts`), and then tells it only *what*
 * to show: a claim (public data from the pack), or a note by id, or the selectors of a new note.
 * Note text never travels this way: the frame reads it from the background itself. The frame
 * answers with what the reader did, by ids only.
 */
import type { Selector } from '../anchoring/types';
import type { AboutEntry, Verdict } from '../packs/types';
import type { StoredClaim } from '../store/db';

/** What the frame shows. */
export type PanelView =
  | { kind: 'claim'; claim: StoredClaim; noteIds: readonly string[] }
  /** A claim on the page whose words (`page.claims`) could not be had: its verdict only. */
  | { kind: 'claim-unavailable'; claimId: string; verdict: Verdict }
  | { kind: 'note'; noteId: string }
  | {
      kind: 'new-note';
      /** The passage's text, from the page. */
      quote: string;
      selectors: Selector[];
      claimId?: string;
    }
  | { kind: 'edit-note'; noteId: string }
  /** The article's notes: which were placed on the page, and which could not be. */
  | { kind: 'notes'; placedNoteIds: readonly string[]; orphanedNoteIds: readonly string[] };

/** Messages from the content script to the frame. */
export type PanelCommand =
  | {
      type: 'show';
      view: PanelView;
      /** Whether the frame moves focus into the popover (keyboard and click: yes; hover: no). */
      focus: boolean;
      /** Counts up with every show, so replies can be matched to it. */
      serial: number;
      /** "About this source" entries of the article's pack, for claim popovers. */
      about?: readonly AboutEntry[];
      /** When the pack's claims were last reviewed (ISO date), for claim popovers. */
      lastReviewed?: string;
      /** The page's own scheme, which the popover follows (a white site keeps a light one). */
      scheme?: 'light' | 'dark';
      /** The article's address without its fragment, for "Copy link to this claim". */
      articleUrl?: string;
    }
  /** The frame has just been given focus: move it to the popover. */
  | { type: 'focus' }
  | { type: 'hide' };

/** Messages from the frame to the content script. */
export type PanelEvent =
  | { type: 'ready' }
  /** The popover's natural height in CSS pixels, after each layout change. */
  | { type: 'size'; serial: number; height: number }
  /** Close (Escape, the Close button, Cancel); `draftKept` when an editor kept unsaved text. */
  | { type: 'close'; draftKept?: boolean }
  /** The pointer entered (true) or left (false) the popover. */
  | { type: 'pointer'; inside: boolean }
  | { type: 'open-note'; noteId: string }
  | { type: 'add-note-to-claim'; claimId: string }
  /** A note was created or updated: the content script closes the frame and says so. */
  | { type: 'saved'; noteId: string; created: boolean }
  /** A note was deleted; the content script offers Undo. */
  | { type: 'deleted'; noteId: string }
  /** Alt+Shift+J / K pressed inside the frame. */
  | { type: 'step'; direction: 1 | -1 };

/** The first message the content script posts to the frame's window, with the port. */
export interface PanelConnectMessage {
  type: 'counterpoint.panel.connect';
  secret: string;
}

/** Type of {@link PanelConnectMessage}. */
export const PANEL_CONNECT = 'counterpoint.panel.connect';

/** Where the frame's page is in the build. */
export const PANEL_PAGE = '/popover.html';

/** Reads a panel event safely from untrusted data (a port is ours, but check the shape anyway). */
export function asPanelEvent(data: unknown): PanelEvent | null {
  if (typeof data !== 'object' || data === null) return null;
  const event = data as { type?: unknown };
  switch (event.type) {
    case 'ready':
      return { type: 'ready' };
    case 'close':
      return (data as { draftKept?: unknown }).draftKept === true
        ? { type: 'close', draftKept: true }
        : { type: 'close' };
    case 'pointer':
      return { type: 'pointer', inside: (data as { inside?: unknown }).inside === true };
    case 'size': {
      const { serial, height } = data as { serial?: unknown; height?: unknown };
      return typeof serial === 'number' && typeof height === 'number' && Number.isFinite(height)
        ? { type: 'size', serial, height }
        : null;
    }
    case 'open-note':
    case 'deleted': {
      const { noteId } = data as { noteId?: unknown };
      return typeof noteId === 'string' ? { type: event.type, noteId } : null;
    }
    case 'saved': {
      const { noteId, created } = data as { noteId?: unknown; created?: unknown };
      return typeof noteId === 'string'
        ? { type: 'saved', noteId, created: created === true }
        : null;
    }
    case 'add-note-to-claim': {
      const { claimId } = data as { claimId?: unknown };
      return typeof claimId === 'string' ? { type: 'add-note-to-claim', claimId } : null;
    }
    case 'step': {
      const { direction } = data as { direction?: unknown };
      return direction === 1 || direction === -1 ? { type: 'step', direction } : null;
    }
    default:
      return null;
  }
}

/** Content script → popover frame, by direction (as the background's maps are named). */
export type ContentToFrame = PanelCommand;
/** Popover frame → content script. */
export type FrameToContent = PanelEvent;
