/**
 * "Context packs": the installed packs (title, publisher, review date, number of claims, bundled
 * or from a file), loading a pack from a file, removing one (confirmed), turning a bundled one
 * off, and downloading a pack's verdicts as ClaimReview or its claims as Web Annotations. Shown
 * in the popup and on the method page. A chosen file is checked before anything is stored; a
 * newer edition of an installed pack replaces it only after the reader agrees; a pack never
 * changes a note.
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { plural, t } from '../../utils/i18n';
import type { PackLoadResponse } from '../../utils/messaging/protocol';
import type { PackExportFormat } from '../../utils/packs/export';
import {
  describePackFileProblem,
  formatBytes,
  MAX_PACK_FILE_BYTES,
  type PackFileMessage,
} from '../../utils/packs/pack-file';
import type { PackFilesData, PackListing } from '../../utils/popup/pack-files';
import { formatPartialDate } from '../dates';
import { useUniqueId } from '../unique-id';

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
const PACK_FILES_CSS = `
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

/** Props of {@link PackFiles}. */
export interface PackFilesProps {
  data: PackFilesData;
  /** The level of the section's heading. */
  headingLevel?: 2 | 3;
  /** Whether each pack offers its two downloads (the method page); the popup keeps its rows short. */
  downloads?: boolean;
  /** Called after a pack was loaded, replaced, removed or turned off or on. */
  onChanged?: () => void;
  /** The section's id, for links to it. */
  id?: string;
}

type Pending =
  | { kind: 'none' }
  | { kind: 'reading' }
  | {
      kind: 'replace';
      fileName: string;
      text: string;
      /** The installed edition the reader is asked to replace. */
      replaces: number;
      question: string;
    }
  | { kind: 'remove'; pack: PackListing };

type Outcome =
  | { kind: 'none' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: PackFileMessage };

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

function originWords(pack: PackListing): string {
  return pack.origin.kind === 'bundled' ? strings.originBundledShort : strings.originFileShort;
}

