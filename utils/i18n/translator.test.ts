import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import spanish from '../../public/_locales/es/messages.json';
import french from '../../public/_locales/fr/messages.json';
import { formatMessage } from './chrome-format';
import { fileMessageSource } from './file-source';
import { createTranslator } from './translator';

const inEnglish = createTranslator(fileMessageSource(english, 'en-GB'));
const inSpanish = createTranslator(fileMessageSource(spanish, 'es'));
const inFrench = createTranslator(fileMessageSource(french, 'fr'));

describe('createTranslator', () => {
  it('reads messages in the source language and fills placeholders in order', () => {
    expect(inEnglish.t('settings_heading')).toBe('Highlights');
    expect(inSpanish.t('settings_heading')).toBe('Resaltado');
    expect(inFrench.t('settings_pause_hint', ['example.org'])).toBe(
      'Arrête Counterpoint sur example.org ; vos notes sont conservées.',
    );
    expect(inEnglish.t('notes_show_more', [100, 250])).toBe('Show more (100 of 250 more)');
  });

  it('chooses plural forms by the language’s rules: French counts 0 as singular, English does not', () => {
    expect(inEnglish.plural('notes_count', 0)).toBe('0 notes');
    expect(inEnglish.plural('notes_count', 1)).toBe('1 note');
    expect(inFrench.plural('notes_count', 0)).toBe('0 note');
    expect(inFrench.plural('notes_count', 1)).toBe('1 note');
    expect(inFrench.plural('notes_count', 2)).toBe('2 notes');
    expect(inSpanish.plural('notes_count', 1)).toBe('1 nota');
  });

  it('falls back to _other for categories the files do not hold (Spanish "many")', () => {
    expect(new Intl.PluralRules('es').select(1_000_000)).toBe('many');
    expect(inSpanish.plural('notes_count', 1_000_000)).toBe('1.000.000 notas');
  });

  it('passes the count as $1 and further substitutions after it', () => {
    expect(inEnglish.plural('popup_claims_found', 6, [5])).toBe('5 of 6 claims found on this page');
    expect(inFrench.plural('popup_claims_found', 1, [1])).toBe(
      '1 affirmation sur 1 trouvée sur cette page',
    );
  });

  it('formats numbers in the language’s grouping', () => {
    expect(inEnglish.formatNumber(20000)).toBe('20,000');
    expect(inSpanish.formatNumber(20000)).toBe('20.000');
    expect(inFrench.formatNumber(20000)).toMatch(/^20\s000$/u);
  });

  it('formats partial source dates as calendar days in each language', () => {
    expect(inEnglish.formatPartialDate('2021')).toBe('2021');
    expect(inEnglish.formatPartialDate('2021-06')).toBe('June 2021');
    expect(inEnglish.formatPartialDate('2021-06-08')).toBe('8 June 2021');
    expect(inSpanish.formatPartialDate('2021-06-08')).toBe('8 de junio de 2021');
    expect(inFrench.formatPartialDate('2021-06')).toBe('juin 2021');
    expect(inFrench.formatPartialDate('2021-06-08')).toBe('8 juin 2021');
  });

  it('returns what is not a real day as given', () => {
    for (const bad of ['2021-02-30', '2021-13', '2021-06-00', 'soon', '2021-6-8']) {
      expect(inFrench.formatPartialDate(bad)).toBe(bad);
    }
  });

  it('formats timestamps with the local time of day', () => {
    const time = new Date(2024, 2, 5, 14, 7).toISOString();
    expect(inEnglish.formatTimestamp(time)).toBe('5 March 2024, 14:07');
    expect(inSpanish.formatTimestamp(time)).toBe('5 de marzo de 2024, 14:07');
    expect(inFrench.formatTimestamp(time)).toBe('5 mars 2024, 14:07');
    expect(inFrench.formatTimestamp('not a time')).toBe('not a time');
  });
});

describe('the interface language', () => {
  it('is the browser’s when the words are in that language, keeping its region', () => {
    expect(createTranslator(fileMessageSource(english, 'en-GB')).language).toBe('en-GB');
    expect(createTranslator(fileMessageSource(french, 'fr-CA')).language).toBe('fr-CA');
  });

  it('is the words’ language when the browser reports another (headless Chromium)', () => {
    const frenchInHeadless = createTranslator(fileMessageSource(french, 'en-US'));
    expect(frenchInHeadless.language).toBe('fr');
    expect(frenchInHeadless.formatPartialDate('2021-06-08')).toBe('8 juin 2021');
  });
});

describe('formatMessage', () => {
  it('fills named placeholders from positional substitutions, any case, and keeps $$ as $', () => {
    const entry = {
      message: 'Cost: $$$Amount$ for $who$',
      placeholders: { amount: { content: '$2' }, WHO: { content: '$1' } },
    };
    expect(formatMessage(entry, ['you', '5'])).toBe('Cost: $5 for you');
  });
});
