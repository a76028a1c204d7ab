import { describe, it, expect } from 'vitest';
import { clean, fold, foldWidth, isBlank, isSpaceCode, toSimplified } from '../src/normalize/text.js';

describe('isSpaceCode', () => {
  it('agrees with a RegExp \\s on every UTF-16 unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('clean and isBlank', () => {
  it.each(['', ' ', '\u3000\u00a0\t', '  两端  ', '\u3000责任单位:市财政局\u3000', '中间  的空格', '\ufeff\u2028x\u202f'])('trim %j as the space-class regex does', (s) => {
    expect(clean(s)).toBe(s.replace(/^\s+|\s+$/g, ''));
    expect(isBlank(s)).toBe(/^\s*$/.test(s));
  });
});

describe('folding', () => {
  it('keeps length and maps only the listed units', () => {
    const s = '（一）牽頭單位：市財政局，２０２１年６月底前\u3000完成\ud800';
    expect(fold(s)).toBe('(一)牵头单位:市财政局,2021年6月底前 完成\ud800');
    expect(foldWidth(s)).toBe('(一)牽頭單位:市財政局,2021年6月底前 完成\ud800');
    expect(toSimplified(s)).toBe('（一）牵头单位：市财政局，２０２１年６月底前\u3000完成\ud800');
  });
  it('returns the same string when nothing changes', () => {
    const s = '市发展改革委';
    expect(fold(s)).toBe(s);
  });
});
