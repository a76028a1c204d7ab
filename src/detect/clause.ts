import { fold, isSpaceCode, splitFolded } from '../normalize/text.js';
import { unitScore, parseUnits, endsLikeUnit } from '../normalize/units.js';
import { looksLikeDeadline } from '../normalize/deadlines.js';
import type { UnitSource } from './types.js';
import type { UnitRole } from '../model/schema.js';

/**
 * +1 for a bracket that opens a group ( [ 【 〔, full-width ones too; -1 for one that closes
 * it; else 0. One rule for every scan that counts brackets over clauses and lines.
 */
export function bracketStep(c: number): number {
  switch (c) {
    case 0x28: case 0xff08: case 0x5b: case 0xff3b: case 0x3010: case 0x3014: return 1;
    case 0x29: case 0xff09: case 0x5d: case 0xff3d: case 0x3011: case 0x3015: return -1;
    default: return 0;
  }
}

const ROLE = /牵头|负责|落实|配合|责任单位|责任主体|责任部门|牵头单位|配合单位|协办|参与单位|承办/;
// The labels a deadline goes by (完成时限:, 办结时限:, 时间节点:).
const DEADLINE_WORDS = '完成时限|完成时间|办结时限|办结时间|时限要求|时间要求|时间节点|完成期限|截止时间|时限|时间|进度安排';
const DEADLINE_LABEL = new RegExp(`^(${DEADLINE_WORDS})\\s*[::]\\s*`);
// The same label after spaces, tried at one index (sticky) so the rest is not copied to test it.
const DEADLINE_LABEL_AT = new RegExp(`\\s*(?:${DEADLINE_WORDS})\\s*[::]`, 'y');
const UNIT_LABEL = /^(牵头单位|牵头部门|责任单位|责任部门|责任主体|落实单位|配合单位|配合部门|协办单位|参与单位|协同单位)\s*[::]/;

function labelAt(f: string, i: number): boolean {
  DEADLINE_LABEL_AT.lastIndex = i;
  return DEADLINE_LABEL_AT.test(f);
}

export type Clause = { body: string; units: UnitSource[]; deadlines: string[] };
type Parts = { units: UnitSource[]; deadlines: string[] };

/** One clause of a body and the units and deadlines of several parts, in their order. */
export function clauseOf(body: string, ...parts: Parts[]): Clause {
  return { body, units: parts.flatMap((p) => p.units), deadlines: parts.flatMap((p) => p.deadlines) };
}

const BRACKET_LABELS = '牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|完成时限|完成时间|时限要求';
// Matched on the folded text for the position, and on the printed text to rewrite it.
const BRACKETED_LABEL = new RegExp(`\\((?:${BRACKET_LABELS})\\)`);
const BRACKETED_LABEL_G = new RegExp(`[(（](${BRACKET_LABELS})[)）]`, 'g');
const LEADING_LABEL = /^\s*(牵头单位|牵头部门|责任单位|责任部门)\s*:\s*([^\s,;。]{2,40}?)(?:\s+|[;,])/d;

/**
 * "牵头单位:市卫健委 全面推进…(配合单位:…)": a label naming a unit before the item's text.
 * The body keeps the text after it; the unit joins the clause's units.
 */
export function withLeadingLabel(clause: Clause): Clause {
  const m = LEADING_LABEL.exec(fold(clause.body));
  if (!m) return clause;
  const unit = clause.body.slice(...m.indices![2]);
  const role = /牵头/.test(m[1]) ? 'lead' : 'implementing';
  return { ...clause, body: clause.body.slice(m[0].length), units: [{ text: unit, role }, ...clause.units] };
}

/**
 * Splits a clause's inside into unit text and deadlines (完成时限:…, or a segment that reads
 * as a deadline such as 持续推进 or 2018年底前完成). Unit segments keep their separators,
 * which the unit parser reads roles across.
 */
export function splitClauseBody(inner: string): { units: UnitSource[]; deadlines: string[] } {
  const f = fold(inner);
  const deadlines: string[] = [];
  let units = '';
  let start = 0;
  for (let end = 0; end <= f.length; end++) {
    const c = f.charCodeAt(end);
    // "责任单位:X 完成时限:Y": a space before a deadline label separates too, and so does a
    // 。 ending the units before their date ("…按职责分工负责。2023年底前").
    if (end < f.length && c !== 0x3b && c !== 0x2c && c !== 0x3002 && !(isSpaceCode(c) && labelAt(f, end + 1))) continue;
    const seg = inner.slice(start, end).trim();
    const label = DEADLINE_LABEL.exec(fold(seg));
    if (label) deadlines.push(seg.slice(label[0].length));
    else if (seg && looksLikeDeadline(seg) && !ROLE.test(fold(seg))) deadlines.push(seg);
    else units += inner.slice(start, end + 1);
    start = end + 1;
  }
  units = units.replace(/(?<![\s,,;;])[\s,,;;]+$/, '');
  return { units: units ? [{ text: units, role: 'implementing' }] : [], deadlines };
}

