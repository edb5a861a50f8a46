/**
 * Whether Counterpoint may read the site's pages, and asking the reader for it. In Firefox's
 * Manifest V3 the reader can withhold or revoke an add-on's host access (from the add-ons manager
 * or the toolbar's extensions panel); the content script then never runs, and without this check
 * the popup would only say "Nothing here". Chrome and Firefox's MV2 package grant the host
 * permissions at install, so there the check answers yes.
 */

/** The site's addresses, as the manifest's `host_permissions` name them. */
export const SITE_ORIGINS: readonly string[] = [
  '*://globalresearch.ca/*',
  '*://*.globalresearch.ca/*',
];

/** The part of the extension's `permissions` API used here. */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
}

/** The reader's answer about the site, as far as the popup knows it. */
export type HostAccessState = 'granted' | 'missing';

/** The host-access check and request, for the popup. */
export interface HostAccess {
  /** Whether every site address may be read now. */
  check(): Promise<HostAccessState>;
  /**
   * Asks the reader for the site (the browser shows its own prompt; call it from a click).
   * Resolves with the state after the answer.
   */
  request(): Promise<HostAccessState>;
}

/** The check over the browser's `permissions` API. */
export function createHostAccess(permissions: PermissionsApi): HostAccess {
  const wanted = () => ({ origins: [...SITE_ORIGINS] });
  const check = async (): Promise<HostAccessState> =>
    (await permissions.contains(wanted())) ? 'granted' : 'missing';
  return {
    check,
    async request() {
      // The prompt's answer, then what the browser holds (a reader may grant only part).
      await permissions.request(wanted());
      return check();
    },
  };
}
