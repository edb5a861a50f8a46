import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import spanish from '../../public/_locales/es/messages.json';
import { setMessageSource } from '../../utils/i18n';
import { fileMessageSource } from '../../utils/i18n/file-source';
import { bundledPacks } from '../../utils/packs';
import { VERDICTS } from '../../utils/packs/types';
import { VERDICT_DEFINITIONS } from '../../utils/packs/verdict-definitions';
import { VERDICT_LABELS, VERDICT_TABLE } from '../../utils/packs/verdicts';
import { expectNoAxeViolations } from '../test-support';
import { describeUnderline, MethodPage } from './MethodPage';

afterEach(cleanup);

describe('MethodPage', () => {
  it('is headed "How Counterpoint checks" and has its three sections', () => {
    render(<MethodPage packs={bundledPacks} />);
    expect(screen.getByRole('heading', { level: 1, name: 'How Counterpoint checks' })).toBeTruthy();
    for (const name of [
      'What the verdicts mean',
      'How sources are chosen',
      'How corrections are made',
    ]) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }
  });

  it('defines every verdict in one sentence, with its look on the page', () => {
    render(<MethodPage packs={bundledPacks} />);
    const verdicts = screen.getByRole('region', { name: 'What the verdicts mean' });
    for (const verdict of VERDICTS) {
      const term = within(verdicts).getByText(VERDICT_LABELS[verdict]).closest('div');
      expect(term?.textContent, verdict).toContain(VERDICT_DEFINITIONS[verdict]);
      expect(term?.textContent, verdict).toContain(describeUnderline(VERDICT_TABLE[verdict]));
    }
    expect(verdicts.textContent).toContain('not the same as showing it is false');
  });

  it('reports how the bundled pack meets the two-sources rule, and what is dated roughly', () => {
    render(<MethodPage packs={bundledPacks} />);
    const sources = screen.getByRole('region', { name: 'How sources are chosen' });
    expect(sources.textContent).toContain('at least two dated sources');
    expect(sources.textContent).toContain(
      'Every claim with a factual verdict cites at least two dated sources.',
    );
    expect(sources.textContent).toMatch(/In \d+ of them at least one source is dated only to/);
    expect(sources.textContent).toContain('reviewed 1 December 2026');
  });

  it('says plainly which claims fall short when a pack does not meet the rule', () => {
    const [pack] = bundledPacks;
    if (!pack) throw new Error('no bundled pack');
    const weak = structuredClone(pack);
    const claim = weak.claims.find((candidate) => candidate.verdict !== 'opinion');
    if (!claim) throw new Error('no factual claim');
    claim.sources = claim.sources.slice(0, 1);
    render(<MethodPage packs={[weak]} />);
    expect(screen.getByRole('region', { name: 'How sources are chosen' }).textContent).toContain(
      `1 of the claims with a factual verdict cites fewer than two dated sources: ${claim.id}.`,
    );
  });

  it('speaks the interface language, its verdict definitions too, the pack title marked as the pack’s', () => {
    setMessageSource(fileMessageSource(spanish, 'es'));
    try {
      render(<MethodPage packs={bundledPacks} />);
      screen.getByRole('heading', { level: 1, name: 'Cómo verifica Counterpoint' });
      const verdicts = screen.getByRole('region', { name: 'Qué significan los veredictos' });
      expect(verdicts.textContent).toContain(
        'No se encontraron pruebas de la afirmación, lo cual no equivale a demostrar que sea falsa.',
      );
      expect(verdicts.textContent).toContain('En la página: un subrayado ondulado.');
      within(verdicts).getByText('Engañosa');
      const sources = screen.getByRole('region', { name: 'Cómo se eligen las fuentes' });
      expect(sources.textContent).toMatch(
        /revisado el 1 de diciembre de 2026, edición 2: \d+ afirmaciones/,
      );
      expect(sources.querySelector('cite')?.getAttribute('lang')).toBe('en');
      screen.getByRole('link', { name: 'Ayuda y atajos de Counterpoint' });
      screen.getByRole('link', { name: 'Counterpoint y tus datos' });
    } finally {
      setMessageSource(fileMessageSource(english, 'en-GB'));
    }
  });

  it('has no axe violations', async () => {
    const { container } = render(<MethodPage packs={bundledPacks} />);
    await expectNoAxeViolations(container);
  });
});

describe('MethodPage with the installed packs', () => {
  it('lists them with the two downloads, and reports on the sources of the packs in use', async () => {
    const data = {
      listPacks: async () => [
        {
          articleKey: 'a',
          title: 'An article',
          publisher: 'Counterpoint',
          lastReviewed: '2026-12-01',
          packVersion: 2,
          claimCount: 14,
          origin: { kind: 'bundled' as const },
          turnedOff: false,
        },
      ],
      checkPackFile: async () => ({ ok: false as const, problem: { kind: 'not-json' as const } }),
      loadPackFile: async () => ({ status: 'changed' as const, installedVersion: null }),
      removePack: async () => ({ restoredBundledVersion: null }),
      turnPackOff: async () => {},
      exportPack: async () => {},
      installedContextPacks: async () => [{ ...bundledPacks[0]!, packVersion: 7 }],
    };
    render(<MethodPage packs={bundledPacks} packFiles={data} />);
    const section = screen.getByRole('region', { name: 'Context packs' });
    const row = await within(section).findByRole('listitem', { name: 'An article' });
    within(row).getByRole('button', { name: 'Download verdicts as ClaimReview (JSON-LD)' });
    within(row).getByRole('button', { name: 'Download claims as Web Annotations' });
    within(section).getByLabelText('Load a pack from a file');
    const sources = screen.getByRole('region', { name: 'How sources are chosen' });
    await within(sources).findByText(/edition 7:/);
  });
});
