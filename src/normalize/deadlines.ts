/**
 * Deadlines (完成时限) as printed in task-division notices, resolved to ISO dates.
 *
 * Matching runs on the folded copy (full-width → ASCII, Traditional → Simplified), which
 * keeps every index, so `raw` and `note` are sliced from the original text as printed.
 * Nothing here guesses: a digit run that splits into month/day more than one way is
 * reported as `unknown`, and the running-text scan accepts a date only with a trigger word.
 */
import type { Deadline } from '../model/schema.js';
import { clean, fold, isBlank } from './text.js';
import { numeral } from './numerals.js';

export type DeadlineContext = { year: number | null; issuedOn?: string | null };

type Kind = Deadline['kind'];
type Period = NonNullable<Deadline['period']>;
type Resolved = { due: string | null; start?: string };
type Mode = 'cell' | 'text';

interface Hit {
  start: number;
  /** index just after the expression and any 前/之前/为止 after it */
  end: number;
  kind: Kind;
  /** a year named by the expression itself; later milestones in a cell inherit it */
  year: number | null;
  resolve: (year: number | null) => Resolved;
  period?: Period;
  /** names a day, a 底/末/旬, a year or carries 前: precise enough to open a milestone mid-clause */
  strong: boolean;
  /** ends in a deadline word (底, 末, 内, 半年, 季度, 年中) even without 前 */
  endish: boolean;
  suffix: boolean;
  since?: '起' | '以来';
  /** a bare year such as 2018年, which running text uses for references as often as deadlines */
  bareYear?: boolean;
  /** 全年: a span, never a deadline when it appears in prose */
  wholeYear?: boolean;
}

