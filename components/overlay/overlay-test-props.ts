/**
 * Props for drawing the page overlay in tests and test pages: nothing open besides the panel a
 * test passes, and callbacks that do nothing. Free of test-runner imports, so the browser tests'
 * bundled pages can use it as well as the unit tests.
 */
import type { PageOverlayProps } from './PageOverlay';

/** Every overlay prop but the panel, inert; spread it and override what a test needs. */
export const INERT_OVERLAY_PROPS: Omit<PageOverlayProps, 'panel'> = {
  panelKey: 1,
  focusPanel: true,
  guide: null,
  adder: null,
  toast: null,
  shortcuts: { next: 'Alt+Shift+J', previous: 'Alt+Shift+K', addNote: 'Alt+Shift+M' },
  onClosePanel() {},
  onPanelPointer() {},
  onOpenNote() {},
  onAddNoteToClaim() {},
  onEditNote() {},
  onDeleteNote() {},
};
