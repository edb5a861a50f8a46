import { describe, expect, it } from 'vitest';
import { inLanguage } from '../i18n/test-languages';
import { NOTE_MAX_LENGTH } from '../store/types';
import type { ImportOptions } from './import';
import { planImport, summariseImport } from './merge';
import { parseImport } from './test-import';
import { testId } from './test-notes';

const options: ImportOptions = { now: '2024-06-01T09:00:00.000Z', newId: testId };

function annotation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'Annotation',
    body: { type: 'TextualBody', value: 'Worth checking.' },
    target: {
      source: 'https://news.example/world/harbour-vote/1234567',
      selector: { type: 'TextQuoteSelector', exact: 'four thousand jobs' },
    },
    ...overrides,
  };
}

/** The reasons the items after a good annotation are skipped. */
function reasons(items: unknown[]): string[] {
  const result = parseImport(JSON.stringify([annotation(), ...items]), options);
  if (!result.ok) throw new Error(`file refused: ${result.error}`);
  return result.skipped.map((entry) => entry.reason);
}

function refusal(text: string): string {
  const result = parseImport(text, options);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

/** One of each kind of skipped item, the reader's view of why. */
const BAD_ITEMS: unknown[] = [
  7,
  'hello',
  annotation({ type: 'Person' }),
  annotation({ created: 5 }),
  annotation({ modified: 'last Tuesday' }),
  annotation({ counterpoint: 'yes' }),
  annotation({ target: undefined }),
  annotation({ target: 'https://news.example/a' }),
  annotation({ target: { source: 'https://news.example/a', selector: { type: 'CssSelector' } } }),
  annotation({
    target: {
      source: 'https://news.example/a',
      selector: { type: 'TextQuoteSelector', exact: 'x'.repeat(NOTE_MAX_LENGTH + 1) },
    },
  }),
  annotation({
    target: { source: 'javascript:alert(1)', selector: { type: 'TextQuoteSelector', exact: 'a' } },
  }),
  annotation({ target: { selector: { type: 'TextQuoteSelector', exact: 'a' } } }),
];

describe('import skip reasons in the interface language', () => {
  it('are Spanish in Spanish', async () => {
    expect(await inLanguage('es', () => reasons(BAD_ITEMS))).toEqual([
      'es un número (7), no una anotación',
      'es el texto «hello», no una anotación',
      'su tipo es «Person», no Annotation',
      'created debe ser un texto',
      'modified debe ser una fecha y hora ISO 8601, como 2024-05-01T12:00:00Z',
      'counterpoint debe ser un objeto',
      'no tiene target',
      'no tiene TextQuoteSelector (su target es solo una dirección)',
      'no tiene TextQuoteSelector, así que no hay ningún pasaje citado al que asociarla',
      'en su TextQuoteSelector, exact tiene más de 20.000 caracteres',
      'su dirección de página usa «javascript:»; solo se aceptan páginas http y https',
      'su target no tiene dirección de página (el source del target)',
    ]);
  });

  it('are French in French, numbers grouped as French groups them', async () => {
    expect(await inLanguage('fr', () => reasons(BAD_ITEMS))).toEqual([
      'c’est un nombre (7), pas une annotation',
      'c’est le texte « hello », pas une annotation',
      'son type est « Person », pas Annotation',
      'created doit être du texte',
      'modified doit être une date et heure ISO 8601, comme 2024-05-01T12:00:00Z',
      'counterpoint doit être un objet',
      'il n’a pas de target',
      'il n’a pas de TextQuoteSelector (son target n’est qu’une adresse)',
      'il n’a pas de TextQuoteSelector : aucun passage cité auquel la rattacher',
      `dans son TextQuoteSelector, exact dépasse ${new Intl.NumberFormat('fr').format(NOTE_MAX_LENGTH)} caractères`,
      'son adresse de page utilise « javascript: » ; seules les pages http et https sont acceptées',
      'son target n’a pas d’adresse de page (le source du target)',
    ]);
  });

  it('reach the import summary the reader sees', async () => {
    const summary = await inLanguage('fr', () => {
      const result = parseImport(JSON.stringify([annotation(), 7]), options);
      if (!result.ok) throw new Error(result.error);
      const plan = planImport([], result.notes);
      return summariseImport(plan, result.skipped);
    });
    expect(summary).toContain('élément 2 : c’est un nombre (7), pas une annotation');
  });

  it('say why a file holds no annotations, in the interface language', async () => {
    const spanish = await inLanguage('es', () => [
      refusal('5'),
      refusal('[1, 2]'),
      refusal('{"type": "Person"}'),
      refusal('{"type": "AnnotationCollection", "first": "https://example.org/page/1"}'),
      refusal('{"type": "AnnotationPage", "next": {}, "items": {}}'),
    ]);
    expect(spanish).toEqual([
      'No se encontraron anotaciones: se esperaba una AnnotationCollection (con first.items), una AnnotationPage (con items), una Annotation o una lista de anotaciones; el archivo contiene un número (5).',
      'No se encontraron anotaciones: se esperaba una AnnotationCollection (con first.items), una AnnotationPage (con items), una Annotation o una lista de anotaciones; la lista no contiene ninguna anotación (objetos con un target).',
      'No se encontraron anotaciones: se esperaba una AnnotationCollection (con first.items), una AnnotationPage (con items), una Annotation o una lista de anotaciones; su tipo es «Person».',
      'No se encontraron anotaciones: se esperaba una AnnotationCollection (con first.items), una AnnotationPage (con items), una Annotation o una lista de anotaciones; las anotaciones de la colección están en otra página (https://example.org/page/1), no en este archivo.',
      'No se encontraron anotaciones: se esperaba una AnnotationCollection (con first.items), una AnnotationPage (con items), una Annotation o una lista de anotaciones; la AnnotationPage tiene un objeto donde debería estar la lista de elementos.',
    ]);
    const french = await inLanguage('fr', () =>
      refusal('{"type": "AnnotationPage", "items": [], "next": {"items": null}}'),
    );
    expect(french).toBe(
      'Aucune annotation trouvée : il fallait une AnnotationCollection (avec first.items), une AnnotationPage (avec items), une Annotation ou une liste d’annotations ; la page 2 contient null à la place de la liste des éléments.',
    );
  });
});
