/**
 * A test page for the accessibility check: the real overlay components and style sheet, drawn for
 * one claim or note at a time in an open shadow root (axe cannot see into the closed one the
 * extension uses; everything else is the same). Bundled by the browser test with esbuild.
 */
import { render } from 'preact';
import { INERT_OVERLAY_PROPS } from '../../components/overlay/overlay-test-props';
import { OVERLAY_CSS, PageOverlay } from '../../components/overlay/PageOverlay';
import { COUNTERPOINT_CSS } from '../../components/styles';
import { loadBundledPacks } from '../../utils/packs';
import type { Note } from '../../utils/store/types';

const [pack] = loadBundledPacks().packs;
const host = document.createElement('div');
document.body.append(host);
const shadow = host.attachShadow({ mode: 'open' });
const style = document.createElement('style');
style.textContent = `${COUNTERPOINT_CSS}\n${OVERLAY_CSS}`;
const mount = document.createElement('div');
mount.className = 'cp-theme';
shadow.append(style, mount);
const reference = document.createElement('p');
reference.textContent = 'A passage of the article.';
document.body.prepend(reference);

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

const base = { ...INERT_OVERLAY_PROPS, focusPanel: false };

/** Draws one view: claim i, the note, or the editor. */
function show(view: string): number {
  const range = document.createRange();
  range.selectNodeContents(reference);
  const claims = pack?.claims ?? [];
  if (view === 'note') {
    render(<PageOverlay {...base} panel={{ kind: 'note', note, reference: range }} />, mount);
  } else if (view === 'editor') {
    render(
      <PageOverlay
        {...base}
        panel={{
          kind: 'editor',
          mode: 'add',
          quote: 'A passage',
          reference: range,
          onSave: async () => ({ ok: true }),
        }}
        toast={{ message: 'Note deleted.', actionLabel: 'Undo', onAction() {} }}
      />,
      mount,
    );
  } else {
    const claim = claims[Number(view)];
    if (!claim) return claims.length;
    render(
      <PageOverlay
        {...base}
        panel={{
          kind: 'claim',
          claim: { ...claim, articleKey: 'a', order: 0 },
          notes: [note],
          reference: range,
        }}
      />,
      mount,
    );
  }
  return claims.length;
}

(window as unknown as { showView: typeof show }).showView = show;
