/**
 * What Counterpoint draws over the article in the page itself, in a closed shadow root: the
 * "Add note" button by a selection, the reading guide and a status toast. None of it carries
 * note text: popovers, the editor and the notes list are in the popover frame, an extension
 * page (`entrypoints/popover/`). The controller owns the state and passes it down.
 */
import { useState } from 'preact/hooks';
import type { OverlayState } from '../../utils/annotator/overlay-state';
import { AdderButton } from '../AdderButton';
import { ReadingGuide } from '../ReadingGuide';
import { Toast } from '../Toast';
import { useUniqueId } from '../unique-id';
import { Floating } from './Floating';

/** What the overlay shows, and where its events go (the controller's state, drawn as it is). */
export type PageOverlayProps = OverlayState;

/** The overlay's root component. */
export function PageOverlay(props: PageOverlayProps) {
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
  const summary = `${props.totalClaims} ${props.totalClaims === 1 ? 'claim' : 'claims'} checked`;
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
`;
