import { describe, expect, it } from 'vitest';
import { stripSiteSuffix } from './find-headline';

describe('stripSiteSuffix', () => {
  it("cuts the site's suffix and says it named Global Research", () => {
    expect(stripSiteSuffix('Mexico: A Meeting  - Global Research')).toEqual({
      text: 'Mexico: A Meeting',
      hadSiteSuffix: true,
    });
    expect(stripSiteSuffix('A Meeting | Global Research - Centre for Research')).toEqual({
      text: 'A Meeting',
      hadSiteSuffix: true,
    });
  });

  it('cuts a lone "Home" suffix without counting it as the site\'s', () => {
    expect(stripSiteSuffix('A Meeting - Home')).toEqual({
      text: 'A Meeting',
      hadSiteSuffix: false,
    });
  });

  it('leaves a title whose words only start like the suffix', () => {
    expect(stripSiteSuffix('X - Homeland Security - Notes')).toEqual({
      text: 'X - Homeland Security - Notes',
      hadSiteSuffix: false,
    });
  });
});
