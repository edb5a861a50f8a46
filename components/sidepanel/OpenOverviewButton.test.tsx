import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OpenOverviewButton } from './OpenOverviewButton';

afterEach(cleanup);

describe('the Open overview button', () => {
  it('opens the overview beside the tab, then lets the popup close', async () => {
    const opened: number[] = [];
    let closed = 0;
    render(
      <OpenOverviewButton
        tabId={7}
        onOpened={() => {
          closed += 1;
        }}
        opener={{
          available: true,
          open: async (tabId) => {
            opened.push(tabId);
          },
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open overview' }));
    expect(opened).toEqual([7]);
    await waitFor(() => expect(closed).toBe(1));
  });

  it('says so when the browser refuses', async () => {
    render(
      <OpenOverviewButton
        tabId={7}
        opener={{ available: true, open: () => Promise.reject(new Error('no gesture')) }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open overview' }));
    await screen.findByRole('alert');
  });

  it('is not there without a side panel or a tab', () => {
    const { container } = render(
      <OpenOverviewButton tabId={7} opener={{ available: false, open: async () => undefined }} />,
    );
    expect(container.querySelector('button')).toBeNull();
    const second = render(
      <OpenOverviewButton
        tabId={undefined}
        opener={{ available: true, open: async () => undefined }}
      />,
    );
    expect(second.container.querySelector('button')).toBeNull();
  });
});
