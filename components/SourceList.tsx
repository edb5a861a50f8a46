/**
 * A numbered list of sources, each as "“Headline” — Publisher, 8 June 2021" (a description where
 * no headline is known is shown without quotation marks). Only http(s) URLs become links; any
 * other URL leaves the title as plain text, so a bad pack cannot plant a script link.
 *
 * Counterpoints do not repeat sources; they cite them by number with {@link SourceReferences}.
 */
import { t } from '../utils/i18n';
import type { Source } from '../utils/packs/types';
import { formatPartialDate } from './dates';
import { EXTERNAL_LINK_ATTRIBUTES, safeHttpUrl } from './links';

/** Props of {@link SourceList}. */
export interface SourceListProps {
  sources: readonly Source[];
  /** Names the list for screen readers when there is no heading right before it. */
  label?: string;
  /** The language the sources' titles and publishers are written in. */
  lang?: string;
}

/** A source's title as shown: a headline in quotation marks, a description as it is. */
export function displayedTitle(source: Source): string {
  return source.titleKind === 'headline' ? `“${source.title}”` : source.title;
}

/** The title of a source, linked if and only if its URL is http(s). */
export function SourceTitle({ source }: { source: Source }) {
  const href = safeHttpUrl(source.url);
  const title = displayedTitle(source);
  if (href === null) return <span class="cp-source-title">{title}</span>;
  return (
    <a class="cp-source-title" href={href} {...EXTERNAL_LINK_ATTRIBUTES}>
      {title}
    </a>
  );
}

/** Renders nothing for an empty list. Items are numbered so counterpoints can cite them. */
export function SourceList({ sources, label, lang }: SourceListProps) {
  if (sources.length === 0) return null;
  return (
    <ol class="cp-sources" aria-label={label}>
      {sources.map((source, index) => (
        <li key={`${index}:${source.url}`}>
          <span class="cp-source-number" aria-hidden="true">
            {index + 1}.{' '}
          </span>
          <span lang={lang}>
            <SourceTitle source={source} />
          </span>
          <span class="cp-source-meta">
            {' — '}
            <span lang={lang}>{source.publisher}</span>
            {source.date === '' ? null : (
              <>
                {', '}
                <time dateTime={source.date}>{formatPartialDate(source.date)}</time>
              </>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Props of {@link SourceReferences}. */
export interface SourceReferencesProps {
  /** Ids of the sources cited. */
  ids: readonly string[];
  /** The claim's sources, in the order the numbered list shows them. */
  sources: readonly Source[];
}

/**
 * "Sources: 2 (Reuters), 4 (NBC News)": which numbered sources a counterpoint rests on, as text,
 * so every source is a link exactly once in the popover. Unknown ids are left out.
 */
export function SourceReferences({ ids, sources }: SourceReferencesProps) {
  const cited = ids.flatMap((id) => {
    const index = sources.findIndex((source) => source.id === id);
    const source = sources[index];
    return source === undefined ? [] : [{ number: index + 1, publisher: source.publisher }];
  });
  if (cited.length === 0) return null;
  return (
    <p class="cp-source-refs">
      {cited.length === 1 ? t('source_refs_single') : t('source_refs_several')}{' '}
      {cited.map((entry, position) => (
        <span key={entry.number}>
          {position === 0 ? '' : '; '}
          <span class="cp-source-ref-number">{entry.number}</span> ({entry.publisher})
        </span>
      ))}
    </p>
  );
}
