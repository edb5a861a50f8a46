/**
 * Opening the side panel from a click (the popup's "Open overview"): Chrome's `sidePanel.open`
 * and Firefox's `sidebarAction.open` both refuse unless called while the click is being handled,
 * so `open` calls the browser at once, before anything is awaited.
 */
import type { Browser } from './browser';

/** How this browser opens the overview, if it can. */
export interface OverviewOpener {
  /** False where the browser has neither API (the button is then not offered). */
  available: boolean;
  /** Opens the overview beside this tab; call it straight from the click handler. */
  open(tabId: number): Promise<void>;
}

interface PanelApis {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** The opener over the browser's API (Chrome's side panel, else Firefox's sidebar). */
export function overviewOpener(browser: Browser | PanelApis): OverviewOpener {
  const apis = browser as PanelApis;
  const sidePanel = apis.sidePanel;
  if (typeof sidePanel?.open === 'function') {
    return { available: true, open: (tabId) => sidePanel.open({ tabId }) };
  }
  const sidebar = apis.sidebarAction;
  if (typeof sidebar?.open === 'function') {
    return { available: true, open: () => sidebar.open() };
  }
  return {
    available: false,
    open: () => Promise.reject(new Error('This browser has no side panel for extensions.')),
  };
}