// ---------------------------------------------------------------- calendar helpers

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO date or null when the day does not exist (2019-02-29) or the year is out of range. */
function iso(y: number | null, m: number, d: number): string | null {
  if (y === null || !Number.isInteger(y) || y < 1000 || y > 9999) return null;
  if (!(m >= 1 && m <= 12) || !(d >= 1 && d <= lastDay(y, m))) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day check when the year may still be unknown: allow 2-29 so the year decides later. */
function dayFits(m: number, d: number, y: number | null): boolean {
  if (!(m >= 1 && m <= 12) || !(d >= 1)) return false;
  return d <= lastDay(y ?? 2000, m);
}

function plausibleYear(y: number, ctxYear: number | null): boolean {
  if (!(y >= 1990 && y <= 2099)) return false;
  return ctxYear === null || Math.abs(y - ctxYear) <= 3;
}

// ---------------------------------------------------------------- regex building blocks

const CN = '零〇○一二两三四五六七八九十';
const NUM = `(\\d{1,2}|[${CN}]{1,3})`;
const YEAR = `(\\d{4}|[零〇○一二三四五六七八九]{4})`;
const SEP = /[\s,,、;;。::]/;

const sticky = (src: string): RegExp => new RegExp(src, 'y');

function at(rx: RegExp, f: string, i: number): RegExpExecArray | null {
  rx.lastIndex = i;
  return rx.exec(f);
}

const SUFFIX_RX = sticky('\\s*(?:之前|以前|前|为止|止)');
const SINCE_RX = sticky('\\s*(起|开始|以来)');

function suffixEnd(f: string, i: number): number {
  const m = at(SUFFIX_RX, f, i);
  return m ? i + m[0].length : i;
}

// ---------------------------------------------------------------- month tails: 9月, 9月30日, 9月中旬, 9月底

type DayPart = number | 'early' | 'mid' | 'late' | 'end';
interface MonthTail {
  end: number;
  m: number;
  day: DayPart;
}

const MONTH_RX = sticky(`${NUM}\\s*月(?:份)?`);
// 日 is sometimes lost in scraped text ("9月30前", a cell "2019年10月15"), so a bare day
// before 前, a separator or the end of the text still counts.
const DAY_RX = sticky(`\\s*${NUM}\\s*(?:[日号]|(?=之前|以前|前|\\s*[,;。、]|\\s*$))`);
const XUN_RX = sticky('\\s*([上中下])旬');
const END_RX = sticky('\\s*(?:底|末)');

function monthTail(f: string, i: number, year: number | null): MonthTail | null {
  const mm = at(MONTH_RX, f, i);
  if (!mm) return null;
  const m = numeral(mm[1]);
  if (!(m >= 1 && m <= 12)) return null;
  const p = i + mm[0].length;
  const dd = at(DAY_RX, f, p);
  if (dd) {
    const d = numeral(dd[1]);
    // An impossible day stays one expression (read later as unknown) rather than a bare month.
    return { end: p + dd[0].length, m, day: dayFits(m, d, year) ? d : NaN };
  }
  const xun = at(XUN_RX, f, p);
  if (xun) return { end: p + xun[0].length, m, day: ({ 上: 'early', 中: 'mid', 下: 'late' } as const)[xun[1] as '上' | '中' | '下'] };
  const e = at(END_RX, f, p);
  if (e) return { end: p + e[0].length, m, day: 'end' };
  return { end: p, m, day: 'end' };
}

/** 9月底, 2018年9月末: the month's end is named, which reads as a deadline even without 前. */
function endsInDi(f: string, start: number, end: number): boolean {
  return /[底末]\s*$/.test(f.slice(start, end));
}

function tailDay(t: MonthTail, y: number): number {
  if (typeof t.day === 'number') return t.day;
  if (t.day === 'early') return 10;
  if (t.day === 'mid') return 20;
  return lastDay(y, t.m);
}

function tailDue(t: MonthTail, y: number | null): string | null {
  return y === null ? null : iso(y, t.m, tailDay(t, y));
}

function tailStart(t: MonthTail, y: number | null): string | null {
  if (y === null) return null;
  return iso(y, t.m, typeof t.day === 'number' ? t.day : t.day === 'mid' ? 11 : t.day === 'late' ? 21 : 1);
}

// ---------------------------------------------------------------- hit finishing: 起/以来, 前

/**
 * Wraps an expression that ends at `end` with its 起/以来 or 前 and builds the hit. `base`
 * is the literal a matcher builds for this one call, so the common case completes it in
 * place: copying it by spread for every hit was a visible share of the scan.
 */
function finish(
  f: string,
  start: number,
  end: number,
  base: Omit<Hit, 'start' | 'end' | 'suffix' | 'since'>,
  startOf: ((y: number | null) => string | null) | null,
): Hit {
  const s = startOf ? at(SINCE_RX, f, end) : null;
  if (s && startOf) {
    // "2019年起" opens a span with no end.
    const since = s[1] === '以来' ? '以来' : '起';
    return {
      ...base,
      start,
      end: end + s[0].length,
      kind: 'period',
      suffix: false,
      since,
      resolve: (y) => {
        const st = startOf(y);
        return st ? { due: null, start: st } : { due: null };
      },
    };
  }
  const e2 = suffixEnd(f, end);
  const hit = base as Hit;
  hit.start = start;
  hit.end = e2;
  hit.suffix = e2 > end;
  hit.strong = base.strong || hit.suffix;
  return hit;
}

// ---------------------------------------------------------------- matchers

const RANGE_RX = sticky(`${YEAR}\\s*年?\\s*[—–\\-~～至到]{1,2}\\s*${YEAR}(?!\\d)\\s*(?:年度?)?`);

function matchRange(f: string, i: number): Hit | null {
  const r = at(RANGE_RX, f, i);
  if (!r) return null;
  const y1 = numeral(r[1]);
  const y2 = numeral(r[2]);
  if (!(y1 >= 1990 && y1 <= 2099 && y2 > y1 && y2 - y1 <= 20)) return null;
  // "2024—2026年每年底前": each year of the span, not its end.
  const every = matchRecurring(f, i + r[0].length);
  if (every) return { ...every, start: i };
  const due = iso(y2, 12, 31);
  const st = iso(y1, 1, 1);
  return finish(f, i, i + r[0].length, {
    kind: 'period', year: y2, strong: true, endish: false,
    resolve: () => (st ? { due, start: st } : { due }),
  }, null);
}

const YEAR_RX = sticky(`${YEAR}\\s*年(?:度)?`);
const Y_END_RX = sticky('年?(?:底|末)|内');
const Y_MID_RX = sticky('年?中(?![央国华共心期])');
const HALF_RX = sticky('([上下])半年');
const QUARTER_RX = sticky('第?([一二三四1-4])季度(?:末|底)?');

/** Year-level tails after 2018年: 底, 内, 年中, 上半年, 第三季度. Month tails are handled apart. */
function yearTail(f: string, p: number): { end: number; m: number; startM: number } | null {
  let r = at(Y_END_RX, f, p);
  if (r) return { end: p + r[0].length, m: 12, startM: 1 };
  r = at(Y_MID_RX, f, p);
  if (r) return { end: p + r[0].length, m: 6, startM: 1 };
  r = at(HALF_RX, f, p);
  if (r) return { end: p + r[0].length, m: r[1] === '上' ? 6 : 12, startM: r[1] === '上' ? 1 : 7 };
  r = at(QUARTER_RX, f, p);
  if (r) {
    const q = numeral(r[1]);
    return { end: p + r[0].length, m: q * 3, startM: q * 3 - 2 };
  }
  return null;
}

const LOST_MD_RX = sticky('(\\d{3,4})(?=\\s*日?\\s*(?:之前|以前|前))');

function matchYear(f: string, i: number): Hit | null {
  const r = at(YEAR_RX, f, i);
  if (!r) return null;
  const y = numeral(r[1]);
  if (!(y >= 1900 && y <= 2100)) return null;
  const p = i + r[0].length;
  const ws = /^\s*/.exec(f.slice(p, p + 4))![0].length;
  const mt = monthTail(f, p + ws, y);
  if (mt) {
    return finish(f, i, mt.end, {
      kind: 'date', year: y, strong: true, endish: endsInDi(f, i, mt.end),
      resolve: () => ({ due: tailDue(mt, y) }),
    }, () => tailStart(mt, y));
  }
  // "2023年1130前": 月 and 日 were lost after a printed 年; only one reading counts.
  const md = at(LOST_MD_RX, f, p + ws);
  if (md) {
    const splits = monthDaySplits(md[1], y);
    const end = p + ws + md[1].length;
    if (splits.length !== 1) return { start: i, end, kind: 'unknown', year: y, strong: true, endish: false, suffix: false, resolve: () => ({ due: null }) };
    const due = iso(y, splits[0][0], splits[0][1]);
    return finish(f, i, end, { kind: 'date', year: y, strong: true, endish: false, resolve: () => ({ due }) }, () => due);
  }
  const yt = yearTail(f, p);
  if (yt) {
    return finish(f, i, yt.end, {
      kind: 'period', year: y, strong: true, endish: true,
      resolve: () => ({ due: iso(y, yt.m, lastDay(y, yt.m)) }),
    }, () => iso(y, yt.startM, 1));
  }
  // A bare year mid-clause is as often a reference (2019年度计划) as a deadline.
  return finish(f, i, p, {
    kind: 'period', year: y, strong: false, endish: false, bareYear: true,
    resolve: () => ({ due: iso(y, 12, 31) }),
  }, () => iso(y, 1, 1));
}

const DOTTED_RX = sticky('(\\d{4})\\s*([./-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})(?!\\d)(?:\\s*日)?');

function matchDotted(f: string, i: number): Hit | null {
  const r = at(DOTTED_RX, f, i);
  if (!r) return null;
  const y = Number(r[1]);
  const due = iso(y, Number(r[3]), Number(r[4]));
  if (!(y >= 1900 && y <= 2100) || !due) return null;
  return finish(f, i, i + r[0].length, {
    kind: 'date', year: y, strong: true, endish: false, resolve: () => ({ due }),
  }, () => due);
}

// "2021.12", "2021/6": a year and a month, due at the month's end. Not an amount (2021.5亿).
const DOTTED_YM_RX = sticky('(\\d{4})\\s*[./]\\s*(\\d{1,2})(?![\\d./%]|\\s*[亿万元个人户家所项座条])');

function matchDottedMonth(f: string, i: number): Hit | null {
  const r = at(DOTTED_YM_RX, f, i);
  if (!r) return null;
  const y = Number(r[1]);
  const m = Number(r[2]);
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12)) return null;
  const due = iso(y, m, lastDay(y, m));
  return finish(f, i, i + r[0].length, {
    kind: 'date', year: y, strong: true, endish: false, resolve: () => ({ due }),
  }, () => iso(y, m, 1));
}

