import { describe, expect, it } from 'vitest';
import { encodeFragmentTerm, textFragmentLink } from './text-fragment';

const URL = 'https://www.globalresearch.ca/amlo-harris/5742421';

describe('encodeFragmentTerm', () => {
  it('encodes the characters the text directive reserves: - & ,', () => {
    expect(encodeFragmentTerm('well-known, salt & pepper')).toBe(
      'well%2Dknown%2C%20salt%20%26%20pepper',
    );
  });

  it('encodes non-ASCII and # as UTF-8 percent escapes', () => {
    expect(encodeFragmentTerm('“México” #1')).toBe('%E2%80%9CM%C3%A9xico%E2%80%9D%20%231');
  });
});

describe('textFragmentLink', () => {
  it('links a long passage by its first and last words', () => {
    const quote =
      'The United States prohibits the export of vaccines, but Mexico received doses anyway from its neighbour';
    expect(textFragmentLink(URL, quote)).toBe(
      `${URL}#:~:text=The%20United%20States%20prohibits,anyway%20from%20its%20neighbour`,
    );
  });

  it('links a short passage whole, with no end term', () => {
    expect(textFragmentLink(URL, 'no formal ban')).toBe(`${URL}#:~:text=no%20formal%20ban`);
    const eight = 'one two three four five six seven eight';
    expect(textFragmentLink(URL, eight)).toBe(`${URL}#:~:text=${encodeURIComponent(eight)}`);
  });

  it('folds line breaks and runs of white space to single spaces', () => {
    expect(textFragmentLink(URL, '  the more\ncrisis in\r\n\tCentral America  ')).toBe(
      `${URL}#:~:text=the%20more%20crisis%20in%20Central%20America`,
    );
  });

  it('encodes a comma or hyphen at either end so the range stays two terms', () => {
    const link = textFragmentLink(
      URL,
      'Mexico-U.S. ties, it said, grew stronger & closer than ever, in 2021',
    );
    expect(link).toBe(
      `${URL}#:~:text=Mexico%2DU.S.%20ties%2C%20it%20said%2C,than%20ever%2C%20in%202021`,
    );
    expect(link.split('#:~:text=')[1]?.split(',')).toHaveLength(2);
  });

  it('drops a fragment the address already has', () => {
    expect(textFragmentLink(`${URL}#comments`, 'no formal ban')).toBe(
      `${URL}#:~:text=no%20formal%20ban`,
    );
    expect(textFragmentLink(`${URL}#:~:text=old`, 'no formal ban')).toBe(
      `${URL}#:~:text=no%20formal%20ban`,
    );
  });

  it('returns the bare address for an empty quote', () => {
    expect(textFragmentLink(`${URL}#x`, ' \n ')).toBe(URL);
  });
});
