import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../src/parse.js';
import { Notice } from '../src/model/schema.js';
import { compare, type Gold } from './gold.js';

const root = new URL('../fixtures/', import.meta.url).pathname;

const keyed = (name: string, inputs: string, keys: string): [string, string, string][] =>
  existsSync(keys) ? readdirSync(keys).filter((f) => f.endsWith('.gold.json')).map((f) => [name, inputs, join(keys, f)]) : [];

/** Every notice with a hand-checked key: the five real seeds and five batches of hand-written layout variants. */
const cases: [string, string, string][] = [
  ...keyed('seeds', join(root, 'seeds'), join(root, 'gold')),
  ...keyed('variants', join(root, 'variants'), join(root, 'variants/gold')),
  ...keyed('variants2', join(root, 'variants2'), join(root, 'variants2/gold')),
  ...keyed('variants3', join(root, 'variants3'), join(root, 'variants3/gold')),
  ...keyed('variants4', join(root, 'variants4'), join(root, 'variants4/gold')),
  ...keyed('variants5', join(root, 'variants5'), join(root, 'variants5/gold')),
];

describe.each(cases)('golden %s', (_, dir, goldPath) => {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
  it(gold.file, async () => {
    const notice = await parseNotice(readFileSync(join(dir, gold.file)), { path: gold.file });
    expect(Notice.safeParse(notice).success).toBe(true);
    if (!gold.isTaskNotice) {
      expect(notice.lists).toEqual([]);
      expect(notice.diagnostics.some((d) => d.code === 'no-task-list')).toBe(true);
    }
    expect(compare(notice, gold)).toEqual([]);
  });
});
