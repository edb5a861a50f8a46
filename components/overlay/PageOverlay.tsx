/**
 * Everything Counterpoint draws over the article, rendered by the annotator's controller into a
 * closed shadow root: the open popover (a claim, a note, the note editor, or the notes that could
 * not be placed), the "Add note" button by a selection, the reading guide and a status toast.
 * The controller owns the state and passes it down; this component only draws it.
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredClaim } from '../../utils/store/db';
import { quoteOfNote } from '../../utils/store/note-quote';
import type { Note } from '../../utils/store/types';
import { AdderButton } from '../AdderButton';
import { ClaimPopover } from '../ClaimPopover';
import { NoteEditor, type NoteSaveResult } from '../NoteEditor';
import { NotePopover } from '../NotePopover';
import { ReadingGuide, type ReadingGuideProps } from '../ReadingGuide';
import { Toast, type ToastProps } from '../Toast';
import { useUniqueId } from '../unique-id';
import { Floating, type FloatingReference } from './Floating';

/** The one popover open at a time. */
export type OverlayPanel =
  | { kind: 'claim'; claim: StoredClaim; notes: readonly Note[]; reference: Range }
  | { kind: 'note'; note: Note; reference: Range | null }
  | {
      kind: 'editor';
      mode: 'add' | 'edit';
      quote: string;
      initialBody?: string;
      initialTags?: readonly string[];
      reference: Range | null;
      onSave(input: { body: string; tags: string[] }): Promise<NoteSaveResult>;
    }
  | { kind: 'orphans'; notes: readonly Note[]; reference: Element | null };

/** What the overlay shows, and where its events go. */
export interface PageOverlayProps {
  panel: OverlayPanel | null;
  /** Changes whenever a new panel opens, so focus moves into it once. */
  panelKey: number;
  /** Whether opening the panel moves focus into it (keyboard and click: yes; hover: no). */
  focusPanel: boolean;
  guide: (Omit<ReadingGuideProps, 'shortcuts'> & { reference: Element }) | null;
  adder: { reference: Range; onAdd(): void } | null;
  toast: ToastProps | null;
  shortcuts: { next: string; previous: string; addNote: string };
  onClosePanel(): void;
  onPanelPointer(inside: boolean): void;
  onOpenNote(id: string): void;
  onAddNoteToClaim(claim: StoredClaim): void;
  onEditNote(note: Note): void;
  onDeleteNote(note: Note): void;
}

/** The overlay's root component. */
export function PageOverlay(props: PageOverlayProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const { panel, panelKey, focusPanel } = props;

  useEffect(() => {
    if (!panel || !focusPanel) return;
    // The editor focuses its own text box; other panels take focus themselves so a screen
    // reader announces their name.
    if (panel.kind !== 'editor') dialog.current?.focus();
  }, [panelKey]);

  // Escape is handled by the annotator's document listener: keyboard events leave the shadow root.
  return (
    <div class="cp-overlay">
      {props.guide && (
        <Floating
          reference={props.guide.reference}
          placement="top-end"
          gap={6}
          className="cp-guide-box"
        >
          <GuidePill guide={props.guide} shortcuts={props.shortcuts} />
        </Floating>
      )}
      {panel && (
        <Floating
          key={panelKey}
          reference={panelReference(panel)}
          className="cp-panel-box"
          onPointerInside={props.onPanelPointer}
        >
          {panel.kind === 'claim' && (
            <ClaimPopover
              claim={panel.claim}
              notes={panel.notes}
              dialogRef={dialog}
              onClose={props.onClosePanel}
              onAddNote={() => props.onAddNoteToClaim(panel.claim)}
              onOpenNote={props.onOpenNote}
            />
          )}
          {panel.kind === 'note' && (
            <NotePopover
              note={panel.note}
              dialogRef={dialog}
              onClose={props.onClosePanel}
              onEdit={() => props.onEditNote(panel.note)}
              onDelete={() => props.onDeleteNote(panel.note)}
            />
          )}
          {panel.kind === 'editor' && (
            <NoteEditor
              mode={panel.mode}
              quote={panel.quote}
              initialBody={panel.initialBody}
              initialTags={panel.initialTags}
              dialogRef={dialog}
              onSave={panel.onSave}
              onCancel={props.onClosePanel}
            />
          )}
          {panel.kind === 'orphans' && (
            <OrphanList notes={panel.notes} dialogRef={dialog} onClose={props.onClosePanel} />
          )}
        </Floating>
      )}
      {props.adder && (
        <Floating
          reference={props.adder.reference}
          placement="top"
          gap={6}
          className="cp-adder-box"
        >
          <AdderButton onAdd={props.adder.onAdd} shortcut={props.shortcuts.addNote} />
        </Floating>
      )}
      {props.toast && (
        <div class="cp-toast-box">
          <Toast {...props.toast} />
        </div>
      )}
    </div>
  );
}

