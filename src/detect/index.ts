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
  const report = reportsProgress(blocks);
  const tables = [...detectGrids(blocks), ...detectCellStream(blocks)].filter((t) => !statistical(t) && !(report && t.columns.some((c) => PROGRESS.test(c))));
  const covered = coveredLines(tables);
  const inline = detectInlineLists(blocks, (line) => covered.has(line), report);
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

const FIGURE = /^[\s\d.,%‰+\-()（）]+$/;

/**
 * A table of figures (a ranking of units by cases handled and scores) has the shape of a
 * task table, 序号 and 单位 included, but its rows hold a name and numbers where a task
 * table holds a sentence.
 */
function statistical(list: RawList): boolean {
  const figures = list.tasks.filter((t) => {
    const cells = t.text.split('\n');
    const numbers = cells.filter((c) => FIGURE.test(c)).length;
    return numbers >= 2 && numbers * 2 >= cells.length;
  }).length;
  return figures * 2 > list.tasks.length;
}

const PROGRESS = /完成情况|进展情况|推进情况|进度情况|落实情况/;

/**
 * A 督查通报 reports how tasks handed out earlier are going: its table has the task, the
 * unit and the deadline of a task list, plus a column of progress. A notice that hands
 * tasks out (关于印发…) may keep such a column for later; a report never hands tasks out.
 */
function reportsProgress(blocks: Block[]): boolean {
  const head = blocks.slice(0, 40).flatMap((b) => (b.kind === 'line' ? [b.text] : []));
  // A document cited by name (紧紧围绕《…关于印发…的通知》) is not this one handing tasks out.
  const own = head.map((t) => t.replace(/《[^》]*》/g, ''));
  return own.some((t) => /(?:通报|报告)$/.test(t.trim()) && /关于/.test(t)) && !own.some((t) => /印发/.test(t));
}