/**
 * Where a date written as bare numbers (2018630, 6.30) ends, past a 前 after it; null when
 * nothing marks it as a date: no 前, no 日, and not alone in a deadline cell.
 */
function standingEnd(f: string, end: number, dayMark: boolean, mode: Mode): number | null {
  const e2 = suffixEnd(f, end);
  const next = f[end] ?? '';
  return e2 > end || dayMark || (mode === 'cell' && (next === '' || SEP.test(next))) ? e2 : null;
}

// "6.30前": a month and a day without the year, read only with a 前 after it or alone in a
// deadline cell, since 6.30 is otherwise an amount.
const DOTTED_MD_RX = sticky('(\\d{1,2})\\s*[./]\\s*(\\d{1,2})(?![\\d./%])(\\s*[日号])?');

function matchDottedMonthDay(f: string, i: number, mode: Mode): Hit | null {
  const r = at(DOTTED_MD_RX, f, i);
  if (!r) return null;
  const end = i + r[0].length;
  const e2 = standingEnd(f, end, Boolean(r[3]), mode);
  const m = Number(r[1]);
  const d = Number(r[2]);
  if (e2 === null || !dayFits(m, d, null)) return null;
  return {
    start: i, end: e2, kind: 'date', year: null, strong: true, endish: false, suffix: e2 > end,
    resolve: (y) => ({ due: iso(y, m, d) }),
  };
}

