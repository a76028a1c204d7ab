import type { UnitRole } from '../model/schema.js';
import { fold } from '../normalize/text.js';
import { unitScore } from '../normalize/units.js';

/**
 * A 责任清单 arranged by department: "一、市发展改革委(5项)" heads the tasks that unit owes,
 * and a "(一)牵头任务" / "(二)配合任务" subheading says in which role. Each task's own
 * bracket then holds only its deadline, or the other units and the deadline.
 */
export type Owner = { name: string; role: UnitRole; rank: number };

// A unit's name opens with its level or a body's own name, never with a verb such as 夯实
// (二、夯实基层党组织 ends like a unit but heads a topic).
const NAMED_BODY = /^(?:[省市县区州旗盟乡镇]|各|中国|中共|国家|国网|团|共青团)/;
const TOPIC_TAIL = /(?:要求|工作|任务|措施|目标|机制|建设|保障|发展|事项|重点)$/;
const COUNT_TAIL = /\s*\(\s*\d+\s*项\s*\)\s*$/;
const LEAD_HEADING = /^(?:牵头|主办|主责)(?:任务|事项|工作)$/;
const SHARE_HEADING = /^(?:配合|协办|参与|协同)(?:任务|事项|工作)$/;

/** The unit a heading names, its count of tasks left off; null for a heading of a topic. */
export function ownerName(rest: string): string | null {
  const f = fold(rest).trim();
  const name = f.replace(COUNT_TAIL, '');
  if (name.length < 3 || name.length > 30 || /[,;。:]/.test(name) || !NAMED_BODY.test(name) || TOPIC_TAIL.test(name)) return null;
  return unitScore(name) >= 0.6 ? rest.trim().slice(0, name.length) : null;
}

/** The role a subheading gives the owner: 牵头任务 lead, 配合任务 implementing; null otherwise. */
export function ownerRole(rest: string): UnitRole | null {
  const f = fold(rest).replace(/\s/g, '');
  return LEAD_HEADING.test(f) ? 'lead' : SHARE_HEADING.test(f) ? 'implementing' : null;
}
