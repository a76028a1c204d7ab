import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDeadlinesInText, looksLikeDeadline, parseDeadlines } from '../src/normalize/deadlines.js';
import type { Deadline } from '../src/model/schema.js';
import { Deadline as DeadlineSchema } from '../src/model/schema.js';

const ALPHABET = [...'0123456789０１２３年月日号底前后上中下旬半季度全年内持续推进每按个工作日小时,、。;:—-./ 一二三十〇起以来《》〔〕发%\n'];

const deadlineish = fc
  .array(fc.constantFrom(...ALPHABET), { maxLength: 40 })
  .map((cs) => cs.join(''));

/** Realistic fragments glued together, so the generator reaches the date rules often. */
const fragments = fc
  .array(
    fc.oneof(
      fc.constantFrom('2018年', '9月', '30日', '底前', '上半年', '第三季度', '每年', '持续推进', '个工作日内', '年底前', '2019116', '1231前', '90%', '〔2018〕', '—'),
      fc.integer({ min: 0, max: 99999999 }).map(String),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), deadlineish, fragments);
const year = fc.oneof(fc.constant(null), fc.integer({ min: 1990, max: 2100 }));

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function checkAll(out: Deadline[], inText: boolean): void {
  for (const d of out) {
    if (d.due !== null) expect(isRealDate(d.due), d.due).toBe(true);
    if (d.start !== undefined) expect(isRealDate(d.start), d.start).toBe(true);
    expect(d.inText).toBe(inText);
    expect(DeadlineSchema.safeParse(d).success).toBe(true);
  }
}

describe('deadlines never throw and only return real dates', () => {
  it('parseDeadlines', () => {
    fc.assert(
      fc.property(text, year, (s, y) => {
        const out = parseDeadlines(s, { year: y });
        checkAll(out, false);
        // never empty for non-blank input
        if (s.trim() !== '' && !/^[\s\u00a0\u3000]*$/.test(s)) expect(out.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('findDeadlinesInText', () => {
    fc.assert(
      fc.property(text, year, (s, y) => {
        checkAll(findDeadlinesInText(s, { year: y }), true);
      }),
      { numRuns: 2000 },
    );
  });

  it('looksLikeDeadline returns a boolean', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(typeof looksLikeDeadline(s)).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  it('every raw is a slice of the input', () => {
    fc.assert(
      fc.property(fc.oneof(deadlineish, fragments), year, (s, y) => {
        for (const d of [...parseDeadlines(s, { year: y }), ...findDeadlinesInText(s, { year: y })]) {
          expect(s.includes(d.raw)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