// Scraped text that lost 年: "20186月底前".
const GARBLED_YM_RX = sticky('(\\d{4})(?=\\d{1,2}\\s*月)');

function matchGarbledYearMonth(f: string, i: number, ctxYear: number | null): Hit | null {
  const r = at(GARBLED_YM_RX, f, i);
  if (!r) return null;
  const y = Number(r[1]);
  if (!plausibleYear(y, ctxYear)) return null;
  const mt = monthTail(f, i + 4, y);
  if (!mt) return null;
  return finish(f, i, mt.end, {
    kind: 'date', year: y, strong: true, endish: endsInDi(f, i, mt.end), resolve: () => ({ due: tailDue(mt, y) }),
  }, () => tailStart(mt, y));
}

/** Every month/day reading of a digit string: "630" → 6/30; "116" → 1/16 and 11/6. */
function monthDaySplits(s: string, y: number | null): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 1; k <= 2; k++) {
    const ms = s.slice(0, k);
    const ds = s.slice(k);
    if (ds.length < 1 || ds.length > 2 || ms === '0') continue;
    const m = Number(ms);
    const d = Number(ds);
    if (m >= 1 && m <= 12 && dayFits(m, d, y)) out.push([m, d]);
  }
  return out;
}

type RunReading = { y: number | null; m: number; d: number } | 'ambiguous' | null;

/** Reads a run of digits that lost 年/月/日; only a single possible reading counts. */
function readDigitRun(run: string, ctxYear: number | null): RunReading {
  if (run.length <= 4) {
    const splits = monthDaySplits(run, ctxYear);
    if (splits.length === 0) return null;
    return splits.length === 1 ? { y: null, m: splits[0][0], d: splits[0][1] } : 'ambiguous';
  }
  const y = Number(run.slice(0, 4));
  if (!plausibleYear(y, ctxYear)) return null;
  const splits = monthDaySplits(run.slice(4), y);
  return splits.length === 1 ? { y, m: splits[0][0], d: splits[0][1] } : 'ambiguous';
}

const RUN_RX = sticky('(\\d{3,8})(?!\\d)(\\s*日)?');

function matchDigitRun(f: string, i: number, ctxYear: number | null, mode: Mode): Hit | null {
  const r = at(RUN_RX, f, i);
  if (!r) return null;
  const end = i + r[0].length;
  const e2 = standingEnd(f, end, Boolean(r[2]), mode);
  if (e2 === null) return null;
  const reading = readDigitRun(r[1], ctxYear);
  if (reading === null) return null;
  if (reading === 'ambiguous') {
    return { start: i, end: e2, kind: 'unknown', year: null, strong: true, endish: false, suffix: e2 > end, resolve: () => ({ due: null }) };
  }
  const { m, d } = reading;
  return {
    start: i, end: e2, kind: 'date', year: reading.y, strong: true, endish: false, suffix: e2 > end,
    resolve: (y) => ({ due: iso(y, m, d) }),
  };
}

function matchMonth(f: string, i: number): Hit | null {
  const mt = monthTail(f, i, null);
  if (!mt) return null;
  const di = endsInDi(f, i, mt.end);
  return finish(f, i, mt.end, {
    kind: 'date', year: null, strong: di || mt.day !== 'end', endish: di,
    resolve: (y) => ({ due: tailDue(mt, y) }),
  }, (y) => tailStart(mt, y));
}

function matchQuarter(f: string, i: number): Hit | null {
  const r = at(QUARTER_RX, f, i);
  if (!r) return null;
  const q = numeral(r[1]);
  return finish(f, i, i + r[0].length, {
    kind: 'period', year: null, strong: /[末底]$/.test(r[0]), endish: true,
    resolve: (y) => ({ due: y === null ? null : iso(y, q * 3, lastDay(y, q * 3)) }),
  }, null);
}

const WORD_RX = sticky(
  '(?:今年|本年度?|当年)?(全年|年内|年底|年末|年中(?![央国华共心期])|上半年|下半年)|(?:今年|本年度?|当年)(底|末|内)',
);

