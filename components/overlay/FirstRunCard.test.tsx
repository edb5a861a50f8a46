import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inLanguage } from '../../utils/i18n/test-languages';
import { expectNoAxeViolations } from '../test-support';
import { FirstRunCard, strings } from './FirstRunCard';
import { strings as guideStrings } from './PageOverlay';

afterEach(cleanup);

describe('FirstRunCard', () => {
  it('says what the marks mean, where things are, how to add a note, and links to help', async () => {
    const onHelp = vi.fn();
    const onDismiss = vi.fn();
    const { container } = render(
      <FirstRunCard addNoteShortcut="Alt+Shift+M" onHelp={onHelp} onDismiss={onDismiss} />,
    );
    const card = screen.getByRole('region', { name: strings.title });
    expect(card.textContent).toContain(strings.notes('Alt+Shift+M'));
    // It never takes the focus itself.
    expect(document.activeElement).toBe(document.body);
    fireEvent.click(screen.getByRole('button', { name: strings.help }));
    fireEvent.click(screen.getByRole('button', { name: strings.dismiss }));
    expect(onHelp).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container);
  });

  // The guide starts beside the article, above the headline (where the site's sidebar takes that
  // room, as at 1280 px) or pinned under the site's header: its bullet names it by the pill's
  // words and says nothing about where it is, so it stays true wherever the guide is placed.
  it.each([
    ['en', /beside|narrow|above|below/i],
    ['es', /junto|estrecha|sobre|debajo/i],
    ['fr', /côté|étroite|au-dessus|dessous/i],
  ] as const)(
    'names the guide by its pill’s words and not by a place (%s)',
    async (language, place) => {
      const check = () => {
        const pillWords = guideStrings.summary(14).replace(/^14\s*/, '');
        expect(strings.guide).toContain(`Counterpoint · ${pillWords}`);
        expect(strings.guide).not.toMatch(place);
      };
      if (language === 'en') check();
      else await inLanguage(language, check);
    },
  );
});
