/**
 * The words and the style sheet of the "Context packs" section, shared by its parts (the list,
 * the loader, the questions). Every string is read from the interface language when used.
 */
import { plural, t } from '../../utils/i18n';

/**
 * Every sentence and label this component shows, read from the interface language when used
 * (docs/i18n.md), so the tests name controls by the same words it shows.
 */
export const strings = {
  get heading() {
    return t('packs_heading');
  },
  get intro() {
    return t('packs_intro');
  },
  get loading() {
    return t('packs_loading');
  },
  get none() {
    return t('packs_none');
  },
  listError: (reason: string) => t('packs_list_error', [reason]),
  by: (publisher: string) => t('packs_by', [publisher]),
  get publisherUnknown() {
    return t('packs_publisher_unknown');
  },
  reviewed: (date: string) => t('packs_reviewed', [date]),
  claims: (count: number) => plural('packs_claims', count),
  edition: (version: number) => t('packs_edition', [version]),
  get bundled() {
    return t('packs_bundled');
  },
  fromFile: (name: string) => t('packs_from_file', [name]),
  get turnedOff() {
    return t('packs_turned_off');
  },
  get turnOff() {
    return t('packs_turn_off');
  },
  get turnOn() {
    return t('packs_turn_on');
  },
  get remove() {
    return t('packs_remove');
  },
  removeQuestion: (title: string) => t('packs_remove_question', [title]),
  get removeConfirm() {
    return t('packs_remove_confirm');
  },
  get keep() {
    return t('packs_keep');
  },
  removed: (title: string) => t('packs_removed', [title]),
  removedBundledBack: (title: string, version: number) =>
    t('packs_removed_bundled_back', [title, version]),
  turnedOffDone: (title: string) => t('packs_turned_off_done', [title]),
  turnedOnDone: (title: string) => t('packs_turned_on_done', [title]),
  get downloadClaimReview() {
    return t('packs_download_claim_review');
  },
  get downloadAnnotations() {
    return t('packs_download_annotations');
  },
  downloadFailed: (reason: string) => t('packs_download_failed', [reason]),
  get load() {
    return t('packs_load');
  },
  get loadElsewhere() {
    return t('packs_load_elsewhere');
  },
  get reading() {
    return t('packs_reading');
  },
  loadHint: (limit: string) => t('packs_load_hint', [limit]),
  replaceQuestion: (
    title: string,
    version: number,
    publisher: string,
    installed: number,
    origin: string,
  ) => t('packs_replace_question', [title, version, publisher, installed, origin]),
  get replaceConfirm() {
    return t('packs_replace_confirm');
  },
  get cancel() {
    return t('packs_cancel');
  },
  get cancelled() {
    return t('packs_cancelled');
  },
  loaded: (title: string, version: number, count: number) =>
    plural('packs_loaded', count, [title, version]),
  replaced: (title: string, version: number) => t('packs_replaced', [title, version]),
  get changedMeanwhile() {
    return t('packs_changed_meanwhile');
  },
  get unreadable() {
    return t('packs_unreadable');
  },
  failed: (reason: string) => t('packs_failed', [reason]),
  get originBundledShort() {
    return t('packs_origin_bundled');
  },
  get originFileShort() {
    return t('packs_origin_file');
  },
};

/** The component's own rules: it is shown in the popup and on the method page. */
export const PACK_FILES_CSS = `
.cp-packs { display: flex; flex-direction: column; gap: 0.6em; }
.cp-packs-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.5em; }
.cp-pack {
  display: flex; flex-direction: column; gap: 0.3em; padding: 0.55em 0.7em;
  border: 1px solid var(--cp-border); border-radius: 6px; background: var(--cp-surface);
}
.cp-pack[data-off='true'] { border-style: dashed; }
.cp-pack-title { font-weight: 600; overflow-wrap: anywhere; }
.cp-pack-meta, .cp-pack-origin { font-size: 0.9em; color: var(--cp-muted); overflow-wrap: anywhere; }
.cp-pack-fact { white-space: nowrap; }
.cp-pack-off { font-size: 0.9em; font-weight: 600; color: var(--cp-warning); }
.cp-pack-actions, .cp-packs-confirm-actions { display: flex; flex-wrap: wrap; gap: 0.4em; }
.cp-packs-confirm {
  display: flex; flex-direction: column; gap: 0.4em; margin: 0; padding: 0.5em 0.7em; border: 0;
  border-radius: 6px; border-left: 4px solid var(--cp-warning);
  background: var(--cp-partly-supported-background); min-inline-size: 0;
}
.cp-packs-confirm legend { float: left; width: 100%; padding: 0; margin-bottom: 0.4em; }
.cp-packs-confirm-actions { clear: both; }
.cp-packs-file { position: relative; display: inline-flex; align-items: center; align-self: flex-start; }
.cp-packs-file:focus-within { outline: 2px solid var(--cp-focus); outline-offset: 2px; }
.cp-packs-file input { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }
.cp-packs h2:focus, .cp-packs h3:focus { outline: none; }
.cp-packs h2:focus-visible, .cp-packs h3:focus-visible { outline: 2px solid var(--cp-focus); outline-offset: 2px; }
.cp-packs-hint { font-size: 0.85em; color: var(--cp-muted); }
.cp-packs-status:empty, .cp-packs-error:empty { display: none; }
.cp-packs-error {
  padding: 0.5em 0.75em; border-radius: 6px; border-left: 4px solid var(--cp-danger);
  color: var(--cp-danger);
}
.cp-packs-error p { font-weight: 600; }
.cp-packs-error ul { margin: 0.3em 0 0; padding-left: 1.1em; font-size: 0.9em; overflow-wrap: anywhere; }
`;