function matchWord(f: string, i: number): Hit | null {
  const r = at(WORD_RX, f, i);
  if (!r) return null;
  const w = r[1] ?? r[2];
  const m = w === '年中' || w === '上半年' ? 6 : 12;
  return finish(f, i, i + r[0].length, {
    kind: 'period', year: null, strong: false, endish: w !== '全年', wholeYear: w === '全年',
    resolve: (y) => ({ due: y === null ? null : iso(y, m, lastDay(y, m)) }),
  }, null);
}

const NEXT_RX = sticky(`(?:次年|明年|翌年|下一年度?|下年度)(?:(上半年|年中)|(年?底|年?末)|第?([一二三四1-4])季度(?:末|底)?|${NUM}\\s*月(?:份)?(?:底|末)?)?`);

function matchNextYear(f: string, i: number): Hit | null {
  const r = at(NEXT_RX, f, i);
  if (!r) return null;
  // 明年上半年 / 明年一季度 / 明年3月底: a part of the next year, else its end.
  const m = r[1] ? 6 : r[3] ? numeral(r[3]) * 3 : r[4] ? numeral(r[4]) : 12;
  if (!(m >= 1 && m <= 12)) return null;
  return finish(f, i, i + r[0].length, {
    kind: 'period', year: null, strong: Boolean(r[3] || r[4]), endish: Boolean(r[1] || r[2] || r[3] || r[4]),
    resolve: (y) => ({ due: y === null ? null : iso(y + 1, m, lastDay(y + 1, m)) }),
  }, null);
}

const ONGOING_RX = sticky('(?:自)?即日(?:起|开始)|立即(?:实施|执行|启动|开展)|持续推进|长期坚持|常态化|持续开展|长期|持续|常年|长效');

function matchOngoing(f: string, i: number): Hit | null {
  const r = at(ONGOING_RX, f, i);
  if (!r) return null;
  return { start: i, end: i + r[0].length, kind: 'ongoing', year: null, strong: false, endish: false, suffix: false, resolve: () => ({ due: null }) };
}

const RECUR_RX = sticky('(?:每|按)个?(季度|季|半年|年度?|月度?|周|星期|日|天)');
const RECUR_PERIOD: Record<string, Period> = {
  季度: 'quarter', 季: 'quarter', 半年: 'half-year', 年: 'year', 年度: 'year', 月: 'month', 月度: 'month', 周: 'week', 星期: 'week', 日: 'day', 天: 'day',
};
const RECUR_DAY_RX = sticky(`\\s*${NUM}\\s*[日号]`);

/** The date inside a recurring deadline (每年1月31日前, 每月底前, 每季度末); consumed so it is not read as a date. */
function recurTail(f: string, p: number): number {
  const mt = monthTail(f, p, null);
  if (mt) return mt.end;
  for (const rx of [QUARTER_RX, RECUR_DAY_RX, XUN_RX, END_RX]) {
    const r = at(rx, f, p);
    if (r) return p + r[0].length;
  }
  return p;
}

function matchRecurring(f: string, i: number): Hit | null {
  const r = at(RECUR_RX, f, i);
  if (!r) return null;
  const p = i + r[0].length;
  const t = recurTail(f, p);
  const e2 = suffixEnd(f, t);
  return {
    start: i, end: e2, kind: 'recurring', year: null, period: RECUR_PERIOD[r[1]],
    strong: t > p || e2 > t, endish: t > p, suffix: e2 > t, resolve: () => ({ due: null }),
  };
}

const RELATIVE_RX = sticky(
  `(?:(?:自|从|收到|接到|受理)[^,,。;;\\n]{0,20}?(?:之日|后)起?\\s*)?(?:\\d{1,4}|[${CN}百]{1,4})\\s*个?\\s*(?:工作日|自然日|日|天|小时|月|周|星期|年)(?:内|以内|之内)`,
);

// Seasons that set no calendar date: 汛期前, 主汛期前, 汛期内, 汛后, 供暖季前.
// Seasons and holidays move from year to year (汛期, 春节 by the lunar calendar): no date.
const SEASON_WORD = '(?:汛期|汛|供暖季|采暖季|供暖期|采暖期|节假日|旅游旺季|(?:春季|秋季|春秋)?防火期(?:结束)?|春耕|春播|夏播|秋播|秋冬种|春灌|冬灌|三夏|三秋|夏收|秋收|麦收|春运|暑期|暑假|寒假|雨季|(?:春季|秋季|春|秋)?(?:学期)?开学|春节|国庆节?|元旦|五一|清明节?|冬至|中秋节?|端午节?|[“"]?十[一二三四五六七八九]五[”"]?(?:时期)?)';
const SEASON_RX = sticky(`(?:\\d{4}\\s*年\\s*)?(?:主|今年|本年度?)?(?:${SEASON_WORD}[、和及]?){0,4}${SEASON_WORD}(?:前|内|期间|后|之前)`);