/**
 * A bracket's inside as a unit clause: its units and deadlines, or null when it is some
 * other aside. The units part is judged alone: "(市住建局牵头,2024年6月底前完成)" qualifies.
 */
function clauseParts(inner: string): { units: UnitSource[]; deadlines: string[] } | null {
  const f = fold(inner);
  if (f.length < 2 || f.length > 300) return null;
  // Asides that name a unit without assigning it anything: (设在市工信局), (联系电话…).
  if (/^(以下简称|简称|试行|含|包括|如|即|暂行|草案|征求意见稿|设在|设于|挂靠|位于|地址|联系|电话)/.test(f) || /[〔〕]|\d{4}〕|号$/.test(f)) return null;
  const parts = splitClauseBody(inner);
  const units = parts.units.map((u) => u.text).join(';');
  if (!units) return null;
  const labelled = UNIT_LABEL.test(f);
  const reads = labelled || ROLE.test(f) ? labelled || unitScore(units) >= 0.3 : unitScore(units) >= 0.6;
  return reads ? parts : null;
}

/**
 * The unit clause closing an item: a bracketed group at the end ("…(X牵头,Y落实)。",
 * "[责任单位:X、Y]", "〔牵头单位:X;完成时限:6月底前〕"), or a bare label after the last
 * sentence ("…。责任单位:X、Y"). Brackets nest: 各乡镇(街道) inside [责任单位:…].
 */
export function trailingClause(text: string, depth = 0): Clause | null {
  // Tail patterns here start only at the start of a run (lookbehind), so a long run of
  // spaces or commas inside the text is not rescanned from each of its characters.
  const f = fold(text).replace(/(?<![\s。;,.])[\s。;,.]+$/, '');
  const t = text.slice(0, f.length);
  const last = f[f.length - 1];
  if (last && bracketStep(last.charCodeAt(0)) < 0) {
    const open = openingOf(f);
    if (open < 0) return null;
    const inner = t.slice(open + 1, -1);
    const parts = clauseParts(inner);
    if (parts) {
      const body = t.slice(0, f.slice(0, open).replace(/(?<![\s,;])[\s,;]+$/, '').length);
      // "【牵头单位:X】【责任单位:Y】", "(完成时限:Z)【责任单位:Y】": labelled brackets in a row make one clause.
      const before = labelled(inner) ? labelledChain(body) : null;
      if (before) return clauseOf(before.body, before, parts);
      return clauseOf(body, midClauses(body), parts);
    }
    // "…(市财政局负责)(2021年底前)": a deadline in brackets of its own after the unit clause
    // (two or three such brackets at most: a line of thousands would nest as deep).
    if (!looksLikeDeadline(inner) || depth >= 3) return null;
    const before = trailingClause(text.slice(0, open), depth + 1);
    return before && before.units.length ? { ...before, deadlines: [...before.deadlines, inner] } : null;
  }
  // "…。——市住建局牵头,市城管局配合;10月1日前": the units after a dash, as a note explains.
  const dash = f.lastIndexOf('——');
  const dashed = dash > 0 ? clauseParts(t.slice(dash + 2)) : null;
  if (dashed) return { body: t.slice(0, dash).trim(), ...dashed };
  // "…。(牵头单位)市商务局(责任单位)市财政局(完成时限)年底": bracketed labels, values outside.
  const label = f.search(BRACKETED_LABEL);
  if (label > 0) return { body: t.slice(0, label).trim(), ...splitClauseBody(t.slice(label).replace(BRACKETED_LABEL_G, (_, name: string) => `;${name}:`).replace(/^;/, '')) };
  const m = /(?:^|[。;,])\s*((?:牵头单位|责任单位|责任部门|责任主体|牵头部门)\s*:[^。]*)$/.exec(f);
  if (!m) return null;
  const start = f.length - m[1].length;
  return { body: t.slice(0, start).trim(), ...splitClauseBody(t.slice(start)) };
}

/**
 * Unit clauses closing a sentence inside an item that splits its work: "…巩固创建成果
 * (各区政府负责);推进病媒生物防制(市城管局负责)。" Only a bracket that assigns (a role
 * word or label) and ends its sentence counts, so asides such as (含开发区) stay text.
 */
