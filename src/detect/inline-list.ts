import type { Block, Line } from '../read/blocks.js';
import type { RawList, RawTask, UnitSource } from './types.js';
import { numbering, RANK, type Numbering } from './numbering.js';
import { SectionStack, isListTitle } from './sections.js';
import { trailingClause, leadingClause, labelledLine, sentenceRoles, withLeadingLabel, bracketStep, deadlineTail, clauseOf, type Clause } from './clause.js';
import { fold } from '../normalize/text.js';
import { looksLikeDeadline } from '../normalize/deadlines.js';
import { unitScore } from '../normalize/units.js';
import { ownerName, ownerRole, type Owner } from './owner.js';
import { hasGroupNote, handsDown, ownUnitsReplace } from './group-units.js';

const LOOKAHEAD = 3;
const MAX_HEADING = 60;

/** `points`: numbered sub-points printed between the item and its labelled lines. */
type Item = { clause: Clause; used: number; labelled: boolean; title?: string; prose?: boolean; points?: Line[] };

/** Labelled lines after an item: 牵头单位:X / 责任单位:Y / 完成时限:Z, one per line. */
const LIST_GOES_ON = /[、,，]\s*$/;
const MILESTONES_GO_ON = /[;；]\s*$/;
const MAX_WRAPS = 3;
// No item takes more labelled lines than this: a block of thousands of them is read from
// each of its lines in turn, and must not be read to its end each time.
const MAX_LABEL_LINES = 16;

/**
 * The labelled lines from line `from` on, and the lines they run onto: a unit list wrapped
 * after 、 ("配合单位:市工信局、" / "各县(市、区)人民政府"), a label whose value is on the next
 * line ("配合单位:" / "县农业农村局…"), milestones one per line after ;. `end` is the first
 * line that is none of these.
 */
function labelsFrom(lines: Line[], from: number): { units: UnitSource[]; deadlines: string[]; end: number } {
  const units: UnitSource[] = [];
  const deadlines: string[] = [];
  let j = from;
  let wraps = 0;
  let open: 'units' | 'deadlines' | UnitSource['role'] | null = null;
  for (; j < lines.length && j - from < MAX_LABEL_LINES; j++) {
    const text = lines[j].text;
    const l = labelledLine(text);
    if (!l && open && wraps < MAX_WRAPS && !numbering(text) && carries(open, text)) {
      const last = units[units.length - 1];
      if (open === 'deadlines') deadlines.push(text.trim());
      else if (open === 'units' && last) units[units.length - 1] = { ...last, text: last.text + text.trim() };
      else if (open !== 'units') units.push({ text: text.trim(), role: open });
      open = open === 'deadlines' ? (MILESTONES_GO_ON.test(text) ? open : null) : LIST_GOES_ON.test(text) ? 'units' : null;
      wraps++;
      continue;
    }
    if (!l) break;
    units.push(...l.units);
    deadlines.push(...l.deadlines);
    open = l.dangling ?? (l.units.length > 0 && LIST_GOES_ON.test(text) ? 'units' : l.deadlines.length > 0 && MILESTONES_GO_ON.test(text) ? 'deadlines' : null);
    wraps = 0;
  }
  return { units, deadlines, end: j };
}

/**
 * Whether an unlabelled line can be what a label left open: a milestone reads as a
 * deadline, a label's value on the next line as units; a wrapped unit list goes on as it is.
 * The paragraph after a list ("各责任单位要高度重视…") is neither.
 */
function carries(open: 'units' | 'deadlines' | UnitSource['role'], text: string): boolean {
  if (open === 'deadlines') return looksLikeDeadline(text);
  if (open === 'units') return true;
  return text.length <= 80 && !ASKS.test(text) && unitScore(text) >= 0.4;
}

// What a sentence asks of its units (各单位要…, 须于…前报送): no list of units says it.
const ASKS = /要|须|将|应当|报送|确保/;

function labelledAfter(lines: Line[], i: number, body: string): Item | null {
  const { units, deadlines, end } = labelsFrom(lines, i + 1);
  if (units.length === 0) return null;
  return { clause: { body, units, deadlines }, used: end - i, labelled: true };
}

const MAX_POINTS = 9;

