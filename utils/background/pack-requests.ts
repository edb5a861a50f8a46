/**
 * The extension pages' requests about context packs: load a pack file (after the reader agreed
 * to replace the edition they saw), remove a file's pack (the bundled one comes back), and turn a
 * pack off or on. Each drops the cached packs and claims.
 */

import { t } from '../i18n';
import { readPackFile } from '../packs/pack-file';
import {
  installedPacks,
  installPack,
  originOf,
  removePack,
  setPackTurnedOff,
} from '../store/packs';
import { type RequestContext, RequestError, type RequestHandlers } from './request-context';

/** The requests about context packs. */
export type PackRequest = 'packs.load' | 'packs.remove' | 'packs.turnOff';

/** Handlers for the requests about context packs. */
export function createPackRequests(context: RequestContext): RequestHandlers<PackRequest> {
  const { deps, caches } = context;

  return {
    async 'packs.load'(payload) {
      const db = await deps.getDatabase();
      const installed = await installedPacks(db);
      const result = readPackFile(
        payload.text,
        installed.map((pack) => ({
          articleKey: pack.articleKey,
          packVersion: pack.packVersion,
          title: pack.article.title,
          headline: pack.article.recognise.headline,
        })),
      );
      if (!result.ok) return { status: 'refused', problem: result.problem };
      // The reader agreed to replace one edition; if another is there now, ask again.
      if (result.installedVersion !== payload.replaces) {
        return { status: 'changed', installedVersion: result.installedVersion };
      }
      // The name as shown in the list: without folders, and short.
      const fileName = payload.fileName.split(/[\\/]/).pop()?.trim().slice(0, 200) || 'pack file';
      const outcome = await installPack(db, result.pack, deps.now().toISOString(), {
        kind: 'file',
        fileName,
      });
      caches.packsChanged();
      if (outcome === 'unchanged') {
        return { status: 'changed', installedVersion: result.installedVersion };
      }
      return {
        status: outcome,
        articleKey: result.pack.article.id,
        title: result.pack.article.title,
        packVersion: result.pack.packVersion,
      };
    },

    async 'packs.remove'(payload) {
      const db = await deps.getDatabase();
      const stored = (await installedPacks(db)).find(
        (pack) => pack.articleKey === payload.articleKey,
      );
      if (!stored) throw new RequestError(t('error_pack_gone'));
      if (originOf(stored).kind === 'bundled') {
        throw new RequestError(t('error_pack_bundled'));
      }
      await removePack(db, payload.articleKey);
      const bundled = deps.bundledPacks?.find((pack) => pack.article.id === payload.articleKey);
      if (bundled) await installPack(db, bundled, deps.now().toISOString());
      caches.packsChanged();
      return { restoredBundledVersion: bundled?.packVersion ?? null };
    },

    async 'packs.turnOff'(payload) {
      const db = await deps.getDatabase();
      if (!(await setPackTurnedOff(db, payload.articleKey, payload.off))) {
        throw new RequestError(t('error_pack_gone'));
      }
      caches.packsChanged();
      return null;
    },
  };
}
