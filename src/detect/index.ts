import type { Block } from '../read/blocks.js';
import type { RawList } from './types.js';
import { detectCellStream } from './cell-stream.js';
import { detectGrids } from './grid.js';
import { detectInlineLists } from './inline-list.js';

/**
 * Every task list in the blocks, in document order. Table strategies run first; the
 * inline strategy then reads only the lines no table claimed.
 */
export function detectLists(blocks: Block[]): RawList[] {
  const tables = [...detectGrids(blocks), ...detectCellStream(blocks)];
  // A set of covered lines, not a scan of every table for every line: a file of notices
  // back to back holds thousands of tables, and that scan grew with their product.
  const covered = new Set<number>();
  for (const t of tables) for (let l = t.from; l <= t.to; l++) covered.add(l);
  const taken = (line: number) => covered.has(line);
  const inline = detectInlineLists(blocks, taken);
  return [...tables, ...inline].sort((a, b) => a.from - b.from);
}