function matchSeason(f: string, i: number): Hit | null {
  const r = at(SEASON_RX, f, i);
  if (!r) return null;
  return { start: i, end: i + r[0].length, kind: 'relative', year: null, strong: true, endish: true, suffix: false, resolve: () => ({ due: null }) };
}

// "两年内", "3年内": the work year and the years after it, to the end of the last.
const YEARS_WITHIN_RX = sticky('([两二三四五]|[2-5])\\s*年(?:内|以内|之内)');

function matchYearsWithin(f: string, i: number): Hit | null {
  const r = at(YEARS_WITHIN_RX, f, i);
  if (!r) return null;
  const n = r[1] === '两' ? 2 : numeral(r[1]);
  return {
    start: i, end: i + r[0].length, kind: 'period', year: null, strong: false, endish: true, suffix: false,
    resolve: (y) => ({ due: y === null ? null : iso(y + n - 1, 12, 31) }),
  };
}

function matchRelative(f: string, i: number): Hit | null {
  const r = at(RELATIVE_RX, f, i);
  if (!r) return null;
  return { start: i, end: i + r[0].length, kind: 'relative', year: null, strong: false, endish: true, suffix: false, resolve: () => ({ due: null }) };
}

const CN_DIGIT = new RegExp(`[${CN}]`);

/** A numeral continuing another numeral ("2018630" at '6', "十二" at '二') never starts a date. */
function midNumber(f: string, i: number): boolean {
  const c = f[i];
  const p = f[i - 1] ?? '';
  if (/\d/.test(c)) return /[\d.]/.test(p);
  return CN_DIGIT.test(c) && CN_DIGIT.test(p);
}

function matchAt(f: string, i: number, ctxYear: number | null, mode: Mode): Hit | null {
  if (midNumber(f, i)) return null;
  const hit =
    matchRange(f, i) ??
    matchSeason(f, i) ??
    matchYear(f, i) ??
    matchDotted(f, i) ??
    matchDottedMonth(f, i) ??
    matchGarbledYearMonth(f, i, ctxYear) ??
    matchYearsWithin(f, i) ??
    matchRelative(f, i) ??
    matchDigitRun(f, i, ctxYear, mode) ??
    matchDottedMonthDay(f, i, mode) ??
    matchMonth(f, i) ??
    matchQuarter(f, i) ??
    matchWord(f, i) ??
    matchNextYear(f, i) ??
    matchRecurring(f, i) ??
    matchOngoing(f, i);
  // 90% and the like: a number followed by % is never a date.
  if (hit && f[hit.end] === '%') return null;
  return hit;
}

// The first characters any matcher above can start with. Checking it first keeps the
// twelve matchers off the great majority of positions in running text.
const START = new Set([...`0123456789${CN}百自从收接受第今本当全年上下次明翌每按持长常主汛供采旅春秋开即立国元五中端清冬三夏节麦暑寒雨防`].map((ch) => ch.charCodeAt(0)));

function scan(f: string, ctxYear: number | null, mode: Mode): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < f.length) {
    if (!START.has(f.charCodeAt(i))) {
      i++;
      continue;
    }
    const h = matchAt(f, i, ctxYear, mode);
    if (h && h.end > i) {
      hits.push(h);
      i = h.end;
    } else i++;
  }
  return hits;
}

// ---------------------------------------------------------------- building Deadline objects

// Tails start only where a run starts (lookbehind): linear on long runs of separators.
const TRIM_RAW = /^[\s,,、;;::]+|(?<![\s,,、;;::])[\s,,、;;::]+$/g;
const TRIM_NOTE_HEAD = /^[\s,,、;;::]+/;
const TRIM_NOTE_TAIL = /(?<![\s,,、;;::。.!!??])[\s,,、;;::。.!!??]+$/;

function toDeadline(text: string, h: Hit, rawStart: number, rawEnd: number, year: number | null, inText: boolean): Deadline {
  const { due, start } = h.resolve(year);
  // A day that does not exist in the resolved year (2019年2月29日) cannot be read as a date.
  const kind = h.kind === 'date' && year !== null && due === null ? 'unknown' : h.kind;
  const d: Deadline = { raw: text.slice(rawStart, rawEnd).replace(TRIM_RAW, ''), kind, due, inText };
  if (start) d.start = start;
  if (h.period) d.period = h.period;
  return d;
}

