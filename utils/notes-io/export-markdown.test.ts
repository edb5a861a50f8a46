import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextQuoteSelector } from '../anchoring/types';
import { exportMarkdown, textFragmentUrl } from './export-markdown';
import { makeNote } from './test-notes';

const generatedAt = '2024-06-01T09:00:00.000Z';
const page = 'https://news.example/world/harbour-vote/1234567';

function quote(exact: string, context: Partial<TextQuoteSelector> = {}): TextQuoteSelector {
  return { type: 'TextQuoteSelector', exact, ...context };
}

describe('textFragmentUrl', () => {
  it('percent-encodes the characters the directive syntax uses', () => {
    expect(textFragmentUrl(page, quote('a-b, c&d'))).toBe(`${page}#:~:text=a%2Db%2C%20c%26d`);
    expect(textFragmentUrl(page, quote("it's (really) done!*"))).toBe(
      `${page}#:~:text=it%27s%20%28really%29%20done%21%2A`,
    );
  });

  it('adds whole words of context as prefix and suffix', () => {
    const selector = quote('jobs', { prefix: 'will create 4,000 ', suffix: ' by 2030' });
    // "will" and "2030" may be cut-off words at the edge of the stored context, so they go.
    expect(textFragmentUrl(page, selector)).toBe(`${page}#:~:text=create%204%2C000-,jobs,-by`);
    const whole = quote('jobs', { prefix: ' create ', suffix: ' by ' });
    expect(textFragmentUrl(page, whole)).toBe(`${page}#:~:text=create-,jobs,-by`);
  });

  it('widens a quote that starts or ends mid-word to whole words', () => {
    const selector = quote('pansion will crea', { prefix: 'said the ex', suffix: 'te jobs by' });
    expect(textFragmentUrl(page, selector)).toBe(
      `${page}#:~:text=the-,expansion%20will%20create,-jobs`,
    );
  });

  it('links long quotes by their first and last words', () => {
    const long = 'one two three four five six seven eight nine ten eleven';
    expect(textFragmentUrl(page, quote(long))).toBe(
      `${page}#:~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven`,
    );
    const ten = 'one two three four five six seven eight nine ten';
    expect(textFragmentUrl(page, quote(ten))).toBe(
      `${page}#:~:text=one%20two%20three%20four%20five%20six%20seven%20eight%20nine%20ten`,
    );
  });

  it('collapses whitespace, and stays ASCII for any text', () => {
    expect(textFragmentUrl(page, quote('  Zürich\n\t東京  '))).toBe(
      `${page}#:~:text=Z%C3%BCrich%20%E6%9D%B1%E4%BA%AC`,
    );
    expect(textFragmentUrl('https://bücher.example/ä#top', quote('x'))).toBe(
      'https://xn--bcher-kva.example/%C3%A4#:~:text=x',
    );
    expect(textFragmentUrl(page, quote('broken \uD800 pair'))).toBe(
      `${page}#:~:text=broken%20%EF%BF%BD%20pair`,
    );
  });

  it('gives the bare address for an empty quote', () => {
    expect(textFragmentUrl(`${page}#comments`, quote(' \n '))).toBe(page);
  });

  it('encodes any short quote so that decoding gives it back', () => {
    const word = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 8 })
      .filter((w) => !/\s/.test(w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), (words) => {
        const exact = words.join(' ');
        const url = textFragmentUrl(page, quote(exact));
        expect(url).toMatch(/^[\x21-\x7e]+$/);
        const term = url.slice(`${page}#:~:text=`.length);
        expect(term).not.toMatch(/[-,&]/);
        expect(decodeURIComponent(term)).toBe(exact);
      }),
      { numRuns: 300 },
    );
  });
});

