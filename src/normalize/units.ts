/**
 * Responsible units (责任单位): split a unit cell or clause into units and read their roles.
 *
 * Everything is matched against the folded copy (`fold`: width + Traditional), which has
 * the same length as the printed text, so names are sliced from the text as printed.
 * Rules are about the shape of unit lists (separators, level prefixes, unit suffixes,
 * role words), never about particular places.
 */
import type { Unit, UnitRole } from '../model/schema.js';
import { fold, isSpaceCode } from './text.js';
import { canonicalUnit, isKnownDepartment, shapePrefix } from './unit-aliases.js';

/**
 * What the notice's notes say about its unit cells: `leadMark`, the sign that marks the lead
 * units (注:标注★的为牵头单位); `peopleInBrackets`, that a bracket after a unit names the
 * person responsible (牵头单位(责任人), 括号内为责任人).
 */
export type UnitNotes = { leadMark?: string | null; peopleInBrackets?: boolean };
export type UnitContext = { defaultRole?: UnitRole; firstIsLead?: boolean } & UnitNotes;
export type ParsedUnits = { units: Unit[]; lead: string[]; implementing: string[] };

// ---------------------------------------------------------------------------------------
// Vocabulary

const OPEN = '([〔【《“';
const CLOSE = ')]〕】》”';
// Per UTF-16 unit: k+1 for OPEN[k], -(k+1) for CLOSE[k], 0 for any other unit. The
// bracket loops below read every character of every unit cell.
const BRACKET = new Int8Array(0x10000);
for (let k = 0; k < OPEN.length; k++) {
  BRACKET[OPEN.charCodeAt(k)] = k + 1;
  BRACKET[CLOSE.charCodeAt(k)] = -(k + 1);
}
/** The brackets a whole unit text may be wrapped in, or a label clause opened with: ( [ 〔 【. */
const isGroupOpen = (c: number) => BRACKET[c] > 0 && BRACKET[c] <= 4;

/** Unit suffixes: a name ending in one of these reads as a unit. */
const STRONG_SUFFIX =
  '局|委|办|厅|院|部|中心|政府|办公室|部门|单位|机构|机关|街道|乡镇|分局|支行|分行|银行|公司|集团|协会|学会|商会|联合会|联社|管委|管委会|委员会|残联|妇联|团委|工会|科协|工商联|法院|检察院|大队|支队|中队|学校|医院|媒体|组织|电视台|报社|海关|办事处|指挥部|小组|专班|工作机构';
const WEAK_SUFFIX = '组|站|所|队|处|室|馆|社|会|署|台|区|县|市|镇|乡|社区|村';
const TAIL_NOTE = '(?:\\([^()]*\\))?[”"’]?';
const STRONG_END_RE = new RegExp(`(?:${STRONG_SUFFIX})${TAIL_NOTE}$`);
const WEAK_END_RE = new RegExp(`(?:${WEAK_SUFFIX})${TAIL_NOTE}$`);
const ANY_END_RE = new RegExp(`(?:${STRONG_SUFFIX}|${WEAK_SUFFIX})${TAIL_NOTE}$`);

/** Collective phrases: 各有关部门, 有关部门, 市直有关单位, 各乡镇(街道), 各县(市)区政府 … */
const COLLECTIVE_RE = /^各|有关|相关|直各|其他|其它|成员单位|^(?:乡镇|街道|社区)$/;

/** A fragment that is nothing but a level prefix joins the next fragment (市、县区政府, 各市(县)、区政府, 中央、省驻市单位). */
const BARE_PREFIX_RE =
  /^(?:(?:各级|各)?(?:中央|省|市|县|区|州|县区|市县|县市|区县|市区)(?:\([^()]{1,6}\))?区?|乡|镇|乡镇|镇乡|乡\(镇\)|市直|县直|区直|省直)$/;

type RoleOrPerson = UnitRole | 'person';

/** Role words at the end of a group. Nouns such as 责任单位 only count after 为 or standing alone. */
const ROLE_TAIL_RE =
  /(为|作为|是)?(牵头负责落实|牵头负责|牵头落实|牵头抓总|牵头实施|牵头组织|牵头推进|总牵头|牵头责任单位|牵头单位|牵头部门|牵头|主办单位|主办|负责落实|负责实施|负责推进|负责组织|具体负责|具体落实|组织落实|组织实施|抓好落实|抓落实|贯彻落实|负责|落实|配合落实|配合实施|配合推进|配合单位|配合部门|配合|协同责任单位|协同配合|协同推进|协同单位|协同|协助|协办单位|协办|共同参与|参与单位|参与|责任单位|责任部门|责任主体|落实单位|承办单位|承办)$/;