/** The last character before i that is not a space; '' at the start of the text. */
function charBefore(f: string, i: number): string {
  // A backward walk, not a slice of the prefix: a task text with many hits would copy
  // and rescan its whole prefix for each one.
  let k = i - 1;
  while (k >= 0 && /\s/.test(f[k])) k--;
  return k >= 0 ? f[k] : '';
}

function atClauseStart(f: string, i: number): boolean {
  const c = charBefore(f, i);
  return c === '' || /[,,、;;。::)\])】于在到至]/.test(c);
}

function atSentenceStart(f: string, i: number): boolean {
  const c = charBefore(f, i);
  return c === '' || /[;。!?]/.test(c);
}

/** Which hits open a milestone: dated ones; mid-clause only when precise; 持续推进 only alone. */
function milestones(f: string, hits: Hit[]): Hit[] {
  const dated = hits.filter((h) => h.kind !== 'ongoing');
  if (dated.length === 0) return hits.slice(0, 1);
  return dated.filter((h, k) => k === 0 || h.strong || atClauseStart(f, h.start));
}

const RANGE_JOIN = /^\s*[—–\-~～至到]{1,2}\s*$/;

/**
 * "2021年6月—12月", "3月至6月底": two dates joined by a dash or 至 are one span, due at the
 * second. The span starts on the first day of the first month unless a day is named.
 */
function joinRanges(f: string, hits: Hit[]): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    const a = out[out.length - 1];
    const dated = (x: Hit) => x.kind === 'date' || x.kind === 'period';
    if (!a || !dated(a) || !dated(h) || a.since || !RANGE_JOIN.test(f.slice(a.end, h.start))) {
      out.push(h);
      continue;
    }
    const dayNamed = /[日号]/.test(f.slice(a.start, a.end));
    out[out.length - 1] = {
      ...h,
      start: a.start,
      kind: 'period',
      year: a.year ?? h.year,
      strong: true,
      resolve: (y) => {
        const from = a.resolve(a.year ?? y).due;
        const due = h.resolve(h.year ?? a.year ?? y).due;
        const start = from && !dayNamed && a.kind === 'date' ? `${from.slice(0, 8)}01` : from;
        return start ? { due, start } : { due };
      },
    };
  }
  return out;
}

function parseUnsafe(text: string, ctx: DeadlineContext): Deadline[] {
  if (isBlank(text)) return [];
  const ctxYear = validYear(ctx);
  const f = mask(fold(text));
  const ms = milestones(f, joinRanges(f, scan(f, ctxYear, 'cell')));
  if (ms.length === 0) return [unknown(text, false)];
  let inherited: number | null = null;
  return ms.map((h, k) => {
    const onlyOngoing = h.kind === 'ongoing';
    const rawStart = onlyOngoing ? 0 : h.start;
    const rawEnd = k + 1 < ms.length ? ms[k + 1].start : text.length;
    const year = h.year ?? inherited ?? ctxYear;
    if (h.year !== null && h.kind !== 'unknown') inherited = h.year;
    const d = toDeadline(text, h, rawStart, rawEnd, year, false);
    const note = onlyOngoing ? '' : text.slice(h.end, rawEnd).replace(TRIM_NOTE_HEAD, '').replace(TRIM_NOTE_TAIL, '');
    if (note) d.note = note;
    // "2025年持续推进": work that goes on through a year sets no deadline in it.
    if (h.bareYear && ONGOING_NOTE.test(fold(note))) return { ...d, kind: 'ongoing', due: null };
    return d;
  });
}

const ONGOING_NOTE = /^(?:持续推进|长期坚持|持续开展|常态化|持续)/;

function unknown(text: string, inText: boolean): Deadline {
  return { raw: clean(text), kind: 'unknown', due: null, inText };
}

function validYear(ctx: DeadlineContext | null | undefined): number | null {
  const y = ctx?.year;
  return typeof y === 'number' && Number.isInteger(y) && y >= 1000 && y <= 9998 ? y : null;
}

/**
 * A deadline column cell or a clause ("完成时限:…"): every milestone in it, inText=false.
 * Never empty for non-blank input: unreadable text gives one {kind:'unknown', due:null, raw:text}.
 * Blank input gives [].
 */
export function parseDeadlines(text: string, ctx: DeadlineContext): Deadline[] {
  if (typeof text !== 'string') return [];
  try {
    return parseUnsafe(text, ctx);
  } catch {
    return isBlank(text) ? [] : [unknown(text, false)];
  }
}

// ---------------------------------------------------------------- running text

