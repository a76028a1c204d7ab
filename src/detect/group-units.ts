import type { Line } from '../read/blocks.js';
import { fold } from '../normalize/text.js';
import { numbering, RANK } from './numbering.js';
import { trailingClause } from './clause.js';

/**
 * Units given once for a group: "(一)扩大优质学前教育资源(牵头单位:区教育局)" over items 1. 2. 3.
 * that each owe the work, some adding units of their own. The same shape also prints one
 * task as a headline with sub-points, so a heading's clause goes to the items below it only
 * when the notice says so in a note, or when an item below names units of its own.
 */
const GROUP_NOTE = /(?:标题|类别|分类)[^。]{0,8}括号内[^。]{0,20}单位|括号内[^。]{0,12}单位[^。]{0,30}(?:各项|以下|所属)任务/;

export function hasGroupNote(lines: Line[]): boolean {
  return lines.some((l) => l.text.includes('括号') && GROUP_NOTE.test(fold(l.text)));
}

/** Whether the heading at line i, of this rank, hands its clause down to numbered items below it. */
export function handsDown(lines: Line[], i: number, rank: number, note: boolean): boolean {
  let below = 0;
  for (let j = i + 1; j < lines.length; j++) {
    const n = numbering(lines[j].text);
    if (!n) continue;
    if (RANK[n.kind] <= rank) break;
    below++;
    if (!note && trailingClause(n.rest)) return true;
  }
  return note && below > 0;
}

// "具体任务另行标明责任单位的,由标明的单位负责": an item's own units replace the group's.
const OWN_REPLACES = /另行(?:标明|注明|列明)[^。]{0,8}的?,?由(?:标明|注明|列明)的?(?:单位)?负责|以(?:具体)?任务(?:后|中)?(?:标明|注明)的?(?:单位)?为准/;

export function ownUnitsReplace(lines: Line[]): boolean {
  return lines.some((l) => (l.text.includes('另行') || l.text.includes('为准')) && OWN_REPLACES.test(fold(l.text)));
}
