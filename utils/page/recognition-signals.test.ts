import { describe, expect, it } from 'vitest';
import { inSignalOrder, MINIMUM_SCORE, scoreOf } from './recognition-signals';

describe('recognition signals', () => {
  it('reports the signals in one stable order, whatever order they were found in', () => {
    expect(inSignalOrder(new Set(['body-density', 'host', 'og-title']))).toEqual([
      'host',
      'og-title',
      'body-density',
    ]);
  });

  it('weighs microdata double and the required host and address nothing', () => {
    expect(scoreOf(['host', 'article-path'])).toBe(0);
    expect(scoreOf(['headline-markup', 'body-markup'])).toBe(4);
    expect(scoreOf(['og-title', 'heading'])).toBeLessThan(MINIMUM_SCORE);
    expect(scoreOf(['og-title', 'heading', 'body-container'])).toBe(MINIMUM_SCORE);
  });
});