/** The "Context packs" section. */
export function PackFiles({
  data,
  headingLevel = 2,
  downloads = false,
  onChanged,
  id,
}: PackFilesProps) {
  const [packs, setPacks] = useState<PackListing[] | null>(null);
  const [listError, setListError] = useState('');
  const [pending, setPending] = useState<Pending>({ kind: 'none' });
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const headingId = useUniqueId('cp-packs');
  const inputId = useUniqueId('cp-pack-file');
  const confirmRef = useRef<HTMLButtonElement>(null);
  /** The heading, and the control that loads a file: where focus goes when a question closes. */
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loadRef = useRef<HTMLInputElement & HTMLButtonElement>(null);
  const [focusAfter, setFocusAfter] = useState<'heading' | 'load' | null>(null);

  async function refresh(): Promise<PackListing[]> {
    try {
      const listed = await data.listPacks();
      setPacks(listed);
      setListError('');
      return listed;
    } catch (thrown) {
      setListError(strings.listError(messageOf(thrown)));
      return [];
    }
  }

  useEffect(() => {
    void refresh();
  }, [data]);

  // A question that appears takes focus, so a keyboard reader answers it next.
  useEffect(() => {
    if (pending.kind === 'replace' || pending.kind === 'remove') confirmRef.current?.focus();
  }, [pending]);

  // When a question's buttons go away, focus goes to what comes next instead of being lost.
  useEffect(() => {
    if (focusAfter === null) return;
    (focusAfter === 'heading' ? headingRef : loadRef).current?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  function fail(message: PackFileMessage) {
    setPending({ kind: 'none' });
    setOutcome({ kind: 'failed', message });
  }

  async function store(fileName: string, text: string, replaces: number | null) {
    let response: PackLoadResponse;
    try {
      response = await data.loadPackFile(fileName, text, replaces);
    } catch (thrown) {
      fail({ summary: strings.failed(messageOf(thrown)), details: [] });
      return;
    }
    const listed = await refresh();
    if (response.status === 'installed' || response.status === 'replaced') onChanged?.();
    setPending({ kind: 'none' });
    setFocusAfter('load');
    if (response.status === 'refused') {
      setOutcome({ kind: 'failed', message: describePackFileProblem(response.problem) });
    } else if (response.status === 'changed') {
      setOutcome({ kind: 'failed', message: { summary: strings.changedMeanwhile, details: [] } });
    } else {
      const { articleKey, title, packVersion } = response;
      const count = listed.find((pack) => pack.articleKey === articleKey)?.claimCount ?? 0;
      setOutcome({
        kind: 'done',
        message:
          response.status === 'replaced'
            ? strings.replaced(title, packVersion)
            : strings.loaded(title, packVersion, count),
      });
    }
  }

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) fires a change again.
    input.value = '';
    if (file === undefined) return;
    setOutcome({ kind: 'none' });
    if (file.size > MAX_PACK_FILE_BYTES) {
      const tooLarge = describePackFileProblem({ kind: 'too-large', bytes: file.size });
      fail(tooLarge);
      return;
    }
    setPending({ kind: 'reading' });
    let text: string;
    try {
      text = await file.text();
    } catch {
      fail({ summary: strings.unreadable, details: [] });
      return;
    }
    try {
      const checked = await data.checkPackFile(text);
      if (!checked.ok) {
        fail(describePackFileProblem(checked.problem));
        return;
      }
      if (checked.status === 'newer' && checked.installedVersion !== null) {
        const installed = packs?.find((pack) => pack.articleKey === checked.pack.article.id);
        setPending({
          kind: 'replace',
          fileName: file.name,
          text,
          replaces: checked.installedVersion,
          question: strings.replaceQuestion(
            checked.pack.article.title,
            checked.pack.packVersion,
            checked.pack.publisher ?? strings.publisherUnknown,
            checked.installedVersion,
            installed ? originWords(installed) : strings.originFileShort,
          ),
        });
        return;
      }
      await store(file.name, text, null);
    } catch (thrown) {
      fail({ summary: strings.failed(messageOf(thrown)), details: [] });
    }
  }

  async function act(pack: PackListing, action: 'remove' | 'off' | 'on') {
    setPending({ kind: 'none' });
    setOutcome({ kind: 'none' });
    try {
      let message: string;
      if (action === 'remove') {
        const { restoredBundledVersion } = await data.removePack(pack.articleKey);
        message =
          restoredBundledVersion === null
            ? strings.removed(pack.title)
            : strings.removedBundledBack(pack.title, restoredBundledVersion);
      } else {
        await data.turnPackOff(pack.articleKey, action === 'off');
        message =
          action === 'off' ? strings.turnedOffDone(pack.title) : strings.turnedOnDone(pack.title);
      }
      await refresh();
      onChanged?.();
      setOutcome({ kind: 'done', message });
      if (action === 'remove') setFocusAfter('heading');
    } catch (thrown) {
      fail({ summary: messageOf(thrown), details: [] });
    }
  }

  async function download(pack: PackListing, format: PackExportFormat) {
    setOutcome({ kind: 'none' });
    try {
      await data.exportPack(pack.articleKey, format);
    } catch (thrown) {
      fail({ summary: strings.downloadFailed(messageOf(thrown)), details: [] });
    }
  }

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="cp-section cp-packs" aria-labelledby={headingId} id={id}>
      <style>{PACK_FILES_CSS}</style>
      <Heading id={headingId} ref={headingRef} tabIndex={-1}>
        {strings.heading}
      </Heading>
      <p class="cp-packs-hint">{strings.intro}</p>
      {packs === null ? (
        listError === '' ? (
          <p class="cp-muted">{strings.loading}</p>
        ) : null
      ) : packs.length === 0 ? (
        <p class="cp-muted">{strings.none}</p>
      ) : (
        <ul class="cp-packs-list">
          {packs.map((pack) => (
            <PackRow
              key={pack.articleKey}
              pack={pack}
              confirming={pending.kind === 'remove' && pending.pack.articleKey === pack.articleKey}
              confirmRef={confirmRef}
              downloads={downloads}
              onAskRemove={() => {
                setOutcome({ kind: 'none' });
                setPending({ kind: 'remove', pack });
              }}
              onCancel={() => {
                setPending({ kind: 'none' });
                setOutcome({ kind: 'done', message: strings.cancelled });
              }}
              onRemove={() => void act(pack, 'remove')}
              onTurn={(off) => void act(pack, off ? 'off' : 'on')}
              onDownload={(format) => void download(pack, format)}
            />
          ))}
        </ul>
      )}
      {pending.kind === 'replace' ? (
        <fieldset class="cp-packs-confirm">
          <legend>{pending.question}</legend>
          <div class="cp-packs-confirm-actions">
            <button
              type="button"
              class="cp-button cp-button-primary"
              ref={confirmRef}
              onClick={() => void store(pending.fileName, pending.text, pending.replaces)}
            >
              {strings.replaceConfirm}
            </button>
            <button
              type="button"
              class="cp-button"
              onClick={() => {
                setPending({ kind: 'none' });
                setOutcome({ kind: 'done', message: strings.cancelled });
                setFocusAfter('load');
              }}
            >
              {strings.cancel}
            </button>
          </div>
        </fieldset>
      ) : data.openPageToChooseFile ? (
        <>
          <button
            type="button"
            class="cp-button cp-packs-file"
            ref={loadRef}
            onClick={() => void data.openPageToChooseFile?.()}
          >
            {strings.load}
          </button>
          <p class="cp-packs-hint">{strings.loadElsewhere}</p>
        </>
      ) : (
        <span class="cp-button cp-packs-file">
          <label for={inputId}>{pending.kind === 'reading' ? strings.reading : strings.load}</label>
          <input
            id={inputId}
            ref={loadRef}
            type="file"
            aria-label={strings.load}
            accept=".json,application/json"
            disabled={pending.kind === 'reading'}
            onChange={(event) => void choose(event.currentTarget)}
          />
        </span>
      )}
      <p class="cp-packs-hint">{strings.loadHint(formatBytes(MAX_PACK_FILE_BYTES))}</p>
      <div aria-live="polite">
        <p role="status" class="cp-packs-status">
          {outcome.kind === 'done' ? outcome.message : ''}
        </p>
      </div>
      <div role="alert" class="cp-packs-error">
        {listError !== '' ? <p>{listError}</p> : null}
        {outcome.kind === 'failed' ? (
          <>
            <p>{outcome.message.summary}</p>
            {outcome.message.details.length > 0 ? (
              <ul>
                {outcome.message.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

/** Props of one row of the list. */
interface PackRowProps {
  pack: PackListing;
  confirming: boolean;
  confirmRef: { current: HTMLButtonElement | null };
  downloads: boolean;
  onAskRemove(): void;
  onCancel(): void;
  onRemove(): void;
  onTurn(off: boolean): void;
  onDownload(format: PackExportFormat): void;
}

/** One installed pack: what it is, where it came from, and what can be done with it. */
function PackRow(props: PackRowProps) {
  const { pack, confirming } = props;
  const titleId = useUniqueId('cp-pack-title');
  const removeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // "Keep it" (or a failed removal) gives focus back to the Remove button it came from.
  useEffect(() => {
    if (wasConfirming.current && !confirming) removeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const facts = [
    strings.by(pack.publisher ?? strings.publisherUnknown),
    strings.reviewed(formatPartialDate(pack.lastReviewed)),
    strings.claims(pack.claimCount),
    strings.edition(pack.packVersion),
  ];
  return (
    <li class="cp-pack" data-off={String(pack.turnedOff)} aria-labelledby={titleId}>
      <p class="cp-pack-title" id={titleId}>
        {pack.title}
      </p>
      <p class="cp-pack-meta">
        {/* Each fact keeps together with the separator after it; lines break between facts. */}
        {facts.map((fact, index) => (
          <Fragment key={fact}>
            {index === 0 ? null : ' '}
            <span class="cp-pack-fact">{index < facts.length - 1 ? `${fact} ·` : fact}</span>
          </Fragment>
        ))}
      </p>
      <p class="cp-pack-origin">
        {pack.origin.kind === 'bundled' ? strings.bundled : strings.fromFile(pack.origin.fileName)}
      </p>
      {pack.turnedOff ? <p class="cp-pack-off">{strings.turnedOff}</p> : null}
      {confirming ? (
        <fieldset class="cp-packs-confirm">
          <legend>{strings.removeQuestion(pack.title)}</legend>
          <div class="cp-packs-confirm-actions">
            <button
              type="button"
              class="cp-button cp-button-danger"
              ref={props.confirmRef}
              onClick={props.onRemove}
            >
              {strings.removeConfirm}
            </button>
            <button type="button" class="cp-button" onClick={props.onCancel}>
              {strings.keep}
            </button>
          </div>
        </fieldset>
      ) : null}
      <div class="cp-pack-actions">
        {pack.origin.kind === 'bundled' ? (
          <button type="button" class="cp-button" onClick={() => props.onTurn(!pack.turnedOff)}>
            {pack.turnedOff ? strings.turnOn : strings.turnOff}
          </button>
        ) : (
          <button
            type="button"
            class="cp-button cp-button-danger"
            ref={removeRef}
            disabled={confirming}
            onClick={props.onAskRemove}
          >
            {strings.remove}
          </button>
        )}
      </div>
      {props.downloads ? (
        <div class="cp-pack-actions">
          <button type="button" class="cp-button" onClick={() => props.onDownload('claim-review')}>
            {strings.downloadClaimReview}
          </button>
          <button
            type="button"
            class="cp-button"
            onClick={() => props.onDownload('assessing-annotations')}
          >
            {strings.downloadAnnotations}
          </button>
        </div>
      ) : null}
    </li>
  );
}