const NOUN_ROLES = new Set(['责任单位', '责任部门', '责任主体', '落实单位', '承办单位', '参与单位', '协同单位']);
const MODIFIER_TAIL_RE = /(按照?职责分工|按照?职责|按照?职能分工|按照?职能|根据职责分工|根据职责|按分工|各司其职|分别|共同|具体|积极)$/;
const DENG_TAIL_RE =
  /等(?:\d+个|[一二三四五六七八九十]+个)?(?:市直|县直|区直|省直|各级|各|其他|其它|有关|相关|成员|职能|责任|主管|行业|业务|项目|部门|单位|机构|和|及|与|、)*$/;
const PAREN_ROLE_RE = /[(](牵头单位|牵头部门|牵头|主办|主责|配合单位|配合部门|配合|协办|参与|责任单位|负责)[)]$/;

/** Labels: 责任单位: 牵头单位: 配合单位: 协同责任单位: 分管领导: 分管副市长: … (colon folded to ':'). */
const LABEL_BODY =
  '(?:(?:牵头|主办|主责|责任|落实|实施|承办|配合|协同|协办|参与|协作|协助|具体|成员)+(?:单位|部门|主体)|牵头|配合|责任|主办|协办|(?:分管|责任|牵头|主要)(?:市|县|区)?领导|责任人|(?:分管|主管|联系|牵头|责任)(?:常务)?副?(?:[省市县区州]长|书记|秘书长|主任))';
const LABEL_RE = new RegExp(`${LABEL_BODY}\\s*:`, 'g');
// Sticky: tried at one index of the text, so the text is not copied to test it.
const LABEL_AFTER_RE = new RegExp(`\\s*${LABEL_BODY}\\s*:`, 'y');
const BRACKET_LABEL_RE = new RegExp(`[【\\[](\\s*${LABEL_BODY}\\s*)[】\\]]`, 'g');

function roleOf(word: string): RoleOrPerson {
  if (/领导|责任人|[省市县区州]长|书记|主任/.test(word)) return 'person';
  if (/牵头|主办|主责/.test(word)) return 'lead';
  if (/配合|协同|协办|参与|协作|协助/.test(word)) return 'cooperating';
  return 'implementing';
}

/** Person names and posts: 张三同志, 副市长李四, 分管副县长 — not units. */
const PERSON_END_RE =
  /(?:同志|副?(?:省|市|县|区|镇|乡|州)长|副?(?:主任|局长|书记|秘书长|主席|部长|厅长|处长|科长|组长|县长|镇长|乡长|委员)|领导|负责人|责任人)$/;
const PERSON_START_RE = /^(?:常务)?副?(?:省|市|县|区|州)长|^副?(?:书记|秘书长)|^(?:分管|主要)领导/;

function isPerson(name: string): boolean {
  // 市委常委 is a post whose last character is also a unit suffix (市委).
  if (/常委$/.test(name)) return true;
  if (STRONG_END_RE.test(name)) return false;
  return PERSON_END_RE.test(name) || PERSON_START_RE.test(name);
}

/**
 * A 责任领导 cell: people with their posts (王建国副市长、刘　洋副市长), not units. Spaces that
 * pad two-character names are ignored.
 */
export function namesPeople(text: string): boolean {
  const parts = fold(text).replace(/\s+/g, '').split(/[、,;/]/).filter((p) => p !== '');
  return parts.length > 0 && parts.every(isPerson);
}

const FIRST_IS_LEAD_RE =
  /(?:列|排|排列|排名|排序|位列|列于|列在|排在|名列)(?:在|于)?(?:第一位?|第1位?|首位|首个|第一个|最前|前面|第一)[^,;。()]{0,8}?(?:为|是|系)?(?:牵头单位|牵头部门|牵头责任单位|牵头)|(?:第一|首个|首位|第一个|第1个?)(?:责任)?(?:单位|部门)?(?:为|是|系)(?:牵头单位|牵头部门|牵头)|第一责任单位为牵头单位|(?:牵头单位|牵头部门)(?:为|是)?(?:列|排|排名|排在)(?:第一位?|首位)/;

// ---------------------------------------------------------------------------------------
// Tokenizer

