import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inLanguage } from '../../utils/i18n/test-languages';
import { expectNoAxeViolations } from '../test-support';
import { NotesMissingNotice, strings } from './NotesMissingNotice';

afterEach(cleanup);

describe('NotesMissingNotice', () => {
  it('says some notes could not be loaded, as an alert with Retry and Dismiss, taking no focus', async () => {
    const onRetry = vi.fn();
    const onDismiss = vi.fn();
    const { container, rerender } = render(
      <NotesMissingNotice retrying={false} onRetry={onRetry} onDismiss={onDismiss} />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(strings.missing);
    // No count and no note data: only the sentence and the buttons' names.
    expect(alert.textContent).not.toMatch(/\d/);
    expect(document.activeElement).toBe(document.body);
    const retry = screen.getByRole('button', { name: strings.retry });
    fireEvent.click(retry);
    fireEvent.click(screen.getByRole('button', { name: strings.dismiss }));
    expect(onRetry).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledOnce();
    await expectNoAxeViolations(container);

    // While Retry asks: it says so, and the button stays (focusable) but marked unavailable.
    rerender(<NotesMissingNotice retrying={true} onRetry={onRetry} onDismiss={onDismiss} />);
    expect(screen.getByRole('alert').textContent).toContain(strings.retrying);
    expect(screen.getByRole('button', { name: strings.retry }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    await expectNoAxeViolations(container);
  });

  it.each(['es', 'fr'] as const)('speaks %s', async (language) => {
    await inLanguage(language, () => {
      render(<NotesMissingNotice retrying={false} onRetry={vi.fn()} onDismiss={vi.fn()} />);
      expect(strings.missing).not.toMatch(/notes .*could not/);
      expect(screen.getByRole('button', { name: strings.retry })).toBeTruthy();
    });
  });
});
