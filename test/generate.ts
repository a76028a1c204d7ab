/**
 * Random task-division notices in several layout families, each with the tasks it was
 * built from. The property test builds specs with fast-check (so failures shrink); the
 * bench builds them from a seeded generator. No imports: scripts/bench.mjs transpiles
 * this file on the fly, as plain Node cannot load TypeScript.
 */

export type Family = 'inline' | 'cell-stream' | 'labelled' | 'grid';
export const FAMILIES: Family[] = ['inline', 'cell-stream', 'labelled', 'grid'];

export const PREFIXES = ['市', '县', '区'];
export const STEMS = ['财政', '教育', '民政', '人社', '住建', '交通运输', '农业农村', '卫生健康', '文化旅游', '商务', '发展改革', '自然资源', '生态环境', '水利', '应急管理', '审计', '统计', '司法', '科技', '工信'];
export const SUFFIXES = ['局', '委', '办'];
export const CITIES = ['合肥', '宝鸡', '柳州', '宜昌', '邢台', '遵义', '益阳', '绵阳', '赣州', '洛阳'];
export const CLAUSES = ['加强政务公开标准化建设', '推进政务服务一网通办', '深化商事制度改革', '优化营商环境', '完善社会救助体系', '提升基层治理能力', '健全公共文化服务体系', '推动乡村产业发展', '强化安全生产监管', '规范行政执法行为', '做好重点人群就业帮扶', '加快数字政府建设'];
export const HEADINGS = ['深化放管服改革', '保障和改善民生', '推动高质量发展', '加强作风建设', '防范化解重大风险'];

/** How a deadline is printed; the due date follows from it and the work year. */
export type DeadlineSpec =
  | { kind: 'month-end'; month: number }
  | { kind: 'date'; month: number; day: number }
  | { kind: 'year-end' }
  | { kind: 'whole-year' }
  | { kind: 'ongoing' };

export type UnitSpec = { prefix: number; stem: number; suffix: number };
export type TaskSpec = { clauses: number[]; lead: UnitSpec[]; implementing: UnitSpec[]; deadline: DeadlineSpec | null };
export type SectionSpec = { heading: number; tasks: TaskSpec[] };
export type Numbering = 'arabic-dot' | 'arabic-dun' | 'cn-paren' | 'arabic-paren';
export type Style = { fullWidth: boolean; blankLines: boolean; indent: boolean; restart: boolean; numbering: Numbering };
export type NoticeSpec = { family: Family; city: number; year: number; sections: SectionSpec[]; style: Style };

/** A task as the parser should report it. */
export type Expected = { seq: string; lead: string[]; implementing: string[]; dues: (string | null)[] };
export type Generated = { family: Family; text: string; tasks: Expected[] };

export const unitName = (u: UnitSpec) => PREFIXES[u.prefix] + STEMS[u.stem] + SUFFIXES[u.suffix];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function deadline(d: DeadlineSpec, year: number): { raw: string; due: string | null } {
  switch (d.kind) {
    case 'month-end': return { raw: `${d.month}月底前`, due: `${year}-${pad(d.month)}-${pad(lastDay(year, d.month))}` };
    case 'date': {
      const day = Math.min(d.day, lastDay(year, d.month));
      return { raw: `${year}年${d.month}月${day}日前`, due: `${year}-${pad(d.month)}-${pad(day)}` };
    }
    case 'year-end': return { raw: '年底前', due: `${year}-12-31` };
    case 'whole-year': return { raw: '全年', due: `${year}-12-31` };
    case 'ongoing': return { raw: '持续推进', due: null };
  }
}

const CN_DIGITS = '零一二三四五六七八九';
function chinese(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
  return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
}

function marker(n: number, numbering: Numbering, fw: boolean): string {
  switch (numbering) {
    case 'arabic-dot': return `${n}${fw ? '．' : '.'}`;
    case 'arabic-dun': return `${n}、`;
    case 'cn-paren': return fw ? `（${chinese(n)}）` : `(${chinese(n)})`;
    case 'arabic-paren': return fw ? `（${n}）` : `(${n})`;
  }
}