const MASK_RX = [
  /《[^》]{0,100}》?/g,
  /〔[^〕)\n]{0,12}[〕)]?/g,
  // document numbers, garbled or not: 国办发〔2018〕22号, 国办发〔201822号, 皖政办发201822号
  /发\s*[〔\[【(]?\s*\d[^,,。;;\n]{0,12}?号/g,
];

/** Blanks out titles and document numbers (same length), where dates are never deadlines. */
function mask(f: string): string {
  let out = f;
  for (const rx of MASK_RX) out = out.replace(rx, (s) => '□'.repeat(s.length));
  return out;
}

const PREP = /[于在到至]$/;
const COMPARE_BEFORE = /(?:截至|截止到|比|较|同比|与|自|从)\s*$/;
const REFERENCE_AFTER = /^\s*(?:的|以来|同期|相比|增长|下降|减少|提高|出台|印发|发布|以前的)/;
const VERB_AFTER = /^\s*(?:前|完成|启动|上线|建成|实现|全面|基本|组织|开展|举办|召开|出台|制定|印发|报送|部署|推出|开通)/;

/** Trigger rules for a date stated in running text; anything doubtful is dropped. */
function acceptInText(f: string, h: Hit): boolean {
  if (h.kind === 'ongoing' || h.kind === 'unknown' || h.since || h.wholeYear) return false;
  const before = f.slice(Math.max(0, h.start - 4), h.start);
  const after = f.slice(h.end, h.end + 12);
  if (COMPARE_BEFORE.test(before)) return false;
  if (h.kind === 'relative') return true;
  if (h.kind === 'recurring') return h.strong;
  if (h.suffix) return !/^\s*的/.test(after);
  if (REFERENCE_AFTER.test(after) || /^[^,,。;;]{0,4}的/.test(after)) return false;
  if (h.bareYear) return false;
  // 年内 mid-sentence ("负责人,年内解读…", "围绕年内实现…目标") describes a goal, not a due date;
  // a sentence that opens with one ("。年内开展…"), "于…", or an explicit …前 after a clause
  // break ("…,年底前覆盖率达到70%") assigns one.
  if (h.endish) {
    const explicit = /前$/.test(f.slice(h.start, h.end)) && atClauseStart(f, h.start);
    return PREP.test(before) || atSentenceStart(f, h.start) || explicit;
  }
  // A plain date or month ("2020年4月,…", "发布日期:2018-08-13") is narrative unless "于9月组织…".
  return PREP.test(before) && VERB_AFTER.test(after);
}

/** Conservative scan of a task's running text for deadlines stated in it, inText=true. */
export function findDeadlinesInText(text: string, ctx: DeadlineContext): Deadline[] {
  if (typeof text !== 'string' || isBlank(text)) return [];
  try {
    const ctxYear = validYear(ctx);
    const f = mask(fold(text));
    return scan(f, ctxYear, 'text')
      .filter((h) => acceptInText(f, h))
      .map((h) => {
        const rawStart = h.start > 0 && PREP.test(f[h.start - 1]) ? h.start - 1 : h.start;
        return toDeadline(text, h, rawStart, h.end, h.year ?? ctxYear, true);
      })
      .filter((d) => d.kind !== 'unknown');
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------- layout detection

const LABEL_RX = /^(?:完成)?(?:时限|时间|期限)(?:要求)?\s*[::]?\s*/;
// What may stand before the date: 力争…, and a stage's name (第二批12月底前, 二期:2025年底前).
const LEAD_RX = /^(?:力争|争取|要在|要于|于|在|第?[一二三四五六七八九十\d]{1,2}(?:批|阶段|期|步)\s*[::,]?\s*)/;

/**
 * For layout detection: does this cell/segment read as a deadline (starts with or is a
 * deadline expression)? Plain task prose that merely contains a date somewhere is false.
 */
export function looksLikeDeadline(text: string): boolean {
  if (typeof text !== 'string') return false;
  try {
    const f = clean(fold(text)).replace(LABEL_RX, '').replace(LEAD_RX, '');
    if (f === '') return false;
    // Only an expression at the very start counts, so there is no need to scan the rest.
    const first = matchAt(f, 0, null, 'cell');
    if (!first || first.end === 0) return false;
    const rest = f.slice(first.end);
    if (first.since === '以来') return false;
    if (first.bareYear) return rest.trim() === '' || /^(?:前|底|内|完成|全面|基本|实现)/.test(rest);
    if (rest.trim() === '' || SEP.test(rest[0])) return true;
    if (first.kind === 'ongoing') return rest.length <= 2;
    if (first.strong) return true;
    return f.length <= (first.kind === 'recurring' || first.kind === 'relative' ? 20 : 12);
  } catch {
    return false;
  }
}
