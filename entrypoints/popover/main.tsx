/**
 * The popover frame: an extension page the content script places over the article. Wiring
 * only: the controller is `utils/panel/panel-session.ts`, the drawing `components/panel/`.
 */
import { createRef, render } from 'preact';
import { createMoreCue } from '@/components/panel/more-cue';
import { PANEL_CSS, PanelApp } from '@/components/panel/PanelApp';
import { COUNTERPOINT_CSS } from '@/components/styles';
import { extensionApi as browser } from '@/utils/browser';
import { t, uiLanguage } from '@/utils/i18n';
import { createRequester } from '@/utils/messaging/client';
import { unansweredInLanguage } from '@/utils/messaging/unanswered';
import { startPanelSession } from '@/utils/panel/panel-session';

document.documentElement.lang = uiLanguage();
document.title = t('popover_title');
const root = document.getElementById('app');
if (root) {
  const style = document.createElement('style');
  style.textContent = `${COUNTERPOINT_CSS}\n${PANEL_CSS}`;
  document.head.append(style);
  const dialog = createRef<HTMLDivElement>();
  let measured: Element | null = null;
  let report: (height: number) => void = () => undefined;
  const cue = createMoreCue(root);
  const sizes = new ResizeObserver(() => {
    if (measured) report(Math.ceil(measured.getBoundingClientRect().height));
    cue.update();
  });
  const focusPopover = (): void => {
    const current = dialog.current;
    if (!current) return;
    // The editor's text box takes focus; other popovers focus their dialog so its name is read.
    const field = current.querySelector<HTMLElement>('textarea');
    (field ?? current).focus({ preventScroll: true });
    root.scrollTop = 0;
  };
  startPanelSession({
    window,
    browser,
    request: createRequester(
      (message) => browser.runtime.sendMessage(message),
      undefined,
      unansweredInLanguage,
    ),
    render(state, actions) {
      root.dataset.theme = state.scheme;
      report = actions.resized;
      const hadFocus = document.hasFocus() && root.contains(document.activeElement);
      render(
        <PanelApp
          key={state.serial}
          view={state.view}
          notes={state.notes}
          error={state.error}
          lastReviewed={state.lastReviewed}
          articleUrl={state.articleUrl}
          methodUrl={browser.runtime.getURL('/method.html')}
          dialogRef={dialog}
          onClose={actions.close}
          onOpenNote={actions.openNote}
          onAddNoteToClaim={actions.addNoteToClaim}
          onEditNote={actions.editNote}
          onDeleteNote={(id) => void actions.deleteNote(id)}
          onCreate={actions.create}
          onUpdate={actions.update}
          draft={state.draft}
          onDraft={actions.keepDraft}
        />,
        root,
      );
      // A popover drawn anew in place of the one that had focus (a note that has just loaded,
      // replacing "Loading your note…") would drop focus to the body: give it to the new one.
      if (state.focus && hadFocus && !root.contains(document.activeElement)) focusPopover();
      const popover = root.firstElementChild;
      if (popover !== measured) {
        if (measured) sizes.unobserve(measured);
        measured = popover;
        if (popover) sizes.observe(popover);
      }
      if (popover) actions.resized(Math.ceil(popover.getBoundingClientRect().height));
    },
    focusPopover,
  });
}
