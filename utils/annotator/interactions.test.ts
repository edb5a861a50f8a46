import { beforeEach, describe, expect, it } from 'vitest';
import type { PageOverlayProps } from '../../components/overlay/PageOverlay';
import { ARTICLE_URL, readFixture } from '../../e2e/fixtures';
import { RequestFailed } from '../messaging/client';
import type { PageData, Protocol } from '../messaging/protocol';
import { loadBundledPacks } from '../packs';
import { recogniseArticle } from '../page/recognise';
import type { StoredClaim } from '../store/db';
import type { Note } from '../store/types';
import { createArticleView } from './article-view';
import { createInteractions, type InteractionDependencies } from './interactions';
import type { OverlayHost } from './overlay-host';

const [pack] = loadBundledPacks().packs;
const claims: StoredClaim[] = (pack?.claims ?? []).map((claim, order) => ({
  ...claim,
  articleKey: 'article',
  order,
}));

/** An overlay that records what it was asked to draw, instead of drawing it. */
function recordingUi() {
  const drawn: PageOverlayProps[] = [];
  let hosts = 0;
  const ui = {
    createOverlay(doc: Document): OverlayHost {
      const host = doc.createElement('counterpoint-overlay');
      doc.documentElement.append(host);
      hosts++;
      return {
        render: (props) => drawn.push(props),
        isHost: (node) => node === host,
        contains: () => false,
        destroy: () => host.remove(),
      };
    },
  };
  return { ui, drawn, last: () => drawn.at(-1), hosts: () => hosts };
}

type Calls = { type: string; payload: unknown }[];

function fakeRequest(calls: Calls, fail?: string) {
  return (async (type: keyof Protocol, payload: unknown) => {
    calls.push({ type, payload });
    if (fail) throw new RequestFailed(fail);
    if (type === 'note.create') {
      const input = payload as { id: string; body: string; tags: string[]; target: Note['target'] };
      const note: Note = {
        ...input,
        articleKey: 'article',
        url: ARTICLE_URL,
        articleTitle: 'Mexico',
        created: '2026-11-27T10:00:00.000Z',
        modified: '2026-11-27T10:00:00.000Z',
      };
      return note;
    }
    return null;
  }) as InteractionDependencies['request'];
}

function loadArticle() {
  document.documentElement.innerHTML = readFixture('article.html')
    .replace(/^[\s\S]*?<html[^>]*>/i, '')
    .replace(/<\/html>\s*$/i, '')
    .replace(/<script[\s\S]*?<\/script>/gi, '');
  const recognition = recogniseArticle(document, ARTICLE_URL);
  if (!recognition) throw new Error('fixture not recognised');
  return recognition;
}

