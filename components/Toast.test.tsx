import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Toast } from './Toast';
import { expectNoAxeViolations } from './test-support';

afterEach(cleanup);

describe('Toast', () => {
  it('shows the message and action in a status region', () => {
    const onAction = vi.fn();
    render(<Toast message="Note deleted." actionLabel="Undo" onAction={onAction} />);
    expect(screen.getByRole('status').textContent).toBe('Note deleted.Undo');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onAction).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
  });

  it('keeps an empty live region between messages', () => {
    const { rerender } = render(<Toast message="" />);
    const region = screen.getByRole('status');
    expect(region.textContent).toBe('');
    rerender(<Toast message="Note saved." />);
    expect(screen.getByRole('status')).toBe(region);
    expect(region.textContent).toBe('Note saved.');
  });

  it('can be dismissed and tells the caller when to hold off dismissing', () => {
    const onDismiss = vi.fn();
    const onPause = vi.fn();
    render(<Toast message="Note deleted." onDismiss={onDismiss} onPause={onPause} />);
    const dismiss = screen.getByRole('button', { name: 'Dismiss' });
    fireEvent.focusIn(dismiss);
    expect(onPause).toHaveBeenLastCalledWith(true);
    fireEvent.focusOut(dismiss);
    expect(onPause).toHaveBeenLastCalledWith(false);
    fireEvent.click(dismiss);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('has no axe violations', async () => {
    const { container } = render(
      <Toast message="Note deleted." actionLabel="Undo" onAction={vi.fn()} onDismiss={vi.fn()} />,
    );
    await expectNoAxeViolations(container);
  });
});
