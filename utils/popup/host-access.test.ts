import { describe, expect, it } from 'vitest';
import { createHostAccess, type PermissionsApi, SITE_ORIGINS } from './host-access';

/** The browser's permissions as a reader left them; a request is answered as `answer` says. */
class FakePermissions implements PermissionsApi {
  requests: string[][] = [];
  constructor(
    private granted: Set<string>,
    private readonly answer: 'allow' | 'deny',
  ) {}
  async contains({ origins }: { origins: string[] }) {
    return origins.every((origin) => this.granted.has(origin));
  }
  async request({ origins }: { origins: string[] }) {
    this.requests.push(origins);
    if (this.answer === 'deny') return false;
    this.granted = new Set([...this.granted, ...origins]);
    return true;
  }
}

describe('host access to the site', () => {
  it('is granted when the browser holds every site address', async () => {
    const access = createHostAccess(new FakePermissions(new Set(SITE_ORIGINS), 'deny'));
    expect(await access.check()).toBe('granted');
  });

  it('is missing when the reader withheld it, or kept only the bare domain', async () => {
    expect(await createHostAccess(new FakePermissions(new Set(), 'deny')).check()).toBe('missing');
    const part = new FakePermissions(new Set(['*://globalresearch.ca/*']), 'deny');
    expect(await createHostAccess(part).check()).toBe('missing');
  });

  it('asks for every site address and reports what the reader answered', async () => {
    const allowing = new FakePermissions(new Set(), 'allow');
    expect(await createHostAccess(allowing).request()).toBe('granted');
    expect(allowing.requests).toEqual([[...SITE_ORIGINS]]);
    const denying = new FakePermissions(new Set(), 'deny');
    expect(await createHostAccess(denying).request()).toBe('missing');
  });
});
