import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../test-support';
import { FirstRunCard, strings } from './FirstRunCard';

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
});
