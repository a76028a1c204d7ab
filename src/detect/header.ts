import { fold } from '../normalize/text.js';

/**
 * What a task table's column holds, read from its header. Header words vary by city and
 * year, so each role is recognised by the words that carry it, not by a fixed header.
 */
export type ColumnRole = 'seq' | 'category' | 'text' | 'target' | 'lead' | 'implementing' | 'cooperating' | 'units' | 'deadline' | 'leader' | 'note';

const ROLE_WORDS: [ColumnRole, RegExp][] = [
  ['seq', /^(序号|编号|序|号|项次)$/],
  ['leader', /(责任|分管|牵头|联系)(市|县|区)?领导|责任人|联系人/],
  // Who supervises the task and how (督办单位, 督办方式, 督查要求): the office that follows it up, not one that does it.
  ['note', /^(?:督办|督查|督导|督促|监督|考核|调度)(?:单位|部门|方式|形式|要求|频次|频率|措施|责任人)?$/],
  ['cooperating', /配合|协办|协同|参与|协助/],
  ['lead', /牵头/],
  ['implementing', /落实单位|责任单位|责任部门|承办单位|实施单位|主办单位|责任主体|落实部门|负责单位|执行单位|完成单位|主责单位|科室|处室/],
  ['units', /^(单位|部门)$|单位$/],
  ['deadline', /时限|时间|进度|时序|节点|期限|完成时|截止|日期/],
  // An indicator's target value (2024年目标值: 6%以上) completes the indicator named beside it.
  ['target', /目标值|指标值|预期值|预期目标|^\d{4}年度?目标$/],
  // A milestone's goal (阶段目标) stands beside its date: it describes the deadline, not the task.
  ['note', /阶段性?目标|阶段任务|节点目标|进度目标|形象进度/],
  // 投资 names a column only as an amount (总投资, 投资额); "扩大有效投资" is a category's value.
  ['note', /备注|说明|^属性$|指标属性|完成情况|进展情况|评分|分值|考核|电话|联系方式|手机|邮箱|^(?:总|计划|年度)?投资(?:额|总额|规模)?$|金额|资金|预算|万元/],
  ['text', /具体|要求|措施|内容|任务|事项|工作|目标|举措|指标|项目|名称|标准|类别|领域|方面|重点/],
];

// A scraped header cell sometimes loses its tail ("工 作 任" for 工作任务); a prefix of a
// known header word still tells the role.
const KNOWN = ['序号', '工作任务', '任务内容', '具体要求', '主要内容', '工作要求', '工作措施', '具体措施', '重点任务', '责任单位', '牵头单位', '配合单位', '落实单位', '完成时限', '时限要求', '时间进度', '时间节点', '完成时间', '责任领导', '备注'];

export function columnRole(header: string): ColumnRole | null {
  // "责任单位:市财政局" is a labelled line with its value, never a column header.
  // A note in brackets ("责任单位(第一个为牵头单位)") says how to read the cells, not what they hold.
  const f = fold(header).replace(/\([^()]*\)\s*$/, '');
  if (/:\s*\S/.test(f)) return null;
  const h = f.replace(/[\s:]/g, '');
  if (h === '' || h.length > 14) return null;
  // A unit cell ("市环保局牵头," "市住建局、市水利局配合") carries role words too, but names
  // units: a level prefix, a list, or a unit suffix.
  if (/[、,;]/.test(h) || /^[省市县区镇乡]/.test(h) || /(局|委|厅|政府|办公室|中心)$/.test(h)) return null;
  for (const [role, re] of ROLE_WORDS) if (re.test(h)) return role;
  const whole = KNOWN.find((k) => h.length >= 2 && k.startsWith(h));
  return whole ? columnRole(whole) : null;
}

/**
 * Roles of a whole header. Of several prose columns the last holds the task text and the
 * earlier ones are categories (merged cells such as 内容 / 重点任务 over 具体要求).
 */
export function headerRoles(headers: string[]): ColumnRole[] | null {
  const roles = headers.map((h) => columnRole(h));
  const unknown = roles.filter((r) => r === null).length;
  // A column no word names (办理方式, 责任科室) beside 序号, the task and its units is one more
  // column of notes; without those three, an unknown column means this is no task header.
  const anchored = roles.includes('seq') && roles.includes('text') && roles.some((r) => r === 'lead' || r === 'implementing');
  if (unknown > (anchored ? Math.floor(headers.length / 4) : 0)) return null;
  const rs = roles.map((r) => r ?? 'note');
  const known = rs.filter((r) => r !== 'text' && r !== 'note').length;
  const unitish = rs.some((r) => r === 'lead' || r === 'implementing' || r === 'units' || r === 'cooperating');
  if (!unitish || known < 1 || rs.length < 2) return null;
  // Units with neither work nor a deadline beside them (单位 / 联系人 / 联系电话) are a contact list.
  if (!rs.some((r) => r === 'text' || r === 'deadline')) return null;
  const lastText = rs.lastIndexOf('text');
  return rs.map((r, i) => (r === 'text' && i !== lastText ? 'category' : r));
}

const SPECIFIC_UNITS = new Set<ColumnRole>(['lead', 'cooperating']);

/**
 * A two-row header flattened to one cell per line puts the sub-headers last: 序号 / 工作任务 /
 * 责任单位 / 完成时限 / 牵头单位 / 配合单位, where 责任单位 spans the last two. The sub-headers
 * then take the spanning header's place.
 */
export function unspan(roles: ColumnRole[]): ColumnRole[] {
  let tail = roles.length;
  while (tail > 0 && SPECIFIC_UNITS.has(roles[tail - 1])) tail--;
  const subs = roles.slice(tail);
  const span = roles.findIndex((r) => r === 'implementing' || r === 'units');
  if (subs.length < 2 || span < 0 || span >= tail - 1) return roles;
  return [...roles.slice(0, span), ...subs, ...roles.slice(span + 1, tail)];
}