/** Renders a spec as a scraped page: header chrome, preamble, signature, then the task list. */
export function render(spec: NoticeSpec): Generated {
  const { style, year } = spec;
  const fw = style.fullWidth;
  const p = fw
    ? { comma: '，', colon: '：', semi: '；', open: '（', close: '）' }
    : { comma: ',', colon: ':', semi: ';', open: '(', close: ')' };
  const city = CITIES[spec.city];
  const indent = style.indent ? '\u3000\u3000' : '';
  const listTitle = `${city}市${year}年重点工作任务分工方案`;
  const out: string[] = [
    `${city}市人民政府门户网站`,
    `首页 > 政务公开 > 政府文件`,
    '',
    `${city}市人民政府办公室关于印发${listTitle}的通知`,
    '',
    `${city}政办发〔${year}〕${(spec.city % 9) + 3}号`,
    '',
    `各县区人民政府${p.comma}市政府各部门${p.colon}`,
    `${indent}现将《${listTitle}》印发给你们${p.comma}请认真贯彻落实。`,
    '',
    `${city}市人民政府办公室`,
    `${year}年2月${(spec.city % 20) + 1}日`,
    '',
    listTitle,
    '',
  ];
  const gap = () => {
    if (style.blankLines) out.push('');
  };
  if (spec.family === 'cell-stream') {
    for (const h of ['序号', '工作任务', '责任单位', '完成时限']) {
      out.push(h);
      gap();
    }
  }
  const tasks: Expected[] = [];
  const grid = spec.family === 'grid' ? gridWriter(fw ? BOX : ASCII, style.blankLines ? [4, 16, 8, 10, 8] : [4, 24, 12, 14, 10]) : null;
  grid?.rule('top');
  grid?.row(['序号', '工作任务', '牵头单位', '责任单位', '完成时限']);
  grid?.rule('head');
  let n = 0;
  spec.sections.forEach((section, si) => {
    const heading = `${chinese(si + 1)}、${HEADINGS[section.heading]}`;
    if (grid) {
      grid.row([heading]);
      grid.rule('mid');
    } else {
      out.push(`${indent}${heading}`);
      gap();
    }
    if (style.restart) n = 0;
    for (const t of section.tasks) {
      n++;
      const body = t.clauses.map((c) => CLAUSES[c]).join(p.comma) + '。';
      const lead = t.lead.map(unitName);
      const impl = t.implementing.map(unitName);
      const d = t.deadline ? deadline(t.deadline, year) : null;
      tasks.push({ seq: String(n), lead, implementing: impl, dues: d ? [d.due] : [] });
      if (grid) {
        grid.row([String(n), body, lead.join('、'), impl.join('、'), d?.raw ?? '']);
        grid.rule('mid');
      } else if (spec.family === 'cell-stream') {
        const units = lead.length ? `${lead.join('、')}牵头${p.comma}${impl.join('、')}配合` : impl.join('、');
        for (const cell of [String(n), body, units, d?.raw ?? '\u00a0']) {
          out.push(cell);
          gap();
        }
      } else if (spec.family === 'labelled') {
        out.push(`${indent}${marker(n, style.numbering, fw)}${body}`);
        if (lead.length) out.push(`牵头单位${p.colon}${lead.join('、')}`);
        out.push(`责任单位${p.colon}${impl.join('、')}`);
        if (d) out.push(`完成时限${p.colon}${d.raw}`);
        gap();
      } else {
        const clause = d
          ? `${lead.length ? `牵头单位${p.colon}${lead.join('、')}${p.semi}` : ''}责任单位${p.colon}${impl.join('、')}${p.semi}完成时限${p.colon}${d.raw}`
          : `${lead.length ? `${lead.join('、')}牵头${p.comma}` : ''}${impl.join('、')}负责`;
        out.push(`${indent}${marker(n, style.numbering, fw)}${body}${p.open}${clause}${p.close}`);
        gap();
      }
    }
  });
  if (grid) {
    grid.lines.pop();
    grid.rule('bottom');
    out.push(...grid.lines);
  }
  out.push('', '打印本页 关闭窗口');
  return { family: spec.family, text: out.join('\n') + '\n', tasks };
}

