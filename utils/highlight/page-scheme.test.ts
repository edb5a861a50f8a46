import { afterEach, describe, expect, it } from 'vitest';
import { pageScheme } from './page-scheme';

afterEach(() => {
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
});

describe('pageScheme', () => {
  it('is light for a page that paints nothing, whatever the system theme', () => {
    expect(pageScheme(document)).toBe('light');
  });

  it('follows the body’s background', () => {
    document.body.style.backgroundColor = 'rgb(18, 18, 18)';
    expect(pageScheme(document)).toBe('dark');
    document.body.style.backgroundColor = 'rgb(250, 250, 245)';
    expect(pageScheme(document)).toBe('light');
  });

  it('looks at html when the body is transparent', () => {
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0)';
    document.documentElement.style.backgroundColor = 'rgb(30, 30, 40)';
    expect(pageScheme(document)).toBe('dark');
  });
});
