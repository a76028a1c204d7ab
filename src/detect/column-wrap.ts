import type { Cell } from '../read/blocks.js';
import type { Row } from './table-rows.js';
import { fold, displayWidth } from '../normalize/text.js';
import { namesPeople } from '../normalize/units.js';

/**
 * A table copied out of a PDF (a text with page numbers between its pages) keeps each
 * cell's lines as the page printed them: a cell wider than its column breaks mid-word
 * ("市自然资源和规划" / "局、市生态环境局"), and its lines are taken for cells of their
 * own. Such a table is told by its many lines that stop mid-word, most of them at the one
 * width their column allows; each such line is joined with the next line of its row.
 */
export function joinColumnWraps(rows: Row[]): Row[] {
  const lines = rows.flatMap((r) => r.cells).filter((c) => c.text.trim() !== '');
  const cut = lines.filter((c) => stopsMidWord(c.text));
  if (cut.length < 6 || cut.length * 10 < lines.length * 3 || !atOneWidth(cut)) return rows;
  return rows.map((r) => ({ ...r, cells: joinCut(r.cells) }));
}

// A line ends a cell on a stop, a closing bracket or quote, a unit's last character, a role
// word's (配合, 负责, 牵头) or a deadline's (前, 底, 年, 推进, 常态化…); anything else breaks
// off in the middle.
const ENDS_CELL = /[。;!?)\]】」』”》局委办厅院部心府处室会队所站司行社校馆团盟组位关门构体台园合责实头与前底年月日度内止间进持化]$/;

function stopsMidWord(text: string): boolean {
  const t = fold(text).trim();
  // A figure (98.6, 12%), a phone number or a person's name is a whole cell.
  return t.length >= 2 && !ENDS_CELL.test(t) && !/^[\d\s.,%()\-—–]+$/.test(t) && !namesPeople(t);
}

/** Most lines that stop mid-word share their width (±1): they ran to the column's edge. */
function atOneWidth(cut: Cell[]): boolean {
  const count = new Map<number, number>();
  for (const c of cut) {
    const w = displayWidth(c.text.trim());
    for (const k of [w, w + 1]) count.set(k, (count.get(k) ?? 0) + 1);
  }
  return Math.max(...count.values()) * 5 >= cut.length * 2;
}

/** Each cut line with the lines after it, up to one that ends its cell: judged piece by piece. */
function joinCut(cells: Cell[]): Cell[] {
  const out: { cell: Cell; pieces: string[] }[] = [];
  let open = false;
  for (const c of cells) {
    const piece = c.text.trim();
    if (open && piece !== '') out[out.length - 1].pieces.push(piece);
    else out.push({ cell: c, pieces: [c.text] });
    open = stopsMidWord(piece === '' ? c.text : piece);
  }
  return out.map(({ cell, pieces }) => (pieces.length === 1 ? cell : { ...cell, text: pieces.join('') }));
}
