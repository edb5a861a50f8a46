import { beforeEach, describe, expect, it } from 'vitest';
import { createMoreCue } from './more-cue';

/** A root whose scroll geometry the test sets, as a browser would report it. */
function root(scrollHeight: number, clientHeight: number): HTMLElement {
  const element = document.createElement('div');
  Object.defineProperty(element, 'scrollHeight', { value: scrollHeight, configurable: true });
  Object.defineProperty(element, 'clientHeight', { value: clientHeight, configurable: true });
  document.body.append(element);
  return element;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('createMoreCue', () => {
  it('says that more follows while the popover is taller than its room', () => {
    const element = root(900, 400);
    createMoreCue(element).update();
    expect(document.querySelector('.cp-more-cue')?.textContent).toBe('More below ↓');
    expect(element.classList.contains('cp-has-more')).toBe(true);
  });

  it('goes once the reader has scrolled to the end, and never shows for a popover that fits', () => {
    const element = root(900, 400);
    const cue = createMoreCue(element);
    cue.update();
    element.scrollTop = 500;
    element.dispatchEvent(new Event('scroll'));
    expect(document.querySelector('.cp-more-cue')).toBeNull();
    const fits = root(300, 400);
    createMoreCue(fits).update();
    expect(fits.classList.contains('cp-has-more')).toBe(false);
  });
});