/**
 * "(二)实施坡耕地治理。…" / "1．…;" "2．…;" / "主要负责:X;协同负责:Y": sub-points of a deeper
 * number between an item and its labelled lines, or the clause alone on its line
 * ("…重点抓好三项工作:" / "(1)…" "(2)…" / "(市工信局牵头,…配合)"). The labels or the clause
 * are the item's; the sub-points stay out of its text and are kept as its context.
 */
function pointsThenLabels(lines: Line[], i: number, num: Numbering, body: string): Item | null {
  // A heading ("一、持续推进重点区域治理") over items that carry labels is no item itself;
  // a line that announces its points ("…三项工作:") is.
  if (headingLike(body) && !/:\s*$/.test(fold(body))) return null;
  let j = i + 1;
  while (j < lines.length && j - i <= MAX_POINTS && RANK[numbering(lines[j].text)?.kind ?? 'part'] > RANK[num.kind]) j++;
  if (j === i + 1 || j >= lines.length) return null;
  const points = lines.slice(i + 1, j);
  const labels = labelledLine(lines[j].text);
  const alone = labels ? null : trailingClause(lines[j].text);
  const after: Item | null =
    alone && alone.body.trim() === '' && alone.units.length > 0
      ? { clause: { ...alone, body }, used: 2, labelled: false }
      : labels && labelledAfter(lines, j - 1, body);
  if (!after) return null;
  // "一、…体系。" / "(一)…" / labels / "(二)…" / labels: the labels are the last point's, each
  // point being an item of its own under a heading.
  const next = lines[j + after.used - 1];
  const pointRank = RANK[numbering(points[0].text)?.kind ?? 'part'];
  if (next && RANK[numbering(next.text)?.kind ?? 'part'] === pointRank) return null;
  return { ...after, used: j - i + after.used - 1, points };
}

/**
 * "27.加强执法(市生态环境局负责);" / "推进赔偿制度改革(市司法局负责)。": an item whose clause
 * ends on ; goes on in the next unnumbered line, with a clause of its own.
 */
function goesOnBelow(lines: Line[], i: number, item: Item, body: string): Item {
  const next = lines[i + 1];
  if (!/[;；]\s*$/.test(body) || !next || numbering(next.text) || labelledLine(next.text)) return item;
  const more = trailingClause(next.text);
  if (!more || more.units.length === 0) return item;
  return { ...item, used: 2, clause: clauseOf(`${item.clause.body}；${more.body}`, item.clause, more) };
}

/**
 * Labelled lines under an item that named its units in the line itself: "进度安排:一季度…",
 * "配合单位:…" / "完成时限:…" under "1.【县农业农村局牵头】…". They add to its clause.
 */
function labelsBelow(lines: Line[], i: number, item: Item): Item {
  const { units, deadlines, end } = labelsFrom(lines, i + item.used);
  if (units.length === 0 && deadlines.length === 0) return item;
  const clause = { ...item.clause, units: [...item.clause.units, ...units], deadlines: [...item.clause.deadlines, ...deadlines] };
  return { ...item, clause, used: end - i };
}

/** An item whose text runs over a few paragraphs before its unit clause. */
function continued(lines: Line[], i: number, body: string): Item | null {
  // A heading (short, no punctuation) is not the first paragraph of an item; a line with
  // commas inside or of a sentence's length is a sentence the scrape wrapped.
  const f = fold(body).trim();
  if (!/[。;:,]$/.test(f) && !/[,;。]/.test(f) && body.length <= MAX_HEADING) return titledAbove(lines, i, body);
  const parts = [body];
  for (let j = i + 1; j < lines.length && j <= i + LOOKAHEAD; j++) {
    const t = lines[j].text;
    if (numbering(t)) return null;
    // Paragraphs, then 牵头单位:/责任单位: lines: the labels close the item.
    if (labelledLine(t)) {
      const after = labelledAfter(lines, j - 1, parts.join('\n'));
      return after && { ...after, used: j - i + after.used - 1 };
    }
    // A clause alone on its line, "(责任单位:…)", names 责任 as a list title does.
    const clause = trailingClause(t);
    if (!clause && isListTitle(t)) return null;
    parts.push(t);
    if (clause) return { clause: { ...clause, body: [...parts.slice(0, -1), clause.body].filter(Boolean).join('\n') }, used: j - i + 1, labelled: false };
  }
  return null;
}

