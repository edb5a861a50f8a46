import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PanelCommand, PanelView } from '../messaging/panel-protocol';
import { createPanelFrame } from './panel-frame';

const claimView = { kind: 'claim', claim: { id: 'c1' }, noteIds: [] } as unknown as PanelView;
const editorView: PanelView = { kind: 'new-note', quote: 'text', selectors: [] };

/** The frame's page, played by the test: it takes the port and answers as `popover.html` does. */
function setUp() {
  document.body.innerHTML = '<p>text</p><button>page</button>';
  const roots: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  const frame = createPanelFrame({
    doc: document,
    frameUrl: 'about:blank',
    frameOrigin: 'chrome-extension://counterpoint',
    onEvent: () => undefined,
  });
  const root = roots[0];
  const iframe = root?.querySelector('iframe');
  const box = root?.querySelector('.box');
  if (!iframe || !box) throw new Error('no frame');
  let port: MessagePort | null = null;
  const commands: PanelCommand[] = [];
  Object.defineProperty(iframe, 'contentWindow', {
    value: {
      postMessage: (_message: unknown, _origin: string, ports: MessagePort[]) => {
        port = ports[0] ?? null;
        if (port) port.onmessage = (event: MessageEvent) => commands.push(event.data);
      },
    },
  });
  iframe.dispatchEvent(new Event('load'));
  const send = (event: unknown) => port?.postMessage(event);
  let sizedShows = 0;
  /** The frame sizes the view it was last told to show, and the page side reveals it. */
  const sized = async (height: number) => {
    const shows = () => commands.filter((command) => command.type === 'show');
    await vi.waitFor(() => expect(shows().length).toBeGreaterThan(sizedShows));
    sizedShows = shows().length;
    const last = shows().at(-1);
    send({ type: 'size', serial: last?.type === 'show' ? last.serial : 0, height });
    await vi.waitFor(() => expect(box.classList.contains('open')).toBe(true));
  };
  return {
    frame,
    box,
    commands,
    send,
    sized,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('the popover frame on the page', () => {
  it('shows a view once the frame has sized it, and moves focus into it', async () => {
    const { frame, send, sized, commands } = setUp();
    send({ type: 'ready' });
    frame.show(claimView, { reference: null, focus: true });
    await sized(200);
    await vi.waitFor(() =>
      expect(commands.map((command) => command.type)).toEqual(['show', 'focus']),
    );
    frame.destroy();
  });

  it('keeps the frame shown when the editor replaces the popover that holds focus, so focus stays in it', async () => {
    const { frame, box, send, sized } = setUp();
    send({ type: 'ready' });
    frame.show(claimView, { reference: null, focus: true });
    await sized(200);
    // The frame has the reader's focus ("Add note to this claim" was pressed in it).
    expect(document.activeElement?.localName).toBe('div');
    frame.show(editorView, { reference: null, focus: true });
    expect(box.classList.contains('open')).toBe(true);
    await sized(260);
    expect(box.classList.contains('open')).toBe(true);
    frame.destroy();
  });

  it('hides a replaced view until the new one is sized when focus is on the page', async () => {
    const { frame, box, send, sized } = setUp();
    send({ type: 'ready' });
    // A hover popover: focus stays on the page.
    frame.show(claimView, { reference: null, focus: false });
    await sized(200);
    expect(box.classList.contains('open')).toBe(true);
    document.querySelector('button')?.focus();
    frame.show(editorView, { reference: null, focus: true });
    expect(box.classList.contains('open')).toBe(false);
    await sized(260);
    expect(box.classList.contains('open')).toBe(true);
    frame.destroy();
  });
});
