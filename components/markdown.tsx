/**
 * A deliberately small Markdown renderer for note bodies: paragraphs, line breaks, **bold**,
 * *italic* / _italic_, `code`, [links](https://…) and bare http(s) addresses.
 *
 * It builds Preact VNodes from text and never produces HTML strings, so whatever a note contains
 * (`<script>`, `<img onerror>`) reaches the page only as text nodes. Links pass through
 * `safeHttpUrl`; a link to anything else is shown as the literal text the reader typed.
 */
import type { ComponentChildren, VNode } from 'preact';
import { EXTERNAL_LINK_ATTRIBUTES, safeHttpUrl } from './links';

/**
 * One alternative per inline form; the earliest match in a line wins, and at the same position
 * the first alternative does, so `code` shields its contents from the other forms.
 * Emphasis must hug its text ("2 * 3 * 4" stays as it is), and underscores inside words
 * (snake_case) are left alone.
 */
const INLINE_PATTERN = new RegExp(
  [
    '`([^`\\n]+)`', // 1: code
    '\\[([^\\]\\n]+)\\]\\(([^)\\s]+)\\)', // 2: link text, 3: link target
    '\\*\\*(?=\\S)(.*?\\S)\\*\\*', // 4: bold
    '\\*(?=\\S)([^*\\n]*?\\S)\\*', // 5: italic with asterisks
    '(?<![\\w])_(?=\\S)([^_\\n]*?\\S)_(?![\\w])', // 6: italic with underscores
    '(https?:\\/\\/[^\\s<>]+)', // 7: bare address
  ].join('|'),
  'g',
);

/** Punctuation that ends a sentence rather than a bare address ("see https://x.org."). */
const TRAILING_PUNCTUATION = /[.,;:!?'")\]]+$/;

function link(href: string, label: ComponentChildren, key: number): VNode {
  return (
    <a key={key} href={href} {...EXTERNAL_LINK_ATTRIBUTES}>
      {label}
    </a>
  );
}

function renderInline(line: string): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  let consumed = 0;
  // A fresh RegExp per call: the pattern is global and this function recurses.
  const pattern = new RegExp(INLINE_PATTERN.source, 'g');
  for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
    const [whole, code, linkText, linkTarget, bold, starItalic, underscoreItalic, bareUrl] = match;
    if (match.index > consumed) parts.push(line.slice(consumed, match.index));
    consumed = match.index + whole.length;
    const key = parts.length;
    if (code !== undefined) {
      parts.push(<code key={key}>{code}</code>);
    } else if (linkText !== undefined && linkTarget !== undefined) {
      const href = safeHttpUrl(linkTarget);
      parts.push(href === null ? whole : link(href, linkText, key));
    } else if (bold !== undefined) {
      parts.push(<strong key={key}>{renderInline(bold)}</strong>);
    } else if (starItalic !== undefined || underscoreItalic !== undefined) {
      parts.push(<em key={key}>{renderInline(starItalic ?? underscoreItalic ?? '')}</em>);
    } else if (bareUrl !== undefined) {
      const trailing = TRAILING_PUNCTUATION.exec(bareUrl)?.[0] ?? '';
      const address = bareUrl.slice(0, bareUrl.length - trailing.length);
      const href = safeHttpUrl(address);
      parts.push(href === null ? address : link(href, address, key));
      if (trailing !== '') parts.push(trailing);
    }
  }
  if (consumed < line.length) parts.push(line.slice(consumed));
  return parts;
}

/** Renders a note body as paragraphs (split on blank lines) with line breaks and inline formatting. */
export function renderMarkdown(source: string): VNode[] {
  const paragraphs = source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '');
  return paragraphs.map((paragraph, paragraphIndex) => (
    <p key={paragraphIndex}>
      {paragraph
        .split('\n')
        .map((line, lineIndex) => [
          lineIndex > 0 ? <br key={`br${lineIndex}`} /> : null,
          renderInline(line),
        ])}
    </p>
  ));
}