/**
 * "(一)建设阳光康养综合体" / "推进…项目建设,…。" / "(市发展改革委牵头,…;2023年12月底前)": a
 * title line, the paragraphs of its text, and the clause alone on the line after them.
 * A heading over sub-items or over paragraphs without such a clause is no item.
 */
function titledAbove(lines: Line[], i: number, title: string): Item | null {
  const parts: string[] = [];
  for (let j = i + 1; j < lines.length && j <= i + LOOKAHEAD; j++) {
    const t = lines[j].text;
    if (numbering(t) || labelledLine(t)) return null;
    // A clause alone on its line, "(责任单位:…)", names 责任 as a list title does.
    const clause = trailingClause(t);
    if (clause && clause.body.trim() === '') return parts.length > 0 ? { clause: { ...clause, body: parts.join('\n') }, used: j - i + 1, labelled: false, title: title.trim() } : null;
    if (clause || headingLike(t) || isListTitle(t)) return null;
    parts.push(t);
  }
  return null;
}

/**
 * "…。(牵头单位:市工信局" / "责任单位:各县(市、区)人民政府)": a clause the scrape broke over
 * lines runs on until its bracket closes.
 */
function unclosed(lines: Line[], i: number, body: string): { text: string; used: number } | null {
  let depth = 0;
  const count = (t: string) => {
    for (let k = 0; k < t.length; k++) depth += bracketStep(t.charCodeAt(k));
  };
  count(body);
  if (depth <= 0) return null;
  let text = body;
  for (let j = i + 1; j < lines.length && j <= i + LOOKAHEAD; j++) {
    if (numbering(lines[j].text)) return null;
    text += `\n${lines[j].text}`;
    count(lines[j].text);
    if (depth <= 0) return { text, used: j - i + 1 };
  }
  return null;
}

// The line of a task card that holds its text: 工作内容:… under the card's name.
const CONTENT_LABEL = /^\s*(?:工作内容|主要内容|任务内容|具体内容|督办内容|督查内容|事项内容|工作任务|主要任务|工作措施|具体措施|目标任务|工作目标|建设内容)\s*:\s*/;

/**
 * A task card: the numbered line is the task's name, a labelled line (工作内容:…, maybe
 * wrapped) its text, and labelled unit and deadline lines follow.
 */
function card(lines: Line[], i: number, name: string): Item | null {
  if (name.length > MAX_HEADING || /[。;]/.test(fold(name)) || i + 1 >= lines.length) return null;
  const label = CONTENT_LABEL.exec(fold(lines[i + 1].text));
  if (!label) return null;
  const parts = [lines[i + 1].text.slice(label[0].length)];
  let last = i + 1;
  while (last + 1 < lines.length && last - i <= LOOKAHEAD) {
    const t = lines[last + 1].text;
    if (labelledLine(t) || numbering(t) || CONTENT_LABEL.test(fold(t))) break;
    parts.push(t);
    last++;
  }
  const units = labelledAfter(lines, last, parts.join('\n'));
  return units && { ...units, used: last - i + units.used, title: name.trim() };
}

