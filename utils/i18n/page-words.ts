/**
 * The words of the page-side layer (the claim markers' names, the notes' partial notice) in the
 * interface language, made by the background and sent with the page's data. In Chrome a content
 * script's first `i18n.getMessage` fetches the extension's message catalogue from the browser
 * process, synchronously: on a newly opened tab that took 7–15 ms, on the way to the first paint.
 */
import type { PageWords } from '../messaging/protocol';
import { VERDICTS, type Verdict } from '../packs/types';
import { t } from './index';
import { verdictLabel } from './verdicts';

/** The page-side layer's words, in the interface language. */
export function pageWords(): PageWords {
  const claimMarkers = {} as Record<Verdict, string>;
  for (const verdict of VERDICTS) {
    // The part before the first ". " is the marker's tooltip (marker-host.ts).
    claimMarkers[verdict] = t('marker_claim_open', [verdictLabel(verdict)]);
  }
  return { claimMarkers, claim: t('marker_claim'), notesPartial: t('notes_partial_notice') };
}
