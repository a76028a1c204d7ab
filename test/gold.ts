/**
 * Compares a parsed notice with a hand-checked answer key (fixtures/gold/FORMAT.md), folding
 * the same things the project's scorer folds: width, spaces, quotes, numbering, role words.
 */
import type { Notice } from '../src/model/schema.js';

export type GoldTask = {
  seq: string | null;
  sections: string[];
  title: string | null;
  textStart: string;
  lead: string[];
  implementing: string[];
  deadlines: { raw: string; due: string | null; inText?: boolean }[];
  optional?: boolean;
};
export type Gold = {
  file: string;
  isTaskNotice: boolean;
  meta: { title: string | null; docNumber: string | null; issuer: string | null; issuedOn: string | null; year: number | null } | null;
  lists: { title: string; tasks: GoldTask[] }[];
};

const canon = (s: unknown) => String(s ?? '').normalize('NFKC').replace(/[\s\u00a0\u3000“”"'‘’]/g, '');
const NUMBERING = /^[(\[【]?[一二三四五六七八九十百零〇\d]+[)\]】]?[、.．,]?/;
export const canonSection = (s: string) => canon(s).replace(NUMBERING, '').replace(/^[、.．,]+/, '').replace(/[。.;;:]+$/, '');
export function canonUnit(s: string): string {
  let u = canon(s).replace(/^[\[【(]/, '').replace(/[\]】)]$/, '');
  u = u.replace(/^(责任单位|责任主体|牵头单位|落实单位|配合单位|责任部门|牵头部门)[::]/, '');
  const i = u.indexOf('等');
  if (i >= 2) u = u.slice(0, i);
  return u.replace(/(按职责分工)?(分别)?(牵头)?(负责)?(落实|配合)?$/, '');
}
const sorted = (xs: string[]) => [...xs].sort();

/** One line per disagreement between a notice and its key; empty when they agree. */
export function compare(notice: Notice, gold: Gold): string[] {
  const problems: string[] = [];
  const want = gold.lists.flatMap((l) => l.tasks).filter((t) => !t.optional);
  const got = notice.lists.flatMap((l) => l.tasks);
  if (got.length !== want.length) problems.push(`task count: want ${want.length} got ${got.length}`);
  want.forEach((g, i) => {
    const p = got[i];
    if (!p) return;
    const where = `task ${i + 1} (seq ${g.seq})`;
    const text = canon((p.title ?? '') + p.text);
    if (!canon(p.text).startsWith(canon(g.textStart)) && !text.includes(canon(g.textStart))) problems.push(`${where}: text starts "${p.text.slice(0, 16)}", want "${g.textStart}"`);
    if (g.seq !== p.seq) problems.push(`${where}: seq ${p.seq}`);
    const lastSection = g.sections.length ? canonSection(g.sections[g.sections.length - 1]) : null;
    if (lastSection && !p.sections.map(canonSection).includes(lastSection)) problems.push(`${where}: sections ${p.sections.join(' > ')} lack ${lastSection}`);
    for (const role of ['lead', 'implementing'] as const) {
      const a = sorted(g[role].map(canonUnit)).join('|');
      const b = sorted(p[role].map(canonUnit)).join('|');
      if (a !== b) problems.push(`${where}: ${role} [${b}] want [${a}]`);
    }
    const dues = (ds: { due: string | null }[]) => sorted(ds.map((d) => d.due).filter((d): d is string => d !== null)).join(',');
    if (dues(g.deadlines) !== dues(p.deadlines)) problems.push(`${where}: due [${dues(p.deadlines)}] want [${dues(g.deadlines)}]`);
  });
  if (gold.meta) {
    for (const f of ['title', 'docNumber', 'issuedOn', 'year'] as const) {
      if (canon(gold.meta[f]) !== canon(notice.meta[f])) problems.push(`meta.${f}: ${notice.meta[f]} want ${gold.meta[f]}`);
    }
  }
  return problems;
}