function itemAt(lines: Line[], i: number, num: Numbering | null, report: boolean, assigning = false): Item | null {
  const body = num ? num.rest : lines[i].text;
  const trailing = trailingClause(body);
  const clause = trailing ?? leadingClause(body, num !== null);
  // "1．市商务局：…任务进度滞后" reads the same in a 督查通报 as in a 责任清单: in a report,
  // units before a colon join a list that other items make, but make none on their own.
  const colon = report && !trailing && clause !== null && !/^[【[]/.test(fold(body).trim());
  // Without a number, a line must read as an assignment: "【相关链接】" alone assigns
  // nothing, and "…目标责任书(市直部门)" is a title naming whom the document concerns.
  if (clause && !num && (clause.body.trim() === '' || (!/[。;]$/.test(fold(clause.body).trim()) && !clause.units.some(assigns)))) return null;
  if (clause) return labelsBelow(lines, i, goesOnBelow(lines, i, { clause: withLeadingLabel(clause), used: 1, labelled: false, prose: colon || undefined }, body));
  const joined = unclosed(lines, i, body);
  const across = joined && trailingClause(joined.text);
  if (joined && across) return { clause: across, used: joined.used, labelled: false };
  const after = labelledAfter(lines, i, body) ?? (num ? card(lines, i, body) ?? continued(lines, i, body) ?? pointsThenLabels(lines, i, num, body) : null);
  if (after || !num) return after;
  // "一是扩大…20处(市民政局牵头,…;2025年10月底前)。对运营良好的机构…": the clause closes the
  // first sentence and the item goes on; in a list that says it divides tasks, that is its clause.
  const mid = assigning ? deadlineTail(body) : null;
  if (mid && mid.units.length > 0) return { clause: mid, used: 1, labelled: false };
  const roles = sentenceRoles(body);
  return roles && { clause: roles, used: 1, labelled: false, prose: true };
}

/**
 * Numbered items that each close with a unit clause or labelled lines, under numbered
 * headings; a short unnumbered heading naming a list (…工作要点, …责任分工) opens a new list.
 */
export function detectInlineLists(blocks: Block[], taken: (line: number) => boolean, report = false): RawList[] {
  const lines = splitShiParts(joinBareNumbers(blocks.filter((b): b is Line => b.kind === 'line' && !b.placeholder && !taken(b.line))));
  const lists: RawList[] = [];
  const stack = new SectionStack();
  let current: RawList = fresh(null, lines[0]?.line ?? 0);
  let labelled = false;
  // The lines under an item until the next item or a heading of its rank: paragraphs that
  // may be its text (when the item line was only its title) and sub-points 1. 2. 3.
  let open: { task: RawTask; rank: number; lines: Line[] } | null = null;
  const below = new Map<RawTask, Line[]>();
  const headed = headedAsTaskNotice(lines);
  // Items whose roles sit in their own sentence join a list but never make one.
  const prose = new Set<RawTask>();
  const itemRank = new Map<RawTask, number>();
  let owner: Owner | null = null;
  const note = hasGroupNote(lines);
  const replaces = ownUnitsReplace(lines);
  let group: { clause: Clause; rank: number } | null = null;
  // Numbered lines that are not items, by rank: a list whose items are outnumbered by their
  // unassigned peers is a report that names a unit now and then, not a task list.
  let unassigned = new Map<number, number>();
  // Numbered sentences without a clause between the items of a list that says it hands out
  // tasks: tasks no unit was named for, once an item of their rank follows them.
  let bare: { task: RawTask; rank: number }[] = [];
  const close = () => {
    const clauses = current.tasks.filter((t) => !prose.has(t));
    const peers = unassigned.get(itemRank.get(clauses[0]) ?? -1) ?? 0;
    if (clauses.length >= 2 && peers < clauses.length && (headed || isListTitle(current.title ?? '') || clauses.some(namesRoles))) {
      current.layout = labelled ? 'labelled-lines' : 'inline-list';
      // A list without a title of its own starts at its first item, not at the top of the page.
      if (current.title === null) current.from = current.tasks[0].line;
      lists.push(withBodies(current, below));
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const num = numbering(l.text);
    if (!num && isListTitle(l.text) && !trailingClause(l.text)) {
      close();
      unassigned = new Map();
      bare = [];
      current = fresh(l.text, l.line);
      labelled = false;
      open = null;
      stack.reset();
      continue;
    }
    if (owner && num && RANK[num.kind] <= owner.rank) owner = null;
    if (group && num && RANK[num.kind] <= group.rank) group = null;
    let item = itemAt(lines, i, num, report, headed || ASSIGNING_LIST.test(current.title ?? ''));
    if (num && owner && !ownerRole(num.rest)) item = owned(item, num, owner);
    if (item && num && headingLike(item.clause.body) && handsDown(lines, i + item.used - 1, RANK[num.kind], note)) {
      group = { clause: item.clause, rank: RANK[num.kind] };
      stack.push(num.marker + item.clause.body, RANK[num.kind]);
      open = null;
      i += item.used - 1;
      continue;
    }
    if (num && group) item = grouped(item, num, group.clause, replaces);
    if (item) {
      const rank = num ? RANK[num.kind] : Number.POSITIVE_INFINITY;
      const t = task(item, num, num ? stack.outside(rank) : stack.all(), l.line);
      for (const b of bare.splice(0)) {
        if (b.rank !== rank) continue;
        current.tasks.push(b.task);
        itemRank.set(b.task, rank);
        prose.add(b.task);
      }
      current.tasks.push(t);
      itemRank.set(t, rank);
      if (item.prose) prose.add(t);
      current.to = lines[i + item.used - 1].line;
      labelled ||= item.labelled;
      i += item.used - 1;
      open = { task: t, rank, lines: item.points ?? [] };
      below.set(t, open.lines);
      continue;
    }
    if (num) unassigned.set(RANK[num.kind], (unassigned.get(RANK[num.kind]) ?? 0) + 1);
    const lastTask = current.tasks[current.tasks.length - 1];
    if (num && !headingLike(num.rest) && ASSIGNING_LIST.test(current.title ?? '') && itemRank.get(lastTask) === RANK[num.kind] && sameSections(lastTask.sections, stack.outside(RANK[num.kind]))) {
      bare.push({ task: task({ clause: deadlineTail(num.rest), used: 1, labelled: false }, num, stack.outside(RANK[num.kind]), l.line), rank: RANK[num.kind] });
    }
    if (num && open && RANK[num.kind] <= open.rank) open = null;
    open?.lines.push(l);
    if (num && num.kind !== 'article' && l.text.length <= MAX_HEADING) {
      stack.push(sectionName(l.text), RANK[num.kind]);
      const name: string | null = owner ? null : ownerName(num.rest);
      if (name) owner = { name, role: 'implementing', rank: RANK[num.kind] };
      else if (owner) owner.role = ownerRole(num.rest) ?? owner.role;
    }
  }
  close();
  return lists.map(withTitles);
}

/** An item under a department heading: the department first, then the item's own units. */
function owned(item: Item | null, num: Numbering, owner: Owner): Item {
  const clause = item?.clause ?? deadlineTail(num.rest);
  return { ...(item ?? { used: 1, labelled: false }), clause: { ...clause, units: [{ text: owner.name, role: owner.role }, ...clause.units] } };
}

/**
 * An item under a heading that hands its clause down: the heading's units, then its own;
 * or its own alone, where a note says units named for a task replace the heading's.
 */
function grouped(item: Item | null, num: Numbering, heading: Clause, replace: boolean): Item {
  const own = item?.clause ?? deadlineTail(num.rest);
  const units = replace && own.units.length > 0 ? own.units : [...heading.units, ...own.units];
  const clause = { ...own, units, deadlines: own.deadlines.length ? own.deadlines : heading.deadlines };
  return { ...(item ?? { used: 1, labelled: false }), clause };
}

/**
 * "5．" alone on its line with the item's text on the next: one line, as printed in the
 * source. So is a "01" over its item, as a 公众号 article numbers its points.
 */
function joinBareNumbers(lines: Line[]): Line[] {
  const out: Line[] = [];
  let after = -1;
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1];
    // A bare 01, or the number after the last bare one (…09, 10): a bare 3 on its own is as
    // often a page number copied out of a PDF.
    const digits = /^\s*(\d{1,2})\s*$/.exec(lines[i].text);
    const bare = digits !== null && (digits[1].startsWith('0') || Number(digits[1]) === after + 1);
    if (next && lines[i].text.length <= 6 && (bare || numbering(lines[i].text)?.rest.trim() === '') && !numbering(next.text)) {
      if (bare) after = Number(digits![1]);
      out.push({ ...lines[i], text: lines[i].text.trim() + (bare ? ' ' : '') + next.text.trim() });
      i++;
    } else out.push(lines[i]);
  }
  return out;
}

