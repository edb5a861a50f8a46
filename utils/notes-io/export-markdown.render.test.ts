/**
 * The Markdown export rendered as readers will see it: by `marked` (GitHub-flavoured) and by
 * `markdown-it` (CommonMark, raw HTML and bare-address linking switched on, as permissive as a
 * renderer gets). Whatever a note, a quote, a tag or a title says, the rendered page has only the
 * elements the export itself writes, every link is one the export made, and the text reads as
 * it was written.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Note } from '../store/types';
import { exportMarkdown } from './export-markdown';
import { makeNote } from './test-notes';

const generatedAt = '2024-06-01T09:00:00.000Z';
const markdownIt = new MarkdownIt({ html: true, linkify: true });

const RENDERERS: Record<string, (markdown: string) => string> = {
  marked: (markdown) => marked.parse(markdown, { async: false, gfm: true }),
  'markdown-it': (markdown) => markdownIt.render(markdown),
};

/** The only elements the export writes: headings, paragraphs, quotes, links, breaks, rules. */
const EXPECTED_ELEMENTS = new Set(['H1', 'H2', 'P', 'BLOCKQUOTE', 'A', 'BR', 'HR']);

/** What a renderer made of the export: its elements, links and text. */
function rendered(html: string): { elements: string[]; links: Element[]; text: string } {
  const container = document.createElement('div');
  container.innerHTML = html;
  const elements = [...container.querySelectorAll('*')].map((element) => element.tagName);
  const links = [...container.querySelectorAll('a')];
  return { elements, links, text: container.textContent ?? '' };
}

/** Asserts the rendering holds only the export's own structure, and the note text as text. */
function expectOnlyText(notes: readonly Note[], html: string): void {
  const { elements, links, text } = rendered(html);
  for (const element of elements) expect(EXPECTED_ELEMENTS).toContain(element);
  // Links: one to each article (its address as text), one per quote ("Open the passage").
  const quotes = notes.filter((note) =>
    note.target.selectors.some((selector) => selector.type === 'TextQuoteSelector'),
  ).length;
  const articles = new Set(notes.map((note) => note.articleKey)).size;
  expect(links).toHaveLength(articles + quotes);
  for (const link of links) {
    const href = link.getAttribute('href') ?? '';
    expect(href).toMatch(/^https?:\/\//);
    expect(link.attributes).toHaveLength(1);
    const label = link.textContent ?? '';
    expect(label === 'Open the passage' || notes.some((note) => note.url === label)).toBe(true);
  }
  // No attribute anywhere but a link's href (no onerror, no style, no src).
  const container = document.createElement('div');
  container.innerHTML = html;
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(`${element.tagName} ${attribute.name}`).toBe('A href');
    }
  }
  // The reader's words are all there, as they were written (whitespace aside: lines are
  // trimmed, and a line break renders as <br>, which has no text).
  const flat = (value: string) => value.replace(/\s+/g, '');
  for (const note of notes) expect(flat(text)).toContain(flat(note.body));
}

const HOSTILE_BODIES = [
  'https://x/"<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<!-- hidden --> after a comment',
  '<http://evil.example/autolink> and <mailto:a@b.example>',
  '&lt;b&gt; &amp; &#x3C;script&#x3E; &copy;',
  '[click](javascript:alert(1)) and [ref][1]\n\n[1]: javascript:alert(1)',
  '![img](https://tracker.example/p.gif "title") and ![alt][img]',
  'www.evil.example and https://evil.example/path and someone@evil.example',
  '<div onclick="x">block html</div>',
  '    indented code\n\n```\nfenced\n```',
  '# heading\n> quote\n- list\n1. list\n---\n***\n| a | b |\n|---|---|',
  '**bold** _em_ ~~strike~~ `code` $x$ [^1]',
  '<iframe src="https://evil.example"></iframe><svg onload=alert(1)>',
  'Line\\\nbreak \\<img src=x>',
];

describe('the Markdown export, rendered', () => {
  for (const [name, render] of Object.entries(RENDERERS)) {
    it(`stays text in ${name}, whatever the notes say`, () => {
      const notes = HOSTILE_BODIES.map((body, index) =>
        makeNote({
          body,
          tags: [`<b>tag${index}</b>`, '[x](javascript:alert(1))'],
          articleTitle:
            index === 0 ? 'Title "<img src=x onerror=alert(1)>" [a](javascript:x)' : undefined,
          target: {
            selectors: [
              { type: 'TextQuoteSelector', exact: `<img src=x onerror=alert(${index})> passage` },
            ],
          },
        }),
      );
      const markdown = exportMarkdown(notes, { generatedAt });
      expectOnlyText(notes, render(markdown));
    });
  }

  it('makes no element, attribute or link of any text, in either renderer', () => {
    // Strings built from the characters Markdown and HTML give meaning to, and words that
    // renderers turn into links or elements.
    const piece = fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '[',
      ']',
      '(',
      ')',
      '!',
      '*',
      '_',
      '`',
      '~',
      '|',
      '\\',
      '#',
      '-',
      '=',
      '+',
      '.',
      ':',
      '/',
      '@',
      ' ',
      '\n',
      '\t',
      '1',
      'a',
      'img',
      'script',
      'onerror=',
      'javascript:',
      'https://',
      'http://',
      'www.',
      'mailto:',
      '&lt;',
      '&#60;',
      '&amp;',
      '<!--',
      '-->',
      '<img src=x onerror=alert(1)>',
      'x.example',
      '    ',
      '```',
      '$',
      '^',
    );
    const hostile = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
    const note = fc.record({ body: hostile, tag: hostile, title: hostile, quote: hostile });
    fc.assert(
      fc.property(note, ({ body, tag, title, quote }) => {
        fc.pre(body.trim() !== '' && quote.trim() !== '');
        const notes = [
          makeNote({
            body,
            tags: [tag],
            articleTitle: title,
            target: { selectors: [{ type: 'TextQuoteSelector', exact: quote }] },
          }),
        ];
        const markdown = exportMarkdown(notes, { generatedAt });
        for (const render of Object.values(RENDERERS)) expectOnlyText(notes, render(markdown));
      }),
      {
        numRuns: 300,
        // Found by this property: a line ":-" under another line rendered as a one-column table.
        examples: [[{ body: '<\n:-', tag: '', title: '', quote: '<' }]],
      },
    );
    // Rendering 300 exports twice is slow when test files run in parallel.
  }, 30_000);
});
