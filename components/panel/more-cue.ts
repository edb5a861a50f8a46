/**
 * "More below ↓": when a popover is taller than the room the page gave it, a small cue at the
 * bottom of the frame says that more follows, and goes once the reader has scrolled to the end.
 */
import { t } from '../../utils/i18n';

/** Keeps the cue up to date for a scrolling root; returns the update to call on resizes. */
export function createMoreCue(root: HTMLElement): { update(): void } {
  const doc = root.ownerDocument;
  const cue = doc.createElement('div');
  cue.className = 'cp-theme cp-more-cue';
  cue.setAttribute('aria-hidden', 'true');
  cue.textContent = t('panel_more_below');
  const update = (): void => {
    if (root.dataset.theme) cue.dataset.theme = root.dataset.theme;
    const more = root.scrollHeight - root.clientHeight - root.scrollTop > 8;
    root.classList.toggle('cp-has-more', more);
    if (more && !cue.isConnected) doc.body.append(cue);
    else if (!more) cue.remove();
  };
  root.addEventListener('scroll', update, { passive: true });
  doc.defaultView?.addEventListener('resize', update);
  return { update };
}