// The 二是, 三是 … that open the later parts of a paragraph, after the part before ends.
const SHI_PART = /(?<=[;；。])\s*(?=[二三四五六七八九十]+是)/;

/**
 * "(二)加快污水治理。一是…(X牵头);二是…(Y负责)": a paragraph whose 一是, 二是 … parts each
 * close on a clause of their own holds one task per part. It becomes its heading (printed
 * before 一是) and one line per part, all at the paragraph's line. Parts sharing one clause
 * at the paragraph's end stay one task.
 */
function splitShiParts(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const at = l.text.indexOf('一是');
    const parts = at >= 0 && l.text.includes('二是') ? l.text.slice(at).split(SHI_PART) : [];
    if (parts.length < 2 || !parts.every((p) => trailingClause(p.replace(/[;；。\s]+$/, ''))?.units.length)) {
      out.push(l);
      continue;
    }
    const heading = l.text.slice(0, at).trim().replace(/[。.]$/, '');
    if (heading) out.push({ ...l, text: heading });
    for (const p of parts) out.push({ ...l, text: p.replace(/[;；]\s*$/, '') });
  }
  return out;
}

// "(一)健全监测帮扶机制。重点抓好以下工作:": the heading is its title; the rest announces the points.
const ANNOUNCES = /。[^。]{1,15}[:：]\s*$/;
const sectionName = (text: string) => text.replace(ANNOUNCES, '');