/** The painted article with its interactions, as the content script and UI bundle set them up. */
function start(overrides: Partial<InteractionDependencies> = {}, notes: Note[] = []) {
  const recognition = loadArticle();
  const original = document.body.innerHTML;
  const overlay = recordingUi();
  const calls: Calls = [];
  const statuses: unknown[] = [];
  const data: PageData = {
    articleKey: 'article',
    articleTitle: 'Mexico',
    pack: null,
    claims,
    notes,
  };
  const article = createArticleView({
    doc: document,
    body: recognition.body,
    claims: data.claims,
    notes: data.notes,
    visibility: { claims: true, notes: true },
    onStatus: (status) => statuses.push(status),
  });
  const interactions = createInteractions({
    view: article,
    headline: null,
    about: [],
    request: fakeRequest(calls),
    newId: () => 'new-note-id',
    createOverlay: overlay.ui.createOverlay,
    ...overrides,
  });
  const annotator = {
    ...interactions,
    status: () => article.layers.status(),
    setVisibility: article.setVisibility,
    destroy() {
      interactions.destroy();
      article.destroy();
    },
  };
  return { annotator, overlay, calls, statuses, original, body: recognition.body };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function markers(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('counterpoint-marker')];
}

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('the annotator on the article', () => {
  it('anchors every claim, marks each one, and reports the count', () => {
    const { annotator, statuses } = start();
    expect(annotator.status()).toMatchObject({
      claimsAnchored: claims.length,
      orphanedClaimIds: [],
    });
    expect(markers()).toHaveLength(claims.length);
    expect(statuses.at(-1)).toMatchObject({ claimsAnchored: claims.length });
    annotator.destroy();
  });

  it('opens a claim when its marker is activated, and closing gives focus back to the marker', async () => {
    const { annotator, overlay } = start();
    await settle();
    const claim = claims[0]!;
    annotator.showClaim(claim.id);
    expect(overlay.last()?.panel).toMatchObject({ kind: 'claim', claim: { id: claim.id } });
    // Focus sits on the marker's host as far as the page can tell (its button is in a closed root).
    overlay.last()?.onClosePanel();
    await settle();
    expect(document.querySelector('counterpoint-overlay')).toBeNull();
    expect(markers()).toContain(document.activeElement);
    annotator.destroy();
  });

  it('saves a note on the selected passage through the background', async () => {
    const { annotator, overlay, calls, body } = start();
    const paragraph = [...body.querySelectorAll('p')].find((p) =>
      p.textContent?.includes('vicious cycle'),
    )!;
    const text = paragraph.firstChild as Text;
    const at = text.data.indexOf('vicious cycle');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 'vicious cycle'.length);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    annotator.addNoteFromSelection();
    await settle();
    const panel = overlay.last()?.panel;
    expect(panel).toMatchObject({ kind: 'editor', mode: 'add', quote: 'vicious cycle' });
    if (panel?.kind !== 'editor') return;
    expect(await panel.onSave({ body: 'My note', tags: ['x'] })).toEqual({ ok: true });
    const create = calls.find((call) => call.type === 'note.create');
    expect(create?.payload).toMatchObject({
      id: 'new-note-id',
      body: 'My note',
      tags: ['x'],
      target: {
        selectors: [
          { type: 'TextQuoteSelector', exact: 'vicious cycle' },
          { type: 'TextPositionSelector' },
        ],
      },
    });
    expect(annotator.status().notesAnchored).toBe(1);
    annotator.destroy();
  });

  it('keeps the editor open with the error when a save fails', async () => {
    const calls: Calls = [];
    const { annotator, overlay, body } = start({
      request: fakeRequest(calls, 'Could not save the note: storage is full.'),
    });
    const range = document.createRange();
    range.selectNodeContents(body.querySelector('p')!);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    annotator.addNoteFromSelection();
    await settle();
    const panel = overlay.last()?.panel;
    if (panel?.kind !== 'editor') throw new Error('no editor');
    expect(await panel.onSave({ body: 'kept', tags: [] })).toEqual({
      ok: false,
      error: 'Could not save the note: storage is full.',
    });
    expect(overlay.last()?.panel?.kind).toBe('editor');
    annotator.destroy();
  });

  it('reports notes it cannot place, and never drops them', () => {
    const orphan: Note = {
      id: 'orphan',
      articleKey: 'article',
      url: ARTICLE_URL,
      articleTitle: 'Mexico',
      target: {
        selectors: [
          { type: 'TextQuoteSelector', exact: 'a sentence this article never had in it' },
        ],
      },
      body: 'lost?',
      tags: [],
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
    };
    const { annotator } = start({}, [orphan]);
    expect(annotator.status()).toMatchObject({ notesAnchored: 0, orphanedNoteIds: ['orphan'] });
    annotator.destroy();
  });

  it('with both layers off, leaves the page exactly as it was; on again, repaints', async () => {
    const { annotator, original } = start();
    await settle();
    annotator.setVisibility({ claims: false, notes: false });
    expect(document.body.innerHTML).toBe(original);
    expect(document.querySelector('counterpoint-overlay')).toBeNull();
    annotator.setVisibility({ claims: true, notes: true });
    expect(markers()).toHaveLength(claims.length);
    annotator.destroy();
    expect(document.body.innerHTML).toBe(original);
  });

  it('re-anchors when the article changes, without reacting to its own changes', async () => {
    const { annotator, statuses, body } = start();
    await settle();
    const reports = statuses.length;
    // Our own painting must not trigger another round.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(statuses.length).toBe(reports);
    // An ad inserted between paragraphs, and a claim's paragraph re-rendered without its words.
    const ad = document.createElement('div');
    ad.textContent = 'Advertisement';
    body.insertBefore(ad, body.querySelector('p'));
    const claimParagraph = [...body.querySelectorAll('p')].find((p) =>
      p.textContent?.includes('diplomatic crisis with Canada'),
    )!;
    const squash = (text: string) => text.replace(/\s+/g, ' ');
    const lost = claims
      .filter((claim) =>
        squash(claimParagraph.textContent ?? '').includes(squash(claim.quote.exact)),
      )
      .map((claim) => claim.id);
    claimParagraph.textContent = 'This paragraph was rewritten by the site.';
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(lost).toContain('diplomatic-crisis-with-canada');
    expect(annotator.status().orphanedClaimIds.sort()).toEqual(lost.sort());
    expect(annotator.status().claimsAnchored).toBe(claims.length - lost.length);
    annotator.destroy();
  });
});
