/** The pack loader on its own: the file control, the open-a-page button, the replace question. */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PackLoader, type PackLoaderProps } from './PackLoader';
import { strings } from './pack-files-strings';

afterEach(cleanup);

/** Renders the loader, recording what it calls back. */
function renderLoader(overrides: Partial<PackLoaderProps> = {}) {
  const calls: string[] = [];
  render(
    <PackLoader
      replaceQuestion={null}
      reading={false}
      inputId="file"
      loadRef={{ current: null }}
      confirmRef={{ current: null }}
      onChoose={() => calls.push('choose')}
      onConfirmReplace={() => calls.push('confirm')}
      onCancelReplace={() => calls.push('cancel')}
      {...overrides}
    />,
  );
  return calls;
}

describe('PackLoader', () => {
  it('offers a file control that hands on the chosen file', () => {
    const calls = renderLoader();
    const input = screen.getByLabelText(strings.load) as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.disabled).toBe(false);
    fireEvent.change(input);
    expect(calls).toEqual(['choose']);
  });

  it('disables the file control while a file is read', () => {
    renderLoader({ reading: true });
    expect((screen.getByLabelText(strings.load) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText(strings.reading)).toBeTruthy();
  });

  it('offers a button that opens a page where a file cannot be chosen here', () => {
    let opened = 0;
    renderLoader({ onOpenPage: () => opened++ });
    fireEvent.click(screen.getByRole('button', { name: strings.load }));
    expect(opened).toBe(1);
    expect(screen.getByText(strings.loadElsewhere)).toBeTruthy();
  });

  it('asks the replace question in place of the control, with both answers', () => {
    const calls = renderLoader({ replaceQuestion: 'Replace edition 1?' });
    expect(screen.getByRole('group', { name: 'Replace edition 1?' })).toBeTruthy();
    expect(screen.queryByLabelText(strings.load)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: strings.replaceConfirm }));
    fireEvent.click(screen.getByRole('button', { name: strings.cancel }));
    expect(calls).toEqual(['confirm', 'cancel']);
  });
});