function midClauses(body: string): { units: UnitSource[]; deadlines: string[] } {
  const f = fold(body);
  const units: UnitSource[] = [];
  const deadlines: string[] = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < f.length; i++) {
    const step = bracketStep(f.charCodeAt(i));
    if (step > 0 && depth++ === 0) open = i;
    else if (step < 0 && depth > 0 && --depth === 0 && /[;。,]/.test(f[i + 1] ?? '')) {
      const inner = f.slice(open + 1, i);
      const parts = ROLE.test(inner) ? clauseParts(body.slice(open + 1, i)) : null;
      if (parts) {
        units.push(...parts.units);
        deadlines.push(...parts.deadlines);
      }
    }
  }
  return { units, deadlines };
}

// "由市商务局牵头,会同市财政局、市税务局制定…": the units end where the work begins.
const SENTENCE_ROLES = /^由([^,;。()]{2,40}?)牵头\s*,?\s*(?:会同|联合|协同)([^,;。()]{2,80}?)(?=开展|制定|推进|建立|完善|实施|组织|落实|做好|研究|出台|编制|加强|推动|完成|建设|抓好|共同|,)/d;

/**
 * Roles stated in an item's own sentence instead of a clause. Read only for items of a list
 * whose other items carry clauses: a report says 由我局牵头,会同… as well.
 */
export function sentenceRoles(text: string): Clause | null {
  const m = SENTENCE_ROLES.exec(fold(text));
  if (!m) return null;
  // Folding keeps positions, so the groups' indices slice the text as printed.
  const lead = text.slice(...m.indices![1]);
  const others = text.slice(...m.indices![2]);
  if (unitScore(lead) < 0.5) return null;
  return { body: text, units: [{ text: lead, role: 'lead' }, { text: others, role: 'implementing' }], deadlines: [] };
}

/**
 * A unit clause opening an item instead of closing it: "1.【县法制办、县政府办】推行…", as
 * notices print them when the preamble says 方括号内为责任单位, or "(一)市民政局:推进…" (only
 * after a number: a page's unnumbered "解读人:市发改委副主任…" is a field). The item may still
 * close on a bracket of its own deadline.
 */
export function leadingClause(text: string, numbered: boolean): Clause | null {
  const lead = bracketLead(text, numbered) ?? (numbered ? colonLead(text) : null);
  if (!lead) return null;
  const tail = deadlineTail(lead.body);
  return clauseOf(tail.body, lead, tail);
}

/**
 * "【市财政局牵头】推进…", and after a number "1.(市农牧局牵头,…;2024年10月底前)实施…": the
 * clause before the text. A round bracket opens a clause only if it names a role, so that
 * "(试行)" or "(含…)" at a sentence's start stays text.
 */
function bracketLead(text: string, numbered: boolean): Clause | null {
  const f = fold(text);
  const round = f[0] === '(' && numbered;
  if (f[0] !== '【' && f[0] !== '[' && !round) return null;
  let depth = 0;
  for (let i = 0; i < f.length; i++) {
    const step = bracketStep(f.charCodeAt(i));
    if (step > 0) depth++;
    else if (step < 0 && --depth === 0) {
      const body = text.slice(i + 1).trim();
      if (round && !ROLE.test(f.slice(1, i))) return null;
      const parts = body ? clauseParts(text.slice(1, i)) : null;
      return parts ? { body, ...parts } : null;
    }
  }
  return null;
}

// Units before a colon, with no sentence stop or bracket among them: the first colon ends them.
const COLON_LEAD = /^([^:。;()]{2,60}):(?=\S)/;

/** "市住建局牵头,市民政局配合:实施…": only names of units (and roles) before the colon count. */
function colonLead(text: string): Clause | null {
  const m = COLON_LEAD.exec(fold(text));
  if (!m || LABEL_OPENS.test(m[0]) || DEADLINE_LABEL.test(m[0])) return null;
  const parts = clauseParts(text.slice(0, m[1].length));
  // "市场监管:加强…", "农村地区:推进…" name a topic: every name before the colon must end as a unit's does.
  const names = parseUnits(text.slice(0, m[1].length)).units;
  const units = names.length > 0 && names.every((u) => endsLikeUnit(u.name));
  return parts && units && parts.deadlines.length === 0 && unitScore(m[1]) >= 0.6 ? { body: text.slice(m[0].length).trim(), ...parts } : null;
}

/**
 * "…完成改造。(2022年6月底前)": an item whose units are given elsewhere (before its text, by
 * its heading or its department) closes on a bracket that holds only its deadline, and may
 * name more units mid-sentence: "…建设(配合单位:市交通运输局),力争…".
 */
