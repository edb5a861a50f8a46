/**
 * A test page for the accessibility check: the popover frame's real components and style sheet
 * (`PanelApp`, as `entrypoints/popover/` draws them), one claim, note or editor at a time, with
 * the toast the page-side overlay shows. Bundled by the browser test with esbuild.
 */
import { createRef, render } from 'preact';
import { PANEL_CSS, PanelApp, type PanelAppProps } from '../../components/panel/PanelApp';
import { COUNTERPOINT_CSS } from '../../components/styles';
import { Toast } from '../../components/Toast';
import english from '../../public/_locales/en/messages.json';
import { setMessageSource } from '../../utils/i18n';
import { fileMessageSource } from '../../utils/i18n/file-source';
import type { PanelView } from '../../utils/messaging/panel-protocol';
import { loadBundledPacks } from '../../utils/packs';
import type { Note } from '../../utils/store/types';

// A plain page has no extension i18n: the components read the English file.
setMessageSource(fileMessageSource(english, 'en-GB'));
const [pack] = loadBundledPacks().packs;
const style = document.createElement('style');
style.textContent = `${COUNTERPOINT_CSS}\n${PANEL_CSS}`;
document.head.append(style);
const mount = document.createElement('div');
mount.className = 'cp-theme cp-panel-root';
document.body.append(mount);

const note: Note = {
  id: 'n1',
  articleKey: 'a',
  url: 'https://www.globalresearch.ca/a/1234567',
  articleTitle: 'Article',
  target: { selectors: [{ type: 'TextQuoteSelector', exact: 'A passage of the article.' }] },
  body: 'My **note**, with a [source](https://example.org/).',
  tags: ['migration', 'sources'],
  created: '2026-11-27T10:00:00.000Z',
  modified: '2026-11-27T10:05:00.000Z',
};

const base: Omit<PanelAppProps, 'view'> = {
  notes: [note],
  error: null,
  dialogRef: createRef(),
  onClose() {},
  onOpenNote() {},
  onAddNoteToClaim() {},
  onEditNote() {},
  onDeleteNote() {},
  onCreate: async () => ({ ok: true }),
  onUpdate: async () => ({ ok: true }),
};

/** Draws one view: claim i, the note, or the editor (with a toast, as the page shows one). */
function show(view: string): number {
  const claims = pack?.claims ?? [];
  let panelView: PanelView | null = null;
  if (view === 'note') panelView = { kind: 'note', noteId: note.id };
  else if (view === 'editor') {
    panelView = { kind: 'new-note', quote: 'A passage', selectors: note.target.selectors };
  } else {
    const claim = claims[Number(view)];
    if (!claim) return claims.length;
    panelView = {
      kind: 'claim',
      claim: { ...claim, articleKey: 'a', order: 0 },
      noteIds: [note.id],
    };
  }
  render(
    <>
      <PanelApp {...base} view={panelView} />
      {view === 'editor' ? (
        <Toast message="Note deleted." actionLabel="Undo" onAction={() => undefined} />
      ) : null}
    </>,
    mount,
  );
  return claims.length;
}

(window as unknown as { showView: typeof show }).showView = show;
