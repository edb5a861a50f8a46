import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

function renderBody(source: string): Element {
  return render(<div>{renderMarkdown(source)}</div>).container;
}

afterEach(cleanup);

describe('renderMarkdown', () => {
  it('splits paragraphs on blank lines and keeps single newlines as line breaks', () => {
    const container = renderBody('First line\nsecond line\n\n\nNext paragraph');
    const paragraphs = container.querySelectorAll('p');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]?.querySelectorAll('br')).toHaveLength(1);
    expect(paragraphs[0]?.textContent).toBe('First linesecond line');
    expect(paragraphs[1]?.textContent).toBe('Next paragraph');
  });

  it('renders bold, italic and code', () => {
    const container = renderBody('A **bold _and italic_** word, *emphasis* and `x < y`.');
    expect(container.querySelector('strong')?.textContent).toBe('bold and italic');
    expect(container.querySelector('strong em')?.textContent).toBe('and italic');
    expect(container.querySelectorAll('em')).toHaveLength(2);
    expect(container.querySelector('code')?.textContent).toBe('x < y');
  });

  it('leaves arithmetic, snake_case and markers inside code alone', () => {
    const container = renderBody('2 * 3 * 4 and my_var_name and `**not bold**`');
    expect(container.querySelector('em')).toBeNull();
    expect(container.querySelector('strong')).toBeNull();
    expect(container.textContent).toBe('2 * 3 * 4 and my_var_name and **not bold**');
  });

  it('links http and https targets in a new tab that cannot reach back', () => {
    const container = renderBody(
      '[the report](https://example.org/report) and http://example.com/a.',
    );
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/report',
      'http://example.com/a',
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(container.textContent).toBe('the report and http://example.com/a.');
  });

  it('shows an image tag with an onerror handler as text, creating no element', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const container = renderBody(hostile);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelectorAll('p *')).toHaveLength(0);
    expect(container.textContent).toBe(hostile);
  });

  it('shows a script tag as text', () => {
    const hostile = '<script>alert(1)</script>';
    const container = renderBody(hostile);
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toBe(hostile);
  });

  it('refuses javascript:, data: and relative link targets, showing what was typed', () => {
    const hostile =
      '[x](javascript:alert(1)) [y](data:text/html,hi) [z](/relative) [w](JAVASCRIPT:alert(1))';
    const container = renderBody(hostile);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe(hostile);
  });

  it('does not let markup inside a safe link label become elements', () => {
    const container = renderBody('[<b onclick=alert(1)>hi</b>](https://example.org)');
    const anchor = container.querySelector('a');
    expect(anchor?.textContent).toBe('<b onclick=alert(1)>hi</b>');
    expect(container.querySelector('b')).toBeNull();
  });

  it('renders nothing for an empty or blank body', () => {
    expect(renderMarkdown('')).toEqual([]);
    expect(renderMarkdown(' \n\n \n')).toEqual([]);
  });
});
