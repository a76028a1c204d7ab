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
  const taken = (line: number) => tables.some((t) => line >= t.from && line <= t.to);
  const inline = detectInlineLists(blocks, taken);
  return [...tables, ...inline].sort((a, b) => a.from - b.from);
}
