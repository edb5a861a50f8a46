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

describe('formats made on first use', () => {
  const files = { en: english, es: spanish, fr: french } as const;
  const tags = ['en', 'en-GB', 'en-IN', 'es', 'es-MX', 'fr', 'fr-CA', 'fr-CH'] as const;

  it('writes every count as Intl.NumberFormat does, in each language and region', () => {
    for (const tag of tags) {
      const file = files[tag.slice(0, 2) as keyof typeof files];
      const translator = createTranslator(fileMessageSource(file, tag));
      const numbers = new Intl.NumberFormat(tag);
      for (const value of [0, 1, 7, 42, 999, 1000, 1234, 20_000, 1_000_000, 2.5, -3]) {
        expect(translator.formatNumber(value), `${tag} ${value}`).toBe(numbers.format(value));
      }
    }
  });

  it('makes no number or date format for counts under 1,000 (a new tab pays for its data)', () => {
    const made: string[] = [];
    const RealNumberFormat = Intl.NumberFormat;
    const RealDateTimeFormat = Intl.DateTimeFormat;
    const counting = <T extends object>(name: string, real: T): T =>
      new Proxy(real, {
        construct(target, args) {
          made.push(name);
          return Reflect.construct(target as unknown as new (...a: unknown[]) => object, args);
        },
      });
    Intl.NumberFormat = counting('NumberFormat', RealNumberFormat);
    Intl.DateTimeFormat = counting('DateTimeFormat', RealDateTimeFormat);
    try {
      const translator = createTranslator(fileMessageSource(english, 'en-GB'));
      expect(translator.plural('notes_count', 14)).toBe('14 notes');
      expect(translator.t('notes_show_more', [100, 250])).toBe('Show more (100 of 250 more)');
      expect(made).toEqual([]);
      expect(translator.plural('notes_count', 2030)).toBe('2,030 notes');
      expect(translator.formatPartialDate('2021-06-08')).toBe('8 June 2021');
      expect(translator.formatPartialDate('2021-07-01')).toBe('1 July 2021');
      expect(made).toEqual(['NumberFormat', 'DateTimeFormat']);
    } finally {
      Intl.NumberFormat = RealNumberFormat;
      Intl.DateTimeFormat = RealDateTimeFormat;
    }
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