function panelReference(panel: OverlayPanel): FloatingReference {
  if (panel.reference) return panel.reference;
  // Without a place on the page (an orphaned note), sit near the top of the viewport.
  return { getBoundingClientRect: () => new DOMRect(window.innerWidth / 2 - 190, 16, 0, 0) };
}

/** The notes whose passages could not be found on the page, with their quotes. */
function OrphanList({
  notes,
  dialogRef,
  onClose,
}: {
  notes: readonly Note[];
  dialogRef: Ref<HTMLDivElement>;
  onClose(): void;
}) {
  return (
    <div
      ref={dialogRef}
      role="dialog"
      aria-label="Notes that could not be placed"
      tabIndex={-1}
      class="cp-popover"
    >
      <div class="cp-popover-header">
        <h2 class="cp-popover-title">Notes that could not be placed</h2>
        <button type="button" class="cp-icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p class="cp-muted">
        The article has changed where these notes were written. They are kept safe; you can read,
        export or delete them from the Counterpoint popup.
      </p>
      <ul class="cp-orphans">
        {notes.map((note) => (
          <li key={note.id}>
            <blockquote>{quoteOfNote(note)}</blockquote>
            <p>{note.body}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The reading guide folded into one line near the headline ("Counterpoint · 14 claims checked"),
 * so it covers nothing until the reader opens it.
 */
function GuidePill({
  guide,
  shortcuts,
}: {
  guide: NonNullable<PageOverlayProps['guide']>;
  shortcuts: PageOverlayProps['shortcuts'];
}) {
  const [open, setOpen] = useState(false);
  const panelId = useUniqueId();
  const { reference: _reference, ...props } = guide;
  const summary =
    props.totalClaims > 0
      ? `${props.totalClaims} ${props.totalClaims === 1 ? 'claim' : 'claims'} checked`
      : `${props.notesPlaced + props.notesOrphaned} notes`;
  return (
    <div class="cp-guide-pill-box">
      <button
        type="button"
        class="cp-guide-pill"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <strong>Counterpoint</strong> · {summary}
        {props.notesOrphaned > 0 ? ` · ${props.notesOrphaned} unplaced` : ''}
        <span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
      </button>
      <div id={panelId} hidden={!open} class="cp-guide-panel">
        {open && <ReadingGuide {...props} shortcuts={shortcuts} />}
      </div>
    </div>
  );
}

/** Layout of the overlay's boxes (positions come from Floating). */
export const OVERLAY_CSS = `
.cp-floating { z-index: 2147483647; }
.cp-panel-box { width: min(380px, calc(100vw - 16px)); overflow: auto; display: flex; }
.cp-panel-box > * { flex: 1; }
.cp-adder-box { z-index: 2147483647; }
.cp-toast-box { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); z-index: 2147483647; }
.cp-guide-pill-box { display: flex; flex-direction: column; align-items: flex-end; gap: 6px; max-width: min(560px, calc(100vw - 16px)); }
.cp-guide-pill {
  font: inherit; font-size: 0.8125em; line-height: 1.2; cursor: pointer; padding: 0.35em 0.8em;
  color: var(--cp-text); background: var(--cp-surface); border: 1px solid var(--cp-border);
  border-left: 4px solid var(--cp-link); border-radius: 999px; box-shadow: 0 2px 8px var(--cp-shadow);
}
.cp-guide-panel { max-height: 70vh; overflow: auto; box-shadow: 0 6px 24px var(--cp-shadow); border-radius: 6px; }
[hidden] { display: none !important; }
.cp-orphans { display: grid; gap: 0.75em; margin-top: 0.75em; }
.cp-orphans blockquote { border-left: 3px solid var(--cp-border); padding-left: 0.6em; color: var(--cp-muted); }
`;
