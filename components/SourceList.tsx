/**
 * A list of sources, each as "Title — Publisher, 8 June 2021". Only http(s) URLs become links;
 * any other URL leaves the title as plain text, so a bad pack cannot plant a script link.
 */
import type { Source } from '../utils/packs/types';
import { formatPartialDate } from './dates';
import { EXTERNAL_LINK_ATTRIBUTES, safeHttpUrl } from './links';

/** Props of {@link SourceList}. */
export interface SourceListProps {
  sources: readonly Source[];
  /** Names the list for screen readers when there is no heading right before it. */
  label?: string;
}

/** The title of a source, linked if and only if its URL is http(s). */
export function SourceTitle({ source }: { source: Source }) {
  const href = safeHttpUrl(source.url);
  if (href === null) return <span class="cp-source-title">{source.title}</span>;
  return (
    <a class="cp-source-title" href={href} {...EXTERNAL_LINK_ATTRIBUTES}>
      {source.title}
    </a>
  );
}

/** Renders nothing for an empty list. */
export function SourceList({ sources, label }: SourceListProps) {
  if (sources.length === 0) return null;
  return (
    <ul class="cp-sources" aria-label={label}>
      {sources.map((source, index) => (
        <li key={`${index}:${source.url}`}>
          <SourceTitle source={source} />
          <span class="cp-source-meta">
            {' — '}
            {source.publisher}
            {source.date === '' ? null : (
              <>
                {', '}
                <time dateTime={source.date}>{formatPartialDate(source.date)}</time>
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
