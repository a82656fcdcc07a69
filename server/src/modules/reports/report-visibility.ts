import type { EntityManager } from 'typeorm';
import type { DataVersion } from '../../common/db/data-version.js';
import { selectNextPublicFrom } from './reports.queries.js';

/**
 * The instant at which the public reads weekly reports (and what hangs on them: replies, exports): now. The data
 * version is set to move when the next embargo ends, so that an answer cached now cannot outlive it.
 */
export async function publicNow(db: EntityManager, dataVersion: DataVersion): Promise<Date> {
  const now = new Date();
  const next = await selectNextPublicFrom(db, now);
  if (next) dataVersion.movesAt(next);
  return now;
}
