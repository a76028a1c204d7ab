import { createHash } from 'node:crypto';
import { UsageError } from '../report.js';

export type Shard = { index: number; count: number };

/** "--shard 2/4" → the second of four slices (1-based, as people count machines). */
export function parseShard(value: string | undefined): Shard | null {
  if (value === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index >= 1 && index <= count)) throw new UsageError(`--shard must be I/N with 1 ≤ I ≤ N, e.g. 1/4 (got "${value}")`);
  return { index, count };
}

/**
 * Whether an input belongs to a shard. The slice is chosen by a hash of the relative path, not by
 * position, so every machine picks the same files from the same corpus without talking to the
 * others, and adding a file does not move the rest between shards.
 */
export function inShard(rel: string, shard: Shard | null): boolean {
  if (!shard) return true;
  const h = createHash('sha256').update(rel).digest().readUInt32BE(0);
  return h % shard.count === shard.index - 1;
}
