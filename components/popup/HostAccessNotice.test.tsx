import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostAccess, HostAccessState } from '../../utils/popup/host-access';
import { HostAccessNotice } from './HostAccessNotice';

afterEach(cleanup);

/** A site the reader has or has not allowed; asking gives the answer the reader would. */
class FakeHostAccess implements HostAccess {
  asked = 0;
  constructor(
    private state: HostAccessState,
    private readonly answer: HostAccessState,
  ) {}
  async check() {
    return this.state;
  }
  async request() {
    this.asked++;
    this.state = this.answer;
    return this.state;
  }
}

describe('the host-access notice', () => {
  it('shows nothing while Counterpoint may read the site', async () => {
    const { container } = render(
      <HostAccessNotice access={new FakeHostAccess('granted', 'granted')} />,
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container.textContent).toBe('');
  });

  it('tells the reader access is missing, asks on a click, and says to reload once given', async () => {
    const access = new FakeHostAccess('missing', 'granted');
    render(<HostAccessNotice access={access} />);
    expect(await screen.findByText(/is not allowed to read Global Research pages/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Allow on globalresearch.ca' }));
    expect(await screen.findByText(/Reload the article to see its claims/)).toBeTruthy();
    expect(access.asked).toBe(1);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says so when the reader refuses, and keeps the button', async () => {
    render(<HostAccessNotice access={new FakeHostAccess('missing', 'missing')} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow on globalresearch.ca' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Access was not given.');
    expect(screen.getByRole('button', { name: 'Allow on globalresearch.ca' })).toBeTruthy();
  });
});
