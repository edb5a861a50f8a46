/**
 * A refused pack file's problems, the lines under "This context pack has N problems", are in the
 * interface language: the places stay as the file names them, the words around them are Spanish
 * or French.
 */
import { describe, expect, it } from 'vitest';
import { inLanguage } from '../i18n/test-languages';
import raw from './amlo-harris-2021.pack.json';
import formatOne from './fixtures/format-1.pack.json';
import { describePackFileProblem, readPackFile } from './pack-file';
import { validatePack } from './schema';

type Pack = typeof raw & Record<string, unknown>;

/** The bundled pack with some fields spoiled. */
function spoiled(change: (pack: Pack) => void): Pack {
  const copy = structuredClone(raw) as Pack;
  change(copy);
  return copy;
}

/** One problem of each common kind. */
const BROKEN = spoiled((pack) => {
  pack.packVersion = 0;
  pack.article.published = '2021-02-30';
  pack.article.recognise.hosts = ['www.globalresearch.ca'];
  const [first, second] = pack.claims;
  if (!first || !second) throw new Error('the bundled pack has claims');
  first.verdict = 'maybe';
  first.summary = 'No full stop';
  first.counterpoints = [];
  (second as Record<string, unknown>).colour = 'red';
  second.id = first.id;
});

function errorsOf(input: unknown): string[] {
  const result = validatePack(input);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors;
}

describe('pack schema problems in the interface language', () => {
  it('are English by default, as before', () => {
    expect(errorsOf(BROKEN)).toEqual([
      'packVersion: must be 1 or more',
      'article.published: must be a real date written YYYY-MM-DD',
      'article.recognise.hosts[0]: must be written without "www."',
      'claims[0].verdict: must be one of supported, partly-supported, misleading, contradicted, unsupported, opinion',
      'claims[0].summary: must end with ".", "!" or "?"',
      'claims[0].counterpoints: must have at least 1 counterpoint',
      'claims[1].colour: is not a field of this format',
    ]);
  });

  it('are Spanish in Spanish', async () => {
    expect(await inLanguage('es', () => errorsOf(BROKEN))).toEqual([
      'packVersion: debe ser 1 o más',
      'article.published: debe ser una fecha real escrita YYYY-MM-DD',
      'article.recognise.hosts[0]: debe escribirse sin «www.»',
      'claims[0].verdict: debe ser uno de estos valores: supported, partly-supported, misleading, contradicted, unsupported, opinion',
      'claims[0].summary: debe terminar en «.», «!» o «?»',
      'claims[0].counterpoints: debe tener al menos 1 contrapunto',
      'claims[1].colour: no es un campo de este formato',
    ]);
  });

  it('are French in French, down to the list counts and duplicates', async () => {
    expect(await inLanguage('fr', () => errorsOf(BROKEN))).toEqual([
      'packVersion : doit valoir 1 ou plus',
      'article.published : doit être une date réelle écrite YYYY-MM-DD',
      'article.recognise.hosts[0] : doit s’écrire sans « www. »',
      'claims[0].verdict : doit être l’une de ces valeurs : supported, partly-supported, misleading, contradicted, unsupported, opinion',
      'claims[0].summary : doit se terminer par « . », « ! » ou « ? »',
      'claims[0].counterpoints : doit avoir au moins 1 contrepoint',
      'claims[1].colour : n’est pas un champ de ce format',
    ]);
    const fewClaims = spoiled((pack) => {
      pack.claims = pack.claims.slice(0, 3);
    });
    expect(await inLanguage('fr', () => errorsOf(fewClaims))).toEqual([
      'claims : doit avoir au moins 10 affirmations',
    ]);
    const twice = spoiled((pack) => {
      const [first, second] = pack.claims;
      if (first && second) second.id = first.id;
    });
    expect(await inLanguage('fr', () => errorsOf(twice))).toEqual([
      `claims[1].id : est un doublon : « ${raw.claims[0]?.id} » est déjà l’id de claims[0]`,
    ]);
  });

  it('count the problems left out past the first fifty', async () => {
    const many = spoiled((pack) => {
      (pack as Record<string, unknown>).claims = Array.from({ length: 60 }, (_, index) => index);
    });
    const errors = await inLanguage('fr', () => errorsOf(many));
    expect(errors).toHaveLength(51);
    expect(errors[0]).toBe('claims[0] : doit être un objet');
    expect(errors.at(-1)).toMatch(/^…et \d+ autres problèmes$/);
  });

  it('say so when the problem appears after migrating a format-1 pack', async () => {
    const old = structuredClone(formatOne);
    const [claim] = old.claims;
    const [counterpoint] = claim?.counterpoints ?? [];
    if (!claim || !counterpoint) throw new Error('the fixture has a counterpoint');
    // Within format 1's limits, but twelve more sources than format 2 allows once listed once.
    counterpoint.sources = Array.from({ length: 12 }, (_, index) => ({
      title: `Report ${index + 1}`,
      publisher: 'Example News',
      date: '2021-05-01',
      url: `https://news.example/report-${index + 1}`,
    }));
    const total = claim.sources.length + 12;
    expect(await inLanguage('es', () => errorsOf(old))).toEqual([
      'tras la migración desde el formato 1: claims[0].sources: debe tener como máximo 12 fuentes',
    ]);
    expect(await inLanguage('fr', () => errorsOf(old))).toEqual([
      'après migration depuis le format 1 : claims[0].sources : doit avoir au plus 12 sources',
    ]);
    expect(total).toBeGreaterThan(12);
  });

  it('reach the reader: the first five, then how many more', async () => {
    const told = await inLanguage('fr', () => {
      const result = readPackFile(JSON.stringify(BROKEN), []);
      if (result.ok) throw new Error('expected the file to be refused');
      return describePackFileProblem(result.problem);
    });
    expect(told.details).toEqual([
      'packVersion : doit valoir 1 ou plus',
      'article.published : doit être une date réelle écrite YYYY-MM-DD',
      'article.recognise.hosts[0] : doit s’écrire sans « www. »',
      'claims[0].verdict : doit être l’une de ces valeurs : supported, partly-supported, misleading, contradicted, unsupported, opinion',
      'claims[0].summary : doit se terminer par « . », « ! » ou « ? »',
      '…et 2 autres.',
    ]);
  });
});
