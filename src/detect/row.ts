import type { ColumnRole } from './header.js';
import type { Cell } from '../read/blocks.js';
import { fold } from '../normalize/text.js';
import { namesPeople, unitScore } from '../normalize/units.js';
import { looksLikeDeadline } from '../normalize/deadlines.js';

/** What a cell looks like, whatever column it sits in. */
type Shape = 'empty' | 'deadline' | 'people' | 'units' | 'body' | 'short';

// A cell's shape is asked for again as its row grows and again when the row is fitted.
const shapes = new WeakMap<Cell, Shape>();

export function cellShape(cell: Cell): Shape {
  let shape = shapes.get(cell);
  if (shape === undefined) {
    shape = shapeOf(cell.text);
    shapes.set(cell, shape);
  }
  return shape;
}

const DONE = /已经?(?:完成|建成|开工|实现|查处|印发|出台|启动|开展|落实|取得|达到|形成|通过|累计|全部|基本|办结|整改)/;

export function shapeOf(text: string): Shape {
  if (text.trim() === '') return 'empty';
  // "2025年12月底前已完成初步设计": a date with what was already done is progress, not a deadline.
  if (looksLikeDeadline(text) && !DONE.test(text)) return 'deadline';
  // Sentences end in 。 or ;: a unit cell never does, even one that opens with unit names.
  if (/[。;]./.test(fold(text)) || /。$/.test(text)) return 'body';
  if (namesPeople(text)) return 'people';
  if (unitScore(text) >= 0.4 || listOfNames(text)) return 'units';
  // A line that stops at a comma is a sentence wrapped onto the next line.
  if (/[,;]$/.test(fold(text))) return 'body';
  if (text.length >= 60) return 'body';
  return 'short';
}

// A long enumeration of short names with some units among them (市、县区安全综合监管、交通运输安全、
// …等部门,电子政务工作机构) is a unit cell even when most names are fields, not bodies.
function listOfNames(text: string): boolean {
  const parts = fold(text).split(/[、,]/).filter((p) => p.trim() !== '');
  const average = parts.reduce((n, p) => n + p.length, 0) / parts.length;
  // …and it closes on a unit: a sentence wrapped onto the next line ends mid-clause instead.
  const last = parts[parts.length - 1] ?? '';
  return parts.length >= 4 && average <= 12 && !/[,、]\s*$/.test(fold(text)) && unitScore(last) >= 0.5;
}

const UNIT_ROLES = new Set<ColumnRole>(['lead', 'implementing', 'cooperating', 'units']);

type Costs = Record<Exclude<Shape, 'empty'>, number>;
const UNIT_FIT: Costs = { deadline: 3, people: 3, units: 0, body: 4, short: 1.5 };
const FIT: Partial<Record<ColumnRole, Costs>> = {
  category: { deadline: 3, people: 3, units: 2.5, body: 2, short: 0 },
  text: { deadline: 3, people: 3, units: 3, body: 0, short: 0.5 },
  deadline: { deadline: 0, people: 3, units: 3, body: 1.5, short: 1 },
  leader: { deadline: 3, people: 0, units: 1.5, body: 3, short: 0.5 },
};
const OTHER_FIT: Costs = { deadline: 1, people: 1, units: 2, body: 1, short: 0.5 };

// Cost of a cell of each shape in a column of each role: 0 fits, higher fits worse.
function fit(role: ColumnRole, shape: Shape): number {
  if (shape === 'empty') return role === 'text' ? 1 : 0;
  if (UNIT_ROLES.has(role)) return UNIT_FIT[shape];
  return (FIT[role] ?? OTHER_FIT)[shape];
}

// Cost of leaving a column without a cell (a merged or dropped empty cell). A row with one
// unit cell under 牵头 and 配合 columns names its lead: 配合 is the cell left empty.
function skip(role: ColumnRole): number {
  if (role === 'text') return 5;
  if (role === 'cooperating') return 0.7;
  if (UNIT_ROLES.has(role) || role === 'deadline') return 0.8;
  return 0;
}

// Cost of each further cell in one column: a cell split over lines, milestones, paragraphs.
function more(role: ColumnRole, prev: string, shape: Shape): number {
  if (shape === 'empty') return 1;
  if (role === 'category') return 0;
  if (role === 'deadline') return shape === 'deadline' ? 0.2 : 1.5;
  if (role === 'text') return 0.3;
  if (UNIT_ROLES.has(role)) return /[、,;]$/.test(fold(prev.slice(-1))) ? 0.1 : 1.5;
  return 5;
}

const DROP = 2;
const MAX_PER_COLUMN = 12;

export type Assigned = { role: ColumnRole; cells: Cell[] }[];

/**
 * Assigns a row's cells, in order, to the header's columns by least total misfit. A
 * scraped row loses empty cells and merged cells and splits long cells over lines, so the
 * cell count rarely equals the column count; the shapes of the cells tell where each goes.
 * Cells left after the last column (page chrome after the table) are dropped.
 */
export function assignRow(cells: Cell[], roles: ColumnRole[]): { assigned: Assigned; dropped: Cell[] } {
  const n = cells.length;
  const m = roles.length;
  const shape = cells.map(cellShape);
  const INF = Number.POSITIVE_INFINITY;
  const cost: number[][] = Array.from({ length: m + 1 }, () => new Array(n + 1).fill(INF));
  const back: number[][] = Array.from({ length: m + 1 }, () => new Array(n + 1).fill(-1));
  cost[0][0] = 0;
  for (let j = 0; j < m; j++) {
    for (let i = 0; i <= n; i++) {
      if (cost[j][i] === INF) continue;
      const viaSkip = cost[j][i] + skip(roles[j]);
      if (viaSkip < cost[j + 1][i]) {
        cost[j + 1][i] = viaSkip;
        back[j + 1][i] = i;
      }
      let acc = cost[j][i];
      for (let k = i; k < n && k - i < MAX_PER_COLUMN; k++) {
        acc += k === i ? fit(roles[j], shape[k]) : fit(roles[j], shape[k]) + more(roles[j], cells[k - 1].text, shape[k]);
        if (acc < cost[j + 1][k + 1]) {
          cost[j + 1][k + 1] = acc;
          back[j + 1][k + 1] = i;
        }
      }
    }
  }
  let end = 0;
  for (let i = 0; i <= n; i++) if (cost[m][i] + DROP * (n - i) < cost[m][end] + DROP * (n - end)) end = i;
  const assigned: Assigned = [];
  for (let j = m, i = end; j > 0; j--) {
    const start = back[j][i];
    assigned.unshift({ role: roles[j - 1], cells: cells.slice(start, i) });
    i = start;
  }
  return { assigned, dropped: cells.slice(end) };
}