// ------------------------------------------------------------------ grid tables

/** Rule characters: left, fill, junction and right of the top, middle, header and bottom rules. */
type Frame = { top: string; mid: string; head: string; bottom: string; wall: string };
const ASCII: Frame = { top: '+-++', mid: '+-++', head: '+=++', bottom: '+-++', wall: '|' };
const BOX: Frame = { top: '┌─┬┐', mid: '├─┼┤', head: '╞═╪╡', bottom: '└─┴┘', wall: '│' };

// Display width as pandoc measures it: a Chinese or full-width character two columns.
const cols = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

/** A cell's text broken into lines of at most `width` columns, anywhere, as pandoc breaks Chinese. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (cols(cur + ch) > width) {
      lines.push(cur);
      cur = '';
    }
    cur += ch;
  }
  return [...lines, cur];
}

/** A pandoc-style grid table, written row by row; one text spans every column. */
function gridWriter(frame: Frame, widths: number[]) {
  const lines: string[] = [];
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - cols(s)));
  return {
    lines,
    rule(kind: 'top' | 'mid' | 'head' | 'bottom') {
      const [left, fill, cross, right] = [...frame[kind]];
      lines.push(left + widths.map((w) => fill.repeat(w + 2)).join(cross) + right);
    },
    row(cells: string[]) {
      const spans = cells.length === 1 ? [widths.reduce((a, b) => a + b + 3, -3)] : widths;
      const wrapped = cells.map((c, k) => wrap(c, spans[k]));
      const height = Math.max(...wrapped.map((w) => w.length));
      for (let i = 0; i < height; i++) {
        lines.push(frame.wall + wrapped.map((w, k) => ` ${pad(w[i] ?? '', spans[k])} `).join(frame.wall) + frame.wall);
      }
    },
  };
}

// ------------------------------------------------------------------ seeded specs for the bench

/** mulberry32: a small, fast, seedable PRNG, so a bench corpus is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distinct units: a task never names the same unit twice. */
function units(rand: () => number, count: number, taken: Set<string>): UnitSpec[] {
  const out: UnitSpec[] = [];
  while (out.length < count) {
    const u = { prefix: int(rand, PREFIXES.length), stem: int(rand, STEMS.length), suffix: int(rand, SUFFIXES.length) };
    if (taken.has(unitName(u))) continue;
    taken.add(unitName(u));
    out.push(u);
  }
  return out;
}

const int = (rand: () => number, n: number) => Math.floor(rand() * n);

export function randomDeadline(rand: () => number): DeadlineSpec | null {
  switch (int(rand, 6)) {
    case 0: return { kind: 'month-end', month: 1 + int(rand, 12) };
    case 1: return { kind: 'date', month: 1 + int(rand, 12), day: 1 + int(rand, 28) };
    case 2: return { kind: 'year-end' };
    case 3: return { kind: 'whole-year' };
    case 4: return { kind: 'ongoing' };
    default: return null;
  }
}

export function randomSpec(rand: () => number, family: Family, tasksPerSection = 6): NoticeSpec {
  const sections: SectionSpec[] = Array.from({ length: 1 + int(rand, 4) }, () => ({
    heading: int(rand, HEADINGS.length),
    tasks: Array.from({ length: 2 + int(rand, tasksPerSection) }, () => {
      const taken = new Set<string>();
      return {
        clauses: Array.from({ length: 1 + int(rand, 3) }, () => int(rand, CLAUSES.length)),
        lead: units(rand, int(rand, 3), taken),
        implementing: units(rand, 1 + int(rand, 3), taken),
        deadline: randomDeadline(rand),
      };
    }),
  }));
  const numbering = (['arabic-dot', 'arabic-dun', 'cn-paren', 'arabic-paren'] as Numbering[])[int(rand, 4)];
  return {
    family,
    city: int(rand, CITIES.length),
    year: 2018 + int(rand, 8),
    sections,
    style: { fullWidth: rand() < 0.5, blankLines: rand() < 0.5, indent: rand() < 0.5, restart: rand() < 0.3, numbering },
  };
}