export function deadlineTail(body: string): Clause {
  const f = fold(body).replace(/[。;.\s]+$/, '');
  if (f.endsWith(')')) {
    const open = openingOf(f);
    const inner = body.slice(open + 1, f.length - 1);
    if (open > 0 && looksLikeDeadline(inner)) {
      const text = body.slice(0, open);
      return clauseOf(text, midClauses(text), splitClauseBody(inner));
    }
  }
  return { body, ...midClauses(body) };
}

const labelled = (inner: string) => {
  const f = fold(inner);
  return UNIT_LABEL.test(f) || DEADLINE_LABEL.test(f);
};

/**
 * The labelled brackets closing the text, read back to the first that is not labelled;
 * null for none. A loop over one folding of the text: a line of thousands of brackets
 * costs each bracket once.
 */
function labelledChain(text: string): Clause | null {
  const f = fold(text);
  const groups: Parts[] = [];
  let end = f.trimEnd().length;
  while (end > 0 && bracketStep(f.charCodeAt(end - 1)) < 0) {
    const open = openingOf(f, end);
    const inner = text.slice(open + 1, end - 1);
    if (open < 0 || !labelled(inner)) break;
    groups.unshift(splitClauseBody(inner));
    end = f.slice(0, open).trimEnd().length;
  }
  return groups.length === 0 ? null : clauseOf(text.slice(0, end), ...groups);
}

/** Index of the bracket that opens the group closing the (folded) text before `end`; brackets nest. */
function openingOf(f: string, end = f.length): number {
  let depth = 0;
  for (let i = end - 1; i >= 0; i--) {
    const step = bracketStep(f.charCodeAt(i));
    if (step < 0) depth++;
    else if (step > 0 && --depth === 0) return i;
  }
  return -1;
}

// Longest first: 牵头单位 before the short 【牵头】/牵头: forms, 责任单位(牵头) before 责任单位.
const LABELS = '责任单位\\((?:牵头|配合)\\)|牵头单位|牵头部门|责任单位|责任部门|责任主体|落实单位|配合单位|配合部门|协办单位|参与单位|协同单位|主要负责|协同负责|配合负责|完成时限|完成时间|办结时限|办结时间|截止时间|时限要求|时间要求|时间节点|完成期限|进度安排|责任领导|分管领导|牵头领导|分管市领导|分管县领导|分管区领导|联系市领导|联系县领导|责任人|牵头|配合|协办|时限';
// A label opens the line or follows a space or ;: "牵头单位:X 责任单位:Y 完成时限:Z" or "【牵头单位】X".
const LABEL_AT = new RegExp(`(?<=^|[\\s;,。])(?:[【\\[](${LABELS})[】\\]]\\s*:?|(${LABELS})\\s*:)`, 'g');
// Whether a label opens the line: most lines are checked and turned down, and only this
// anchored test is needed for that, not a search of the whole line for every label.
const LABEL_OPENS = new RegExp(`^(?:[【\\[](?:${LABELS})[】\\]]|(?:${LABELS})\\s*:)`);

/**
 * A line of labels and their values after an item: 牵头单位:X / 责任单位:Y / 完成时限:Z, one
 * per line or several on one line. Null unless the line opens with a label.
 */
export function labelledLine(text: string): { units: UnitSource[]; deadlines: string[]; dangling?: UnitSource['role'] | 'deadlines' } | null {
  const f = fold(text);
  if (!LABEL_OPENS.test(f)) return null;
  const found = [...f.matchAll(LABEL_AT)];
  if (found.length === 0 || found[0].index !== 0) return null;
  const units: UnitSource[] = [];
  const deadlines: string[] = [];
  let dangling: UnitSource['role'] | 'deadlines' | undefined;
  found.forEach((m, k) => {
    const label = m[1] ?? m[2];
    const value = text.slice(m.index + m[0].length, k + 1 < found.length ? found[k + 1].index : text.length).replace(/^[\s;,;,]+|[\s;,;,。]+$/g, '');
    // 责任领导:副市长 某某 names a person over the units, not a unit.
    if (/领导|责任人/.test(label)) return;
    const deadline = /时限|时间|期限|进度/.test(label);
    const role = /牵头|主要负责/.test(label) ? 'lead' : /配合|协办|参与|协同/.test(label) ? 'cooperating' : 'implementing';
    // "配合单位:" closing the line: its value was printed on the next line.
    if (!value) dangling = k === found.length - 1 ? (deadline ? 'deadlines' : role) : undefined;
    else if (deadline) deadlines.push(value);
    else units.push({ text: value, role });
  });
  return { units, deadlines, dangling };
}