const sameSections = (a: string[], b: string[]) => a.length === b.length && a.every((x, k) => x === b[k]);

/** A line short enough, and without a sentence's stop, to be a heading rather than a task. */
const headingLike = (body: string) => body.length <= MAX_HEADING && !/[。;]/.test(fold(body));

// A list titled as a division of tasks (…任务分工, …责任清单): each of its numbered sentences is a task.
const ASSIGNING_LIST = /分工|分解|责任清单|任务清单/;

const ROLE_WORD = /牵头|负责|落实|配合|协办|责任单位|责任主体|责任部门/;
const TASK_WORDS = /分工|分解|责任|任务|要点|清单|方案|计划|安排|措施|台账/;

/** A unit source that says who does what (牵头, 负责, 责任单位:), not only names units. */
const assigns = (u: UnitSource) => u.role === 'lead' || ROLE_WORD.test(fold(u.text));
const namesRoles = (t: RawTask) => t.units.some(assigns);

/**
 * Items closing in bare unit names, "…取得明显成效。(市财政局)", read as task assignments
 * only in a notice that says it assigns tasks (关于印发…任务分工的通知): a summary or a
 * report credits units the same way.
 */
function headedAsTaskNotice(lines: Line[]): boolean {
  return lines.slice(0, 40).some((l) => /关于|印发/.test(l.text) && TASK_WORDS.test(l.text));
}

function fresh(title: string | null, line: number): RawList {
  return { title, layout: 'inline-list', columns: [], tasks: [], from: line, to: line };
}

function task({ clause, title }: Item, num: Numbering | null, sections: string[], line: number): RawTask {
  return {
    seq: num ? num.label ?? String(num.n) : null,
    sections,
    title: title ?? null,
    text: clause.body,
    units: clause.units,
    deadlines: clause.deadlines,
    line,
  };
}

/**
 * "(一)加强财政预决算公开(市财政局牵头)" followed by unnumbered paragraphs: the item line is
 * the task's title and the paragraphs its text — when most items of the list read so; a
 * stray paragraph after one plain item stays out. Sub-points under an item stay out of its
 * text but are kept as its context, where a deadline may be stated (3.2020年12月底前,完成…).
 */
function withBodies(list: RawList, below: Map<RawTask, Line[]>): RawList {
  const paragraphs = (t: RawTask) => {
    const all = below.get(t) ?? [];
    const firstNumbered = all.findIndex((l) => numbering(l.text) !== null);
    return (firstNumbered < 0 ? all : all.slice(0, firstNumbered)).map((l) => l.text);
  };
  const titleOnly = (t: RawTask) => t.text.length <= 40 && !/[。;]/.test(fold(t.text)) && paragraphs(t).length > 0;
  const titled = list.tasks.filter(titleOnly).length >= Math.max(2, list.tasks.length * 0.6);
  return {
    ...list,
    tasks: list.tasks.map((t) => {
      const subPoints = (below.get(t) ?? []).flatMap((l) => numbering(l.text)?.rest ?? []);
      const context = subPoints.join('\n') || undefined;
      return titled && titleOnly(t) ? { ...t, title: t.text, text: paragraphs(t).join('\n'), context } : { ...t, context };
    }),
  };
}

const TITLE = /^([^。,;]{2,30})。(?=\S)/;

/**
 * "(一)加强政府常务会议信息公开。在政府门户网站…": a short first sentence is the task's title
 * when most items of the list are written that way; in a list of plain sentences the first
 * sentence is just the start of the text.
 */
function withTitles(list: RawList): RawList {
  if (list.tasks.some((t) => t.title !== null)) return list;
  const titled = list.tasks.filter((t) => TITLE.test(fold(t.text))).length;
  if (titled < Math.max(2, list.tasks.length * 0.6)) return list;
  return {
    ...list,
    tasks: list.tasks.map((t) => {
      const m = TITLE.exec(fold(t.text));
      return m ? { ...t, title: t.text.slice(0, m[1].length), text: t.text.slice(m[0].length) } : t;
    }),
  };
}