describe('exportMarkdown', () => {
  const harbourOld = makeNote({ created: '2024-05-01T10:00:00.000Z', body: 'Oldest harbour note' });
  const harbourNew = makeNote({
    created: '2024-05-04T10:00:00.000Z',
    modified: '2024-05-05T08:30:00.000Z',
    body: 'Newest harbour note',
  });
  const budget = makeNote({
    articleKey: '/politics/budget/7654321',
    url: 'https://news.example/politics/budget/7654321',
    articleTitle: 'Budget passes narrowly',
    created: '2024-05-02T10:00:00.000Z',
    body: 'Budget note',
    tags: [],
  });

  const markdown = exportMarkdown([harbourOld, budget, harbourNew], { generatedAt });

  it('groups notes under their article, newest article and newest note first', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Counterpoint notes',
      '## Council approves harbour expansion',
      '## Budget passes narrowly',
    ]);
    const order = ['Newest harbour note', 'Oldest harbour note', 'Budget passes', 'Budget note'];
    const positions = order.map((text) => markdown.indexOf(text));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown).toContain('Exported 2024-06-01 09:00 UTC: 3 notes on 2 articles.');
  });

  it('links each article and each passage', () => {
    // The address shown is escaped so that no renderer links it a second time.
    expect(markdown).toContain(
      '[https\\://news\\.example/world/harbour-vote/1234567](https://news.example/world/harbour-vote/1234567)',
    );
    expect(markdown).toContain(
      `> [Open the passage](${page}#:~:text=mayor%20said-,the%20expansion%20will%20create%204%2C000%20jobs,-by)`,
    );
    expect(markdown).toContain('> the expansion will create 4,000 jobs\n');
  });

  it('shows tags and dates', () => {
    expect(markdown).toContain('Tags: jobs, port');
    expect(markdown).toContain('Written 2024-05-04 10:00 UTC, edited 2024-05-05 08:30 UTC.');
    expect(markdown).toContain('Written 2024-05-01 10:00 UTC.');
  });

  it('leaves out soft-deleted notes', () => {
    const deleted = makeNote({ body: 'Deleted note', deletedAt: '2024-05-06T00:00:00.000Z' });
    const output = exportMarkdown([deleted, budget], { generatedAt });
    expect(output).not.toContain('Deleted note');
    expect(output).not.toContain('harbour');
    expect(exportMarkdown([deleted], { generatedAt })).toBe(
      '# Counterpoint notes\n\nExported 2024-06-01 09:00 UTC. No notes.\n',
    );
  });

  it('keeps hostile text from creating headings, links, HTML, lists or code', () => {
    const hostile = makeNote({
      articleTitle: 'Title\n# Injected heading ##',
      body: [
        'Start',
        '# Not a heading',
        '[click](javascript:alert(1))',
        '![img](https://tracker.example/p.gif)',
        '<script>alert(1)</script>',
        '<https://evil.example>',
        '&lt;b&gt;',
        '1. not a list',
        '- not a list',
        '    not code',
        '```',
        '> not a quote',
        '---',
        '[ref]: javascript:alert(2)',
      ].join('\n'),
      tags: ['](javascript:x)', '<b>'],
      target: { selectors: [quote('quoted\n## also not a heading')] },
    });
    const output = exportMarkdown([hostile], { generatedAt });
    const lines = output.split('\n');
    expect(lines.filter((line) => line.startsWith('#'))).toEqual([
      '# Counterpoint notes',
      '## Title \\# Injected heading \\#\\#',
    ]);
    // The only links are the two the exporter writes.
    expect(output.match(/(?<!\\)\]\(/g)).toHaveLength(2);
    expect(output).not.toMatch(/(?<!\\)\]\(javascript/i);
    expect(output).not.toMatch(/(?<!\\)</);
    expect(output).not.toMatch(/(?<!\\)&/);
    expect(output).not.toMatch(/(?<!\\)`/);
    expect(lines.filter((line) => /^( {4}|\t)/.test(line))).toEqual([]);
    const blockStarts = lines.filter(
      (line) =>
        /^(\d+[.)]|[-+*]|>|=+$|-+$)/.test(line) &&
        line !== '* * *' &&
        !line.startsWith('> ') &&
        line !== '>',
    );
    expect(blockStarts).toEqual([]);
    expect(lines).toContain('> quoted\\');
    // Escaping the first '#' is enough: a line starting with a backslash is no heading.
    expect(lines).toContain('> \\## also not a heading');
    expect(output).toContain('\\[click\\](javascript:alert(1))');
    expect(output).toContain('1\\. not a list');
    expect(output).toContain('Tags: \\](javascript:x), \\<b\\>');
  });

  it('does not link pages that are not http or https', () => {
    const note = makeNote({ url: 'javascript:alert(1)', articleTitle: 'Odd page' });
    const output = exportMarkdown([note], { generatedAt });
    expect(output).not.toMatch(/\]\(/);
    expect(output).toContain('javascript:alert(1)');
  });

  it('percent-encodes characters that could end a link early', () => {
    const note = makeNote({ url: 'https://news.example/a_(b)', articleTitle: 'Parens' });
    const output = exportMarkdown([note], { generatedAt });
    expect(output).toContain('[https\\://news\\.example/a\\_(b)](https://news.example/a_%28b%29)');
  });
});
