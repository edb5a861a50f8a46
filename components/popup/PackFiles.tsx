/**
 * "Context packs": the installed packs (title, publisher, review date, number of claims, bundled
 * or from a file), loading a pack from a file, removing one (confirmed), turning a bundled one
 * off, and downloading a pack's verdicts as ClaimReview or its claims as Web Annotations. Shown
 * in the popup and on the method page. A chosen file is checked before anything is stored; a
 * newer edition of an installed pack replaces it only after the reader agrees; a pack never
 * changes a note. This keeps the section's state and talks to the data; its parts draw: the
 * rows (`PackRow`), the loader and its question (`PackLoader`), the words (`pack-files-strings`).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PackLoadResponse } from '../../utils/messaging/protocol';
import type { PackExportFormat } from '../../utils/packs/export';
import {
  describePackFileProblem,
  MAX_PACK_FILE_BYTES,
  type PackFileMessage,
} from '../../utils/packs/pack-file';
import type { PackFilesData, PackListing } from '../../utils/popup/pack-files';
import { useUniqueId } from '../unique-id';
import { PackLoader } from './PackLoader';
import { PackRow } from './PackRow';
import { PACK_FILES_CSS, strings } from './pack-files-strings';

export { strings } from './pack-files-strings';

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
      <PackLoader
        replaceQuestion={pending.kind === 'replace' ? pending.question : null}
        reading={pending.kind === 'reading'}
        inputId={inputId}
        loadRef={loadRef}
        confirmRef={confirmRef}
        onOpenPage={
          data.openPageToChooseFile ? () => void data.openPageToChooseFile?.() : undefined
        }
        onChoose={(input) => void choose(input)}
        onConfirmReplace={() => {
          if (pending.kind === 'replace')
            void store(pending.fileName, pending.text, pending.replaces);
        }}
        onCancelReplace={() => {
          setPending({ kind: 'none' });
          setOutcome({ kind: 'done', message: strings.cancelled });
          setFocusAfter('load');
        }}
      />
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
