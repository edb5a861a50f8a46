import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdderButton } from './AdderButton';
import { expectNoAxeViolations } from './test-support';

afterEach(cleanup);

describe('AdderButton', () => {
  it('is a button named "Add note" that calls onAdd', () => {
    const onAdd = vi.fn();
    render(<AdderButton onAdd={onAdd} shortcut="Alt+Shift+M" />);
    const button = screen.getByRole('button', { name: 'Add note' });
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+M');
    fireEvent.click(button);
    expect(onAdd).toHaveBeenCalledTimes(1);
  });

  it('does not take the selection away when pressed', () => {
    render(<AdderButton onAdd={vi.fn()} />);
    const pressed = fireEvent.mouseDown(screen.getByRole('button', { name: 'Add note' }));
    // fireEvent returns false when the default action was prevented.
    expect(pressed).toBe(false);
  });

  it('has no axe violations', async () => {
    const { container } = render(<AdderButton onAdd={vi.fn()} />);
    await expectNoAxeViolations(container);
  });
});
