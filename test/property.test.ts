import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseNotice } from '../src/parse.js';
import { InputError } from '../src/errors.js';
import { Notice } from '../src/model/schema.js';
import {
  FAMILIES, PREFIXES, STEMS, SUFFIXES, CITIES, CLAUSES, HEADINGS, render, unitName,
  type DeadlineSpec, type NoticeSpec, type UnitSpec, type Numbering,
} from './generate.js';

/** parse either returns a Notice that validates, or refuses with an InputError; nothing else. */
async function parsesCleanly(bytes: Uint8Array, path: string | null): Promise<void> {
  let notice: Notice;
  try {
    notice = await parseNotice(bytes, { path });
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return;
  }
  const checked = Notice.safeParse(notice);
  expect(checked.success, checked.error?.message).toBe(true);
}

// Pieces of real notices, so random strings reach the detectors and not only the decoder.
const FRAGMENTS = [
  '\n', '\r\n', ' ', '  ', '\t', '\u3000', '\u00a0', '|', '｜', '、', ',', '，', ';', '；', '。', ':', '：', '(', ')', '（', '）', '【', '】', '〔', '〕', '《', '》',
  '一、', '(一)', '（十二）', '1.', '12、', '(3)', '①', '一是', '第一条', '第二部分', '序号', '工作任务', '责任单位', '牵头单位', '配合单位', '完成时限',
  '市财政局', '各县(市、区)人民政府', '有关部门', '牵头', '负责', '配合', '落实', '等单位', '9月底前', '2021年6月30日前', '全年', '持续推进', '每季度',
  '2021630前', '年底前', '5个工作日内', '2018—2020年', '列第一位的为牵头单位', '关于印发', '的通知', '〔2021〕9号', '打印本页', '<div>', '<script>', '\ufeff', '\ud800',
];
const noticeish = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })), { maxLength: 120 }).map((parts) => parts.join(''));

describe('parse never throws anything but an InputError, and what it returns validates', () => {
  it('for any string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), noticeish), async (s) => {
        await parsesCleanly(Buffer.from(s, 'utf8'), 'x.txt');
      }),
      { numRuns: 500 },
    );
  });

  it('for any byte buffer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(null, 'x.txt', 'x.md', 'x.html'), async (bytes, path) => {
        await parsesCleanly(bytes, path);
      }),
      { numRuns: 500 },
    );
  });

  it('for notice-like text in any legacy encoding', async () => {
    const { default: iconv } = await import('iconv-lite');
    await fc.assert(
      fc.asyncProperty(noticeish, fc.constantFrom('gb18030', 'big5', 'utf-16le', 'utf-16be'), async (s, enc) => {
        await parsesCleanly(iconv.encode(s, enc), null);
      }),
      { numRuns: 300 },
    );
  });
});

// ------------------------------------------------------------------ generated notices

const unit = fc.record({ prefix: fc.nat(PREFIXES.length - 1), stem: fc.nat(STEMS.length - 1), suffix: fc.nat(SUFFIXES.length - 1) });
const deadlineArb: fc.Arbitrary<DeadlineSpec | null> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('month-end' as const), month: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('date' as const), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) }),
  fc.constant({ kind: 'year-end' as const }),
  fc.constant({ kind: 'whole-year' as const }),
  fc.constant({ kind: 'ongoing' as const }),
);
// A task never names the same unit twice, so draw distinct units and split them into roles.
const taskArb = fc
  .record({
    clauses: fc.array(fc.nat(CLAUSES.length - 1), { minLength: 1, maxLength: 3 }),
    units: fc.uniqueArray(unit, { minLength: 1, maxLength: 5, selector: unitName }),
    leads: fc.nat(2),
    deadline: deadlineArb,
  })
  .map(({ clauses, units, leads, deadline }) => {
    const k = Math.min(leads, units.length - 1);
    return { clauses, lead: units.slice(0, k) as UnitSpec[], implementing: units.slice(k) as UnitSpec[], deadline };
  });
const specArb: fc.Arbitrary<NoticeSpec> = fc.record({
  family: fc.constantFrom(...FAMILIES),
  city: fc.nat(CITIES.length - 1),
  year: fc.integer({ min: 2016, max: 2030 }),
  sections: fc.array(fc.record({ heading: fc.nat(HEADINGS.length - 1), tasks: fc.array(taskArb, { minLength: 2, maxLength: 6 }) }), { minLength: 1, maxLength: 4 }),
  style: fc.record({
    fullWidth: fc.boolean(),
    blankLines: fc.boolean(),
    indent: fc.boolean(),
    restart: fc.boolean(),
    numbering: fc.constantFrom<Numbering>('arabic-dot', 'arabic-dun', 'cn-paren', 'arabic-paren'),
  }),
});

const sorted = (xs: string[]) => [...xs].sort();

describe('a generated notice gives back the tasks it was built from', () => {
  it('in every layout family', async () => {
    await fc.assert(
      fc.asyncProperty(specArb, async (spec) => {
        const { text, tasks } = render(spec);
        const notice = await parseNotice(Buffer.from(text), { path: 'generated.txt' });
        expect(Notice.safeParse(notice).success).toBe(true);
        const got = notice.lists.flatMap((l) => l.tasks);
        expect(got.map((t) => t.seq)).toEqual(tasks.map((t) => t.seq));
        expect(got.map((t) => ({ lead: sorted(t.lead), implementing: sorted(t.implementing), dues: t.deadlines.map((d) => d.due) }))).toEqual(
          tasks.map((t) => ({ lead: sorted(t.lead), implementing: sorted(t.implementing), dues: t.dues })),
        );
      }),
      { numRuns: 400 },
    );
  });
});
