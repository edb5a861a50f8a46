import { describe, expect, it } from 'vitest';
import { anchor, describe as describeRange } from './index';
import { mountArticle, rangeOfText, textOf } from './test-fixtures';
import { buildTextModel } from './text-model';

const PAGE =
  '<p>Since the beginning of the American electoral process, the Mexican government has bet on ' +
  "Joe <em>Biden's</em> project.</p><p>However, the US president's delay has led to instability.</p>";

describe('describe', () => {
  it('gives the exact text, 32 characters of context each side and the position', () => {
    const root = mountArticle(PAGE);
    const result = describeRange(root, rangeOfText(root, 'Mexican government'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [quote, position] = result.selectors;
    expect(quote.exact).toBe('Mexican government');
    expect(quote.prefix).toBe('the American electoral process, the '.slice(-32));
    expect(quote.suffix).toBe(" has bet on Joe Biden's project.".slice(0, 32));
    const model = buildTextModel(root);
    expect(model.text.slice(position.start, position.end)).toBe('Mexican government');
  });

  it('writes a paragraph boundary as a line break', () => {
    const root = mountArticle(PAGE);
    const result = describeRange(root, rangeOfText(root, 'project.However'));
    expect(result.ok && result.selectors[0].exact).toBe('project.\nHowever');
  });

  it('leaves out whitespace at either end of the range', () => {
    const root = mountArticle(PAGE);
    const result = describeRange(root, rangeOfText(root, ' electoral process, '));
    expect(result.ok && result.selectors[0].exact).toBe('electoral process,');
  });

  it('accepts boundary points in elements rather than text nodes', () => {
    const root = mountArticle(PAGE);
    const range = document.createRange();
    const em = root.querySelector('em');
    if (!em) throw new Error('fixture changed');
    range.selectNodeContents(em);
    expect(describeRange(root, range)).toMatchObject({
      ok: true,
      selectors: [{ exact: "Biden's" }, {}],
    });
    range.selectNode(em);
    expect(describeRange(root, range)).toMatchObject({ selectors: [{ exact: "Biden's" }, {}] });
    const second = root.querySelectorAll('p')[1];
    if (!second) throw new Error('fixture changed');
    range.setStart(root, 0);
    range.setEnd(second, 0);
    const whole = describeRange(root, range);
    expect(whole.ok && whole.selectors[0].exact.endsWith("Biden's project.")).toBe(true);
  });

  it('grows the context until the quote and its context are unique', () => {
    const repeated = 'The same sentence appears again and again in this page. ';
    const root = mountArticle(`<p>Start.</p><p>${repeated.repeat(6)}</p>`);
    const result = describeRange(root, rangeOfText(root, 'appears again', 4));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const prefix = result.selectors[0].prefix ?? '';
    expect(prefix.length).toBeGreaterThan(32);
    const anchored = anchor(root, [result.selectors[0]]);
    const expected = rangeOfText(root, 'appears again', 4);
    expect(anchored.status === 'anchored' && anchored.range.startOffset).toBe(expected.startOffset);
  });

  it('widens a range that splits a letter from its combining mark', () => {
    const root = mountArticle('<p>Lo\u0301pez Obrador</p>');
    const described = describeRange(root, rangeOfText(root, 'Lo'));
    expect(described.ok && described.selectors[0].exact).toBe('Lo\u0301');
    if (!described.ok) return;
    expect(anchor(root, described.selectors).status).toBe('anchored');
  });

  it('round-trips a range through describe and anchor', () => {
    const root = mountArticle(PAGE);
    const original = rangeOfText(root, "bet on Joe Biden's project.However, the US");
    const described = describeRange(root, original);
    if (!described.ok) throw new Error(described.reason);
    const anchored = anchor(root, described.selectors);
    expect(anchored.status === 'anchored' && textOf(anchored.range)).toBe(textOf(original));
  });
});

describe('describe: ranges it cannot describe', () => {
  it('reports a collapsed range as empty', () => {
    const root = mountArticle(PAGE);
    const range = document.createRange();
    range.setStart(root, 0);
    expect(describeRange(root, range)).toEqual({ ok: false, reason: 'empty-range' });
  });

  it('reports a whitespace-only range as empty', () => {
    const root = mountArticle('<p>one</p>\n   \n<p>two</p>');
    const range = rangeOfText(root, '\n   \n');
    expect(describeRange(root, range)).toEqual({ ok: false, reason: 'empty-range' });
  });

  it('reports a range outside the root', () => {
    const root = mountArticle(PAGE);
    const outside = document.createElement('aside');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    expect(describeRange(root, range)).toEqual({ ok: false, reason: 'outside-root' });
  });

  it('reports a range that starts or ends in our own UI or hidden text', () => {
    const root = mountArticle(
      '<p>before <span data-ui>our button</span> after</p><p style="display:none">hid</p><p>end</p>',
    );
    const ignore = (node: Node): boolean => node instanceof Element && node.hasAttribute('data-ui');
    const fromUi = rangeOfText(root, 'button after');
    expect(describeRange(root, fromUi, { ignore })).toEqual({
      ok: false,
      reason: 'in-ignored-node',
    });
    const intoHidden = rangeOfText(root, 'afterhi');
    expect(describeRange(root, intoHidden, { ignore })).toEqual({
      ok: false,
      reason: 'in-ignored-node',
    });
    // The same range without the UI marked as ignored is fine up to the hidden paragraph.
    expect(describeRange(root, fromUi).ok).toBe(true);
  });

  it('reports a detached root and things that are not ranges', () => {
    const detached = document.createElement('article');
    detached.innerHTML = PAGE;
    const range = document.createRange();
    range.selectNodeContents(detached);
    expect(describeRange(detached, range)).toEqual({ ok: false, reason: 'detached-root' });
    const root = mountArticle(PAGE);
    expect(describeRange(root, {} as Range)).toEqual({ ok: false, reason: 'invalid-range' });
    expect(describeRange(root, null as unknown as Range)).toEqual({
      ok: false,
      reason: 'invalid-range',
    });
  });
});
