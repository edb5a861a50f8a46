/**
 * Loads the bundled context packs into the database on install, on update and at start-up.
 * A pack that fails validation is refused with a clear message (extension log and popup) and
 * the last good data stays; personal notes are never touched.
 */
import type { ContextPack } from '../packs/types';
import type { CounterpointDatabase } from '../store/db';
import { installPack, PACK_PROBLEMS_KEY, setMeta } from '../store/packs';

/** The outcome of seeding, for the log and the tests. */
export interface SeedReport {
  installed: string[];
  unchanged: string[];
  problems: string[];
}

/** Installs every valid pack; records every problem. Never throws. */
export async function seedPacks(
  db: CounterpointDatabase,
  loaded: { packs: readonly ContextPack[]; errors: readonly string[] },
  now: string,
): Promise<SeedReport> {
  const report: SeedReport = { installed: [], unchanged: [], problems: [...loaded.errors] };
  for (const pack of loaded.packs) {
    try {
      const outcome = await installPack(db, pack, now);
      (outcome === 'unchanged' ? report.unchanged : report.installed).push(pack.article.id);
    } catch (error) {
      report.problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  for (const problem of report.problems) console.error(`Counterpoint: ${problem}`);
  try {
    await setMeta(db, PACK_PROBLEMS_KEY, report.problems);
  } catch {
    // Recording the problem is best effort; it has been logged above.
  }
  return report;
}
