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
  const covered = coveredLines(tables);
  const inline = detectInlineLists(blocks, (line) => covered.has(line));
  return [...tables, ...inline].sort((a, b) => a.from - b.from);
}

/**
 * The source lines the lists span, as a set rather than a scan of every list for every
 * line: a file of notices back to back holds thousands of lists.
 */
export function coveredLines(lists: RawList[]): Set<number> {
  const covered = new Set<number>();
  for (const t of lists) for (let l = t.from; l <= t.to; l++) covered.add(l);
  return covered;
}
