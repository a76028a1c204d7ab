/**
 * Canonical names for responsible units, backed by the curated table in
 * data/unit-aliases.yaml (the only place that file is read; read lazily, once).
 *
 * A unit name is read as  <level prefix><department>:  市发改委 -> 市 + 发改委.
 * The department is looked up in the alias table (width and Traditional folded,
 * parenthesised notes and quotes dropped) and the canonical name is
 * <folded prefix><canonical department>:  市发展和改革委员会 -> 市发展改革委.
 * A name printed without prefix (新闻办 after 市政府办) takes the prefix of the unit
 * before it when the caller passes that prefix as `inheritFrom`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fold } from './text.js';

export type CanonicalInfo = {
  /** level prefix + canonical department, when the department is in the alias table */
  canonical?: string;
  /** true for collective units: 各…, …有关/相关…, …各部门, 县区政府, bare 乡镇/街道 */
  collective?: boolean;
  /**
   * The level prefix in effect for this unit (its own, else the inherited one), folded.
   * Pass it as `inheritFrom` for the next unit of the same list. Undefined when neither
   * the unit nor the caller supplied one.
   */
  prefix?: string;
};

type Table = { alias: Map<string, string>; stems: Map<string, string> };
let table: Table | undefined;

/** Key used for alias matching: folded, no parenthesised notes, quotes or spaces. */
export function aliasKey(s: string): string {
  return fold(s)
    .replace(/\([^()]*\)|〔[^〔〕]*〕|【[^【】]*】/g, '')
    .replace(/[“”"'‘’「」『』《》\s]/g, '');
}

/**
 * The table file is one `canonical: [alias, alias, …]` line per department. Reading that
 * shape directly keeps the YAML library, and the time it takes to load and run, out of
 * every one-file parse; a file that strays from it is read by the library.
 */
function readTable(text: string): unknown {
  const out: Record<string, string[]> = {};
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const m = /^([^\s:#[\]{},"']+):\s*\[([^[\]{}"'#:]*)\]\s*$/.exec(line);
    if (!m || Object.hasOwn(out, m[1])) return createRequire(import.meta.url)('yaml').parse(text);
    out[m[1]] = m[2].split(',').map((a) => a.trim()).filter(Boolean);
  }
  return out;
}

function load(): Table {
  if (table) return table;
  const alias = new Map<string, string>();
  const stems = new Map<string, string>();
  try {
    const raw = readTable(readFileSync(new URL('../../data/unit-aliases.yaml', import.meta.url), 'utf8'));
    if (raw && typeof raw === 'object') {
      for (const [canon, list] of Object.entries(raw as Record<string, unknown>)) {
        const c = String(canon);
        const names = [c, ...(Array.isArray(list) ? list.map((x) => String(x)) : [])];
        for (const n of names) {
          const k = aliasKey(n);
          if (k && !alias.has(k)) alias.set(k, c);
        }
      }
    }
  } catch {
    // A missing or broken table leaves canonical names unresolved; never throw.
  }
  // Short stems (人社局 -> 人社) for lists such as 市、县区人社、财政等部门.
  const seen = new Map<string, Set<string>>();
  for (const [a, c] of alias) {
    if (a.length >= 3 && /[局委]$/.test(a)) {
      const st = a.slice(0, -1);
      if (!seen.has(st)) seen.set(st, new Set());
      seen.get(st)!.add(c);
    }
  }
  for (const [st, set] of seen) if (set.size === 1 && !alias.has(st)) stems.set(st, [...set][0]);
  table = { alias, stems };
  return table;
}

/** Canonical department for a name without level prefix, or undefined. */
export function lookupDepartment(name: string): string | undefined {
  return departmentOf(aliasKey(name));
}

function departmentOf(key: string): string | undefined {
  if (!key) return undefined;
  const t = load();
  return t.alias.get(key) ?? t.stems.get(key);
}

// Folded text with quotes and spaces gone is its own alias key, and so is every slice of
// it, unless it holds a bracket that opens a note or a 《》 quote.
const KEY_CHANGES = /[(〔【《》]/;

/** Is this (prefix-less) text a department name or stem from the table (人社, 财政, 发改委)? */
export function isKnownDepartment(name: string): boolean {
  return lookupDepartment(name) !== undefined;
}

const LEVEL_CHARS = '省市县区镇乡州旗盟';
const COLLECTIVE_RE =
  /^各|有关|相关|各(?:部门|单位|级|类|成员|直属)|直各|其他|其它|成员单位|所属|^全(?:省|市|县|区)/;
const BARE_GENERIC_RE = /^(?:乡镇|街道|乡镇街道|乡镇\(街道\)|社区|村|村居|管委|管委会|园区|开发区|各地)$/;
/** A prefix made only of level characters and separators (县区, 市、县区, 县(市)区) names several bodies. */
const COMPOUND_PREFIX_RE = /^(?:各级|各)?[省市县区镇乡州旗盟、,/()()及和]+$/;

function isCompoundPrefix(p: string): boolean {
  if (!COMPOUND_PREFIX_RE.test(p)) return false;
  const bare = p.replace(/\([^()]*\)/g, '');
  let n = 0;
  for (const ch of bare) if (LEVEL_CHARS.includes(ch)) n++;
  return n >= 2 || /^各/.test(p);
}

/** Leading level prefix of a printed name by shape alone (市、县区民政 -> 市、县区), folded. */
export function shapePrefix(name: string): string | undefined {
  const f = fold(String(name ?? '')).replace(/^[“”"'‘’\s]+/, '');
  const m = /^(?:各级|各)?(?:[省市县区镇乡](?:\([^()]{1,4}\))?[、,/]?)+/.exec(f);
  if (!m) return undefined;
  let p = m[0].replace(/[、,/]+$/, '');
  // 市场监管局, 区域…, 县域…: the level character starts a word, not a prefix.
  if (/^(?:各级|各)?[省市县区镇乡]$/.test(p) && /^(?:各级|各)?(?:市场|区域|县域|市民|省外|乡村|镇村|市容)/.test(f)) {
    return undefined;
  }
  if (!/[省市县区镇乡)]$/.test(p)) return undefined;
  return p;
}

/**
 * Canonical name and collective flag for one unit as printed.
 * `inheritFrom` is the level prefix of the previous unit in the same list (the `prefix`
 * this function returned for it); it is used only when `name` has no prefix of its own.
 * Never throws; unknown departments get no `canonical`.
 */
export function canonicalUnit(name: string, inheritFrom?: string): CanonicalInfo {
  try {
    return canonicalUnitUnsafe(String(name ?? ''), inheritFrom);
  } catch {
    return {};
  }
}

/** Last characters of a level prefix: 市, 县, …, or the ) of 县(市). */
const PREFIX_END = new Set([...'省市县区镇乡州旗盟)'].map((ch) => ch.charCodeAt(0)));

function canonicalUnitUnsafe(name: string, inheritFrom?: string): CanonicalInfo {
  const f = fold(name).replace(/[“”"'‘’「」『』\s]/g, '');
  const out: CanonicalInfo = {};
  if (!f) return out;
  // Up to 20 slices of the name are looked up below: when the name is its own key, so is
  // each slice, and building keys was most of the time this function took.
  const plain = !KEY_CHANGES.test(f);
  const department = (s: string) => (plain ? departmentOf(s) : lookupDepartment(s));
  const key = plain ? f : aliasKey(f);
  let collective = COLLECTIVE_RE.test(key) || BARE_GENERIC_RE.test(f) || BARE_GENERIC_RE.test(key);

  // 1. own prefix + known department
  let depth = 0;
  for (let i = 1; i < f.length && i <= 20; i++) {
    const ch = f[i - 1];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    if (!PREFIX_END.has(f.charCodeAt(i - 1)) && !(i >= 2 && f.startsWith('街道', i - 2))) continue;
    const p = f.slice(0, i);
    if (p.endsWith(')') && !/[省市县区镇乡]\([^()]*\)$/.test(p)) continue;
    const dept = department(f.slice(i));
    if (dept) {
      out.canonical = p + dept;
      out.prefix = p;
      if (isCompoundPrefix(p)) collective = true;
      if (collective) out.collective = true;
      return out;
    }
  }

  // 2. whole name is a department: inherit the list's prefix
  const dept = department(f);
  if (dept) {
    const p = inheritFrom ? fold(inheritFrom) : undefined;
    out.canonical = (p ?? '') + dept;
    if (p) {
      out.prefix = p;
      if (isCompoundPrefix(p)) collective = true;
    }
    if (collective) out.collective = true;
    return out;
  }

  // 3. unknown department: report its shape prefix (or the inherited one) for the next unit
  const sp = shapePrefix(f);
  if (sp && f.length > sp.length) {
    out.prefix = sp;
    if (isCompoundPrefix(sp)) collective = true;
  } else if (inheritFrom) {
    out.prefix = fold(inheritFrom);
    if (BARE_GENERIC_RE.test(f) && isCompoundPrefix(out.prefix)) collective = true;
  }
  if (collective) out.collective = true;
  return out;
}
