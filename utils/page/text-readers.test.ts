/**
 * The readers of a page's text share one walk and one set of rules: anchoring's visible text and
 * the fingerprint's article text break lines at the same places, skip the same elements, and
 * neither runs out of stack on very deep markup.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTextModel } from '../anchoring/text-model';
import { walkText } from '../anchoring/text-walk';
import { articleText } from './fingerprint';

/** Lines with whitespace collapsed, empty ones left out: what both readers should agree on. */
function lines(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** Random markup: blocks, inline elements, line breaks, hidden and never-read elements, words. */
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('harbour', 'council ', ' vote', 'a b', '  ', '<br>'),
    tie('nodes').chain((inner) =>
      fc.constantFrom(
        `<p>${inner}</p>`,
        `<div>${inner}</div>`,
        `<li>${inner}</li>`,
        `<span>${inner}</span>`,
        `<em>${inner}</em>`,
        `<div hidden>${inner}</div>`,
        `<span hidden>${inner}</span>`,
        `<script>${inner.replace(/</g, '')}</script>`,
      ),
    ),
  ),
  nodes: fc.array(tie('node'), { maxLength: 4 }).map((parts) => parts.join('')),
})).nodes;

describe('the readers of the text', () => {
  it('break lines at the same blocks and skip the same elements', () => {
    fc.assert(
      fc.property(markup, (html) => {
        document.body.innerHTML = '';
        const root = document.createElement('article');
        root.innerHTML = html;
        document.body.append(root);
        expect(lines(articleText(root), '\n\n')).toEqual(lines(buildTextModel(root).text, '\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('read markup nested 20,000 deep without running out of stack', () => {
    // A parsed document without a window, as DOMParser gives in browsers (happy-dom gives it one
    // and computes styles through every ancestor, which takes minutes at this depth), built one
    // level at a time (happy-dom connects a detached subtree recursively).
    const inert = new DOMParser().parseFromString('<article></article>', 'text/html');
    Object.defineProperty(inert, 'defaultView', { value: null });
    const root = inert.querySelector('article') as HTMLElement;
    root.innerHTML = '<p>Before the deep part.</p>';
    let parent: Element = root.appendChild(inert.createElement('div'));
    for (let depth = 0; depth < 20_000; depth += 1) {
      parent = parent.appendChild(inert.createElement(depth % 2 === 0 ? 'span' : 'em'));
    }
    parent.append('The council approved the harbour expansion.');
    const after = root.appendChild(inert.createElement('p'));
    after.append('After it.');

    const expected = [
      'Before the deep part.',
      'The council approved the harbour expansion.',
      'After it.',
    ];
    expect(lines(articleText(root), '\n\n')).toEqual(expected);
    expect(lines(buildTextModel(root).text, '\n')).toEqual(expected);
    let left = 0;
    walkText(root, {
      enter: () => true,
      leave: () => {
        left += 1;
      },
      text: () => true,
    });
    expect(left).toBe(20_000 + 3);
  });

  it('stop where a reader says, and neither read nor leave what they do not enter', () => {
    document.body.innerHTML = '';
    const root = document.createElement('article');
    root.innerHTML = '<p>one</p><div class="skip"><p>two</p></div><p>three</p><p>four</p>';
    const read: string[] = [];
    const left: string[] = [];
    walkText(root, {
      enter: (element) => !element.classList.contains('skip'),
      leave: (element) => void left.push(element.tagName),
      text: (node) => {
        read.push(node.data);
        return node.data !== 'three';
      },
    });
    expect(read).toEqual(['one', 'three']);
    expect(left).toEqual(['P']);
  });
});