type Frag = { s: string; o: string; sep: string };
type Tok = { kind: 'label'; role: RoleOrPerson } | ({ kind: 'frag' } & Frag);

function at(rx: RegExp, s: string, i: number): boolean {
  rx.lastIndex = i;
  return rx.test(s);
}

function replaceAt(s: string, i: number, ch: string): string {
  return s.slice(0, i) + ch + s.slice(i + 1);
}

function bracketsBalanced(s: string): boolean {
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const b = BRACKET[s.charCodeAt(i)];
    if (b > 0) stack.push(b);
    else if (b < 0 && stack.pop() !== -b) return false;
  }
  return stack.length === 0;
}

/** Index of the bracket closing the opening bracket at i, or -1. */
function matchClose(s: string, i: number): number {
  const kind = BRACKET[s.charCodeAt(i)];
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const b = BRACKET[s.charCodeAt(j)];
    if (b === kind) depth++;
    else if (b === -kind) {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

const CONTACT_RE = /\((?:联系人|联系电话|电话|手机|联系方式)[^()]*\)/g;

/** Same-length preparation of the folded text: notes blanked, label brackets opened up. */
function prepare(text: string): { w: string; o: string; note: boolean } {
  const o = String(text ?? '');
  let w = fold(o).replace(/\t/g, ' ');
  let note = false;
  // The first-is-lead note (with its 注: and brackets) is not a unit.
  const nm = FIRST_IS_LEAD_RE.exec(w);
  if (nm) {
    note = true;
    let a = nm.index;
    let b = a + nm[0].length;
    while (a > 0 && /[注备:的\s]/.test(w[a - 1])) a--;
    if (a > 0 && OPEN.includes(w[a - 1]) && b < w.length && CLOSE.includes(w[b])) {
      a--;
      b++;
    }
    w = w.slice(0, a) + ';'.repeat(b - a) + w.slice(b);
  }
  // 【牵头单位】X  ->  牵头单位:X
  w = w.replace(BRACKET_LABEL_RE, (m, body: string) => ' ' + body + ':');
  // 市民政局(联系人:王某,电话:…): whom to call is a note on the unit, not a unit.
  w = w.replace(CONTACT_RE, (m) => ' '.repeat(m.length));
  const balanced = bracketsBalanced(w);
  if (balanced) {
    // Outer brackets around the whole text: (责任单位:…)  [牵头单位:…]
    for (;;) {
      const t = w.replace(/(?<![\s;.])[\s;.]+$/, '');
      const start = t.search(/\S/);
      if (start < 0 || !isGroupOpen(t.charCodeAt(start))) break;
      const end = matchClose(t, start);
      if (end !== t.length - 1) break;
      w = replaceAt(replaceAt(w, start, ' '), end, ' ');
    }
    // Brackets whose content starts with a label are separators: X(责任单位:Y)
    for (let i = 0; i < w.length; i++) {
      if (isGroupOpen(w.charCodeAt(i)) && at(LABEL_AFTER_RE, w, i + 1)) {
        const j = matchClose(w, i);
        if (j > i) w = replaceAt(replaceAt(w, i, ';'), j, ';');
      }
    }
  }
  return { w, o, note };
}

const isSep = (c: number) => c === 0x3001 || c === 0x2c || c === 0x3b || c === 0x3002 || c === 0x2f || c === 0x7c || isSpaceCode(c);
const STRONG_SEPS = ',;。\n\r|';

/** Split at separators outside brackets; a bare level prefix joins the next fragment. */
function splitFrags(w: string, o: string): Frag[] {
  const balanced = bracketsBalanced(w);
  const raw: { a: number; b: number; sep: string }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= w.length; i++) {
    const c = i < w.length ? w.charCodeAt(i) : -1;
    if (balanced && c >= 0) {
      if (BRACKET[c] > 0) depth++;
      else if (BRACKET[c] < 0) depth = Math.max(0, depth - 1);
    }
    // 以及 joins two lists ("…等项目责任单位以及实行资质…的行业主管部门"): a separator.
    if (depth === 0 && c === 0x4ee5 && w.charCodeAt(i + 1) === 0x53ca) {
      if (i > start) raw.push({ a: start, b: i, sep: ',' });
      start = i + 2;
      i++;
      continue;
    }
    if (c < 0 || (depth === 0 && isSep(c))) {
      const ch = c < 0 ? '' : w[i];
      // Fold runs of separators into one; the strongest wins.
      if (i > start) raw.push({ a: start, b: i, sep: ch });
      else if (raw.length && ch) {
        const last = raw[raw.length - 1];
        if (STRONG_SEPS.includes(ch) || isSpaceCode(last.sep.charCodeAt(0))) last.sep = ch;
      }
      start = i + 1;
    }
  }
  const spans: { a: number; b: number; sep: string }[] = [];
  for (let k = 0; k < raw.length; k++) {
    let { a, b, sep } = raw[k];
    let tail = w.slice(a, b);
    while (BARE_PREFIX_RE.test(tail.trim()) && k + 1 < raw.length && /^[、/\s]$/.test(sep)) {
      k++;
      tail = w.slice(raw[k].a, raw[k].b);
      b = raw[k].b;
      sep = raw[k].sep;
    }
    // "具有行政处罚、行政征收、行政许可职权的部门" is one unit: the 、-list before 的 enumerates
    // the unit's powers, not units, so a "…的<unit>" fragment takes back the 、-joined
    // fragments before it that are not units themselves.
    if (/的/.test(tail) && ANY_END_RE.test(tail.trim())) {
      while (spans.length) {
        const prev = spans[spans.length - 1];
        const text = w.slice(prev.a, prev.b).trim();
        if (prev.sep !== '、' || ANY_END_RE.test(text) || BARE_PREFIX_RE.test(text)) break;
        a = prev.a;
        spans.pop();
      }
    }
    spans.push({ a, b, sep });
  }
  return joinSpaced(spans, w).map(({ a, b, sep }) => ({ s: w.slice(a, b), o: o.slice(a, b), sep }));
}

/**
 * "市市场 监管局": a stray space inside one unit's name, not between two units. The part
 * before it ends like no unit, the short part after it ends like one and opens with no
 * level prefix of its own.
 */
const ROLE_AFTER_NAME = /(?:牵头|负责|配合|落实|参与|协办)$/;

function joinSpaced(spans: { a: number; b: number; sep: string }[], w: string): { a: number; b: number; sep: string }[] {
  const out: { a: number; b: number; sep: string }[] = [];
  for (const span of spans) {
    const prev = out[out.length - 1];
    const left = prev ? w.slice(prev.a, prev.b).trim() : '';
    const right = w.slice(span.a, span.b).trim().replace(ROLE_AFTER_NAME, '');
    if (prev && isSpaceCode(prev.sep.charCodeAt(0)) && left.length >= 2 && !ANY_END_RE.test(left) && right.length <= 6 && STRONG_END_RE.test(right) && !LEVEL_START.has(right.charCodeAt(0)) && !/^各/.test(right)) {
      out[out.length - 1] = { a: prev.a, b: span.b, sep: span.sep };
    } else out.push({ ...span });
  }
  return out;
}

function tokenize(text: string): { toks: Tok[]; note: boolean } {
  const { w, o, note } = prepare(text);
  const toks: Tok[] = [];
  for (const fr of splitFrags(w, o)) {
    LABEL_RE.lastIndex = 0;
    let pos = 0;
    let m: RegExpExecArray | null;
    while ((m = LABEL_RE.exec(fr.s))) {
      if (m.index > pos) toks.push({ kind: 'frag', s: fr.s.slice(pos, m.index), o: fr.o.slice(pos, m.index), sep: ' ' });
      toks.push({ kind: 'label', role: roleOf(m[0]) });
      pos = m.index + m[0].length;
    }
    if (pos < fr.s.length) toks.push({ kind: 'frag', s: fr.s.slice(pos), o: fr.o.slice(pos), sep: fr.sep });
    else if (toks.length && toks[toks.length - 1].kind === 'frag') (toks[toks.length - 1] as Frag).sep = fr.sep;
  }
  return { toks, note };
}

// ---------------------------------------------------------------------------------------
// One fragment

type Piece = {
  names: string[];
  /** role word at the end: applies to the whole group */
  role?: UnitRole;
  /** the role word was a bare noun (责任单位) standing alone: a label if nothing precedes */
  labelish?: boolean;
  /** role attached to this unit alone: 市发改委(牵头), 会同X */
  own?: UnitRole;
  /** the fragment ended in 等部门 / 等单位 / 等 */
  deng?: boolean;
  /** the fragment named a person (张三同志, 副市长李四) and was dropped */
  person?: boolean;
  /** the first name leads the others: X会同Y */
  leadFirst?: boolean;
};

function trimRange(s: string, a: number, b: number): [number, number] {
  while (a < b && /[\s:;,、.]/.test(s[a])) a++;
  while (b > a && /[\s:;,、.]/.test(s[b - 1])) b--;
  return [a, b];
}

// Signs that mark a lead unit wherever a table prints them: never part of a unit's name.
const STARS = '*★☆※';

// 市住建局(张宏伟): a person's name in the bracket after a unit, as a note says brackets hold.
const PERSON_BRACKET_RE = /\(([\u4e00-\u9fa5·\s]{2,5})\)$/;

function readFragment(s: string, o: string, notes: UnitNotes = {}): Piece {
  const mark = notes.leadMark ?? null;
  let [a, b] = trimRange(s, 0, s.length);
  const piece: Piece = { names: [] };
  const person = notes.peopleInBrackets ? PERSON_BRACKET_RE.exec(s.slice(a, b)) : null;
  if (person && !ANY_END_RE.test(person[1].trim())) [a, b] = trimRange(s, a, b - person[0].length);
  // ★市财政局, 1市住建局 (as the note says): the mark before the name.
  const marked = (at: number) => STARS.includes(s[at]) || (mark !== null && s.startsWith(mark, at));
  if (b > a && marked(a)) {
    piece.own = 'lead';
    a += STARS.includes(s[a]) ? 1 : mark!.length;
  }
  let weakRole: UnitRole | undefined;
  for (let guard = 0; guard < 12 && b > a; guard++) {
    const cur = s.slice(a, b);
    let m: RegExpExecArray | null;
    if ((m = PAREN_ROLE_RE.exec(cur))) {
      if (!piece.own && !piece.role) piece.own = roleOf(m[1]) as UnitRole;
      b -= m[0].length;
    } else if (STARS.includes(cur[cur.length - 1]) || (mark !== null && cur.endsWith(mark) && cur.length > mark.length)) {
      // 市住建局*: a starred unit leads, as the table's note (带*号的为牵头单位) says.
      if (!piece.own && !piece.role) piece.own = 'lead';
      b -= STARS.includes(cur[cur.length - 1]) ? 1 : mark!.length;
    } else if ((m = DENG_TAIL_RE.exec(cur)) && m.index > 0) {
      piece.deng = true;
      b -= m[0].length;
    } else if ((m = ROLE_TAIL_RE.exec(cur))) {
      const word = m[2];
      const rest = cur.length - m[0].length;
      if (NOUN_ROLES.has(word) && !m[1] && rest > 0) break; // 涉事责任单位: part of a name
      if (!piece.role) {
        piece.role = roleOf(word) as UnitRole;
        if (rest === 0 && !m[1] && (NOUN_ROLES.has(word) || /单位|部门/.test(word))) piece.labelish = true;
      }
      b -= m[0].length;
    } else if ((m = MODIFIER_TAIL_RE.exec(cur))) {
      if (/职责|分工/.test(m[1]) && !piece.role) weakRole = 'implementing';
      b -= m[0].length;
    } else break;
    [a, b] = trimRange(s, a, b);
  }
  if (!piece.role && weakRole) piece.role = weakRole;
  // Leading words: 由X牵头, 会同X, 以及X
  const head = s.slice(a, b);
  let hm: RegExpExecArray | null;
  if ((hm = /^(?:会同|联合(?!国))/.exec(head)) && b - a - hm[0].length >= 2) {
    piece.own = 'cooperating';
    a += hm[0].length;
  } else if ((hm = /^(?:并由|由|请|以及|及|和|与|其中)/.exec(head)) && b - a - hm[0].length >= 2) {
    a += hm[0].length;
  }
  [a, b] = trimRange(s, a, b);
  if (b <= a) return piece;
  const name = s.slice(a, b);
  if (!/[\p{Script=Han}A-Za-z]/u.test(name)) return piece;
  if (/^(?:注|备注|无|略|待定|暂无|见附件|详见附件)$/.test(name)) return piece;
  // "以下均需各地区落实,不再列出": a note on the clause, not a unit.
  if (/^(?:以下|以上|不再|均需|下同|同上)/.test(name)) return piece;
  if (isPerson(name)) {
    piece.person = true;
    return piece;
  }
  // "市发展改革委会同市财政局": the unit before 会同 leads the one after it.
  const joint = JOINT_RE.exec(name);
  if (joint && STRONG_END_RE.test(joint[1]) && ANY_END_RE.test(name)) {
    piece.leadFirst = true;
    piece.names.push(o.slice(a, a + joint[1].length));
    a += joint[0].length;
  }
  for (const [x, y] of splitRunTogether(s.slice(a, b))) piece.names.push(o.slice(a + x, a + y));
  return piece;
}

// 联合国 is the United Nations; 会同县 a county, which the unit check above turns down
// (怀化市会同县: 怀化市 is a place, not a unit).
const JOINT_RE = /^(.{2,30}?)(?:会同|联合(?!国))(?=.{2,})/;

const LEVEL_START = new Set([...'省市县区'].map((ch) => ch.charCodeAt(0)));

const CONJUNCTION = new Set([...'和及与'].map((ch) => ch.charCodeAt(0)));
const RUN_END = /(?:局|委|办|厅|院|部|中心|政府|办公室|分局|支行|分行|公司|管委会|管委)$/;

/**
 * 市发改委市农业农村局 -> [市发改委, 市农业农村局]: a unit suffix directly followed by a level
 * prefix; 市公安局与市市场监管局 -> [市公安局, 市市场监管局]: two whole units joined by 和/及/与.
 * A 和 inside one name (市工业和信息化局, 党委和政府) has no whole unit on its left or right.
 */
function splitRunTogether(name: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let last = 0;
  for (let i = 1; i < name.length; i++) {
    const prev = BRACKET[name.charCodeAt(i - 1)];
    if (prev > 0) depth++;
    else if (prev < 0) depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const left = name.slice(last, i);
    if (CONJUNCTION.has(name.charCodeAt(i))) {
      const rest = name.slice(i + 1);
      if (left.length < 2 || !STRONG_END_RE.test(left) || !joinsUnit(rest)) continue;
      out.push([last, i]);
      last = i + 1;
      continue;
    }
    if (!LEVEL_START.has(name.charCodeAt(i))) continue;
    const rest = name.slice(i);
    // 南部县, 西部新区: two characters ending in 部 are a place, not a unit before it.
    if (left.length < 2 || rest.length < 3 || (left.length === 2 && left.endsWith('部'))) continue;
    if (!RUN_END.test(left)) continue;
    if (/^(?:市场|区域|县域|市民|市容|区划|省级|市级|县级|区级|市政(?!府)|市内|区内|县内|省内)/.test(rest)) continue;
    // 县纪委县监委: one body under two names.
    if (/纪委$/.test(left) && /^.监委/.test(rest)) continue;
    if (!nextUnitEnd(rest)) continue;
    out.push([last, i]);
    last = i;
  }
  out.push([last, name.length]);
  return out;
}

/**
 * The words after 和/及/与 name a unit of their own: not the rest of one (及其部门, 和政府),
 * and not a kind of body the list shares (各医院和卫生服务机构, …各相关部门及主流媒体).
 */
function joinsUnit(rest: string): boolean {
  if (rest.length < 3 || /^(?:其|政府|部门|单位|机构)/.test(rest) || !ANY_END_RE.test(rest)) return false;
  return LEVEL_START.has(rest.charCodeAt(0)) || !/(?:机构|媒体|部门|单位|组织|企业)$/.test(rest);
}

/** Does `rest` (starting with a level prefix) read as a unit, or begin with one? */
function nextUnitEnd(rest: string): boolean {
  if (STRONG_END_RE.test(rest)) return true;
  return /^.{1,12}?(?:局|委|办|厅|中心|政府)/.test(rest);
}

// ---------------------------------------------------------------------------------------
// Public API

/** Does the text carry a note that the first-listed unit leads (列第一位的为牵头单位 …)? */
export function hasFirstIsLeadNote(text: string): boolean {
  try {
    const f = fold(String(text ?? ''));
    const m = FIRST_IS_LEAD_RE.exec(f);
    // "…列在首位的为牵头单位的,已注明'牵头'": the lead is marked where there is one, not implied.
    return m !== null && !/^的?[,,]?\s*(?:已|均已|另行)?(?:注明|标注|标明)/.test(f.slice(m.index + m[0].length, m.index + m[0].length + 8));
  } catch {
    return false;
  }
}

const LEAD_MARK_NOTE = /(?:标注|标有|标记|标|带有?|加注?|注有)\s*[“"'‘「]?\s*([^\s“”"'‘’「」\u4e00-\u9fa5]{1,2})\s*[”"'’」]?\s*(?:号|符号|标记)?的?(?:单位|部门)?(?:为|是)(?:牵头单位|牵头部门|牵头)/;

const PEOPLE_NOTE = /括号内(?:为|是|填写?)[^。;\n]{0,12}?(?:责任人|负责人|联系人|分管领导)|\((?:责任人|负责人|联系人)\)/;

/**
 * What a notice's notes say about its unit cells: the sign that marks lead units
 * ("注:标注★的为牵头单位" → ★, "名称前标注“1”的为牵头单位" → 1), and whether brackets after
 * a unit hold the person responsible.
 */
export function unitNotes(text: string): UnitNotes {
  try {
    const f = fold(String(text ?? ''));
    return { leadMark: LEAD_MARK_NOTE.exec(f)?.[1] ?? null, peopleInBrackets: PEOPLE_NOTE.test(f) };
  } catch {
    return {};
  }
}

/**
 * A unit cell or clause -> units one by one. `implementing` = implementing + cooperating
 * names, in order; `lead` = lead names. defaultRole (default 'implementing') applies to
 * units with no role word (a 牵头单位 column passes 'lead'). firstIsLead (or a first-is-lead
 * note inside the text itself) makes the first of two or more role-less units the lead.
 * Each Unit carries `canonical` / `collective` from the alias table; a unit printed without
 * level prefix inherits the prefix of the unit before it in the same text.
 */
export function parseUnits(text: string, ctx: UnitContext = {}): ParsedUnits {
  try {
    return parseUnitsUnsafe(text, ctx ?? {});
  } catch {
    return { units: [], lead: [], implementing: [] };
  }
}

/** `brk`: first unit after a , ; boundary (level-prefix inheritance stops there). */
type Draft = { name: string; role?: UnitRole; brk?: boolean };

function parseUnitsUnsafe(text: string, ctx: UnitContext): ParsedUnits {
  const def: UnitRole = ctx.defaultRole ?? 'implementing';
  const { toks, note } = tokenize(String(text ?? ''));
  const drafts: Draft[] = [];
  let pending: Draft[] = [];
  let runStart = 0;
  let label: RoleOrPerson | undefined;
  let sawRole = false;
  let atBreak = false;

  const flush = (role: UnitRole) => {
    for (const d of pending) d.role = role;
    pending = [];
    runStart = 0;
  };

  for (const t of toks) {
    if (t.kind === 'label') {
      flush(label && label !== 'person' ? label : def);
      label = t.role;
      sawRole = true;
      continue;
    }
    const p = readFragment(t.s, t.o, ctx);
    if (p.labelish && p.role && p.names.length === 0 && pending.length === 0) {
      // 责任单位 standing alone before the names: a label without colon
      label = p.role;
      sawRole = true;
    } else {
      if (label !== 'person') {
        p.names.forEach((name, k) => {
          const d: Draft = { name, brk: atBreak };
          atBreak = false;
          const own = p.own ?? (k === 0 && p.leadFirst ? 'lead' : undefined);
          if (own) {
            d.role = own;
            sawRole = true;
          } else pending.push(d);
          drafts.push(d);
        });
      }
      if (p.role) {
        sawRole = true;
        if (label && label !== 'person') {
          const before = pending.slice(0, runStart);
          for (const d of before) d.role = label;
          for (const d of pending.slice(runStart)) d.role = p.role;
          pending = [];
          runStart = 0;
        } else flush(p.role);
        label = undefined;
      }
    }
    if (STRONG_SEPS.includes(t.sep) && t.sep !== '') {
      runStart = pending.length;
      atBreak = true;
    }
  }

  const firstIsLead = (ctx.firstIsLead || note) && !sawRole && drafts.length >= 2;
  if (firstIsLead) {
    drafts.forEach((d, i) => (d.role = i === 0 ? 'lead' : 'implementing'));
  } else flush(label && label !== 'person' ? label : def);

  const units: Unit[] = [];
  let prefix: string | undefined;
  for (const d of drafts) {
    if (d.brk) prefix = undefined;
    const info = canonicalUnit(d.name, prefix);
    prefix = info.prefix ?? prefix;
    // A space left inside a name by joinSpaced is noise: 市市场 监管局 is 市市场监管局.
    const u: Unit = { name: d.name.replace(/(?<=[\u4e00-\u9fa5])[ \u3000]+(?=[\u4e00-\u9fa5])/g, ''), role: d.role ?? def };
    if (info.canonical) u.canonical = info.canonical;
    if (info.collective) u.collective = true;
    units.push(u);
  }
  return {
    units,
    lead: units.filter((u) => u.role === 'lead').map((u) => u.name),
    implementing: units.filter((u) => u.role !== 'lead').map((u) => u.name),
  };
}

const PROSE_START_RE =
  /^(?:把|以|按照|根据|围绕|进一步|加强|推进|推动|完善|建立|健全|做好|开展|组织开展|召开|强化|深化|提高|提升|坚持|持续|全面|积极|认真|及时|严格|规范|实行|实施|发布|公开|编制|制定|出台|印发|抓好|确保|加快|加大|优化|探索|创新|依法|主动|做到|着力|扎实|大力|切实|明确|落实|对|在|将|通过|利用|结合|重点|及时|不断|逐步|统筹|指导|督促|配合|协调|负责|要|应|须|必须|各地|各级各部门要|不|未|已)/;

/**
 * 0..1: how much this text reads as a list of units (for layout detection). Role clauses
 * score high; task prose scores low. Based on the share of fragments shaped like unit
 * names (unit suffixes, collective phrases, department stems), plus role words.
 */
export function unitScore(text: string): number {
  try {
    return unitScoreUnsafe(String(text ?? ''));
  } catch {
    return 0;
  }
}

function unitScoreUnsafe(text: string): number {
  if (!/\S/.test(text)) return 0;
  const { toks } = tokenize(text);
  let hasRole = false;
  type G = { scores: number[]; marked: boolean };
  const groups: G[] = [];
  let g: G = { scores: [], marked: false };
  let frags = 0;
  for (const t of toks) {
    if (t.kind === 'label') {
      hasRole = true;
      continue;
    }
    const p = readFragment(t.s, t.o);
    if (p.role || p.own) hasRole = true;
    const s = fold(t.s).trim();
    if (!s) continue;
    frags++;
    for (const name of p.names) g.scores.push(fragmentScore(fold(name)));
    // A person (分管领导) in a unit cell still marks a responsibility cell.
    if (p.person) g.scores.push(0.8);
    else if (p.names.length === 0 && !p.role) g.scores.push(0);
    if (p.role || p.deng) g.marked = true;
    if (STRONG_SEPS.includes(t.sep) || p.role) {
      groups.push(g);
      g = { scores: [], marked: false };
    }
  }
  groups.push(g);
  if (frags === 0) return 0;
  let sum = 0;
  let n = 0;
  for (const gr of groups) {
    const anyUnit = gr.scores.some((x) => x >= 1);
    for (const x of gr.scores) {
      let v = x;
      // 人社、财政、税务等部门: members of a group closed by a role word or 等… read as units
      if (v < 1 && v > 0 && gr.marked && anyUnit) v = 0.8;
      sum += v;
      n++;
    }
  }
  let score = n ? sum / n : 0;
  if (hasRole && score > 0) score += 0.15;
  if (/\d+\s*(?:年|月|日|号|个工作日)|底前|以前|之前/.test(fold(text))) score -= 0.4;
  const avgLen = text.replace(/\s/g, '').length / Math.max(1, n);
  if (avgLen > 24) score *= 0.5;
  return Math.max(0, Math.min(1, score));
}

/** Whether a name ends the way a body's does (局, 委, 中心, 政府, 各有关单位 …), not a place's (农村地区). */
export function endsLikeUnit(name: string): boolean {
  const f = fold(String(name ?? '')).trim();
  return STRONG_END_RE.test(f) || COLLECTIVE_RE.test(f);
}

/** 1: shaped like a unit; 0.5: plausible member of a unit list; 0: prose. */
function fragmentScore(name: string): number {
  const s = name.replace(/^[“"‘]+|(?<![”"’])[”"’]+$/g, '');
  if (!s || s.length > 30) return 0;
  if (PROSE_START_RE.test(s) && !COLLECTIVE_RE.test(s)) return 0;
  if (STRONG_END_RE.test(s) || COLLECTIVE_RE.test(s)) return 1;
  const sp = shapePrefix(s);
  const rest = sp ? s.slice(sp.length) : s;
  if (rest && isKnownDepartment(rest)) return 1;
  if (WEAK_END_RE.test(s) && s.length <= 12) return 1;
  if (ANY_END_RE.test(s)) return 0.5;
  if (s.length <= 8) return 0.15;
  return 0;
}
