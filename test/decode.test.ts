import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decode } from '../src/decode/decode.js';
import { InputError } from '../src/errors.js';

const seed = readFileSync(new URL('../fixtures/seeds/004_f52bad858648e459.txt', import.meta.url), 'utf8');
const traditional = '益陽市人民政府辦公室關於印發工作要點的通知\n(一)加強政務公開。(市財政局牽頭,各縣區政府負責落實)\n';

describe('decode', () => {
  it.each([
    ['utf-8', Buffer.from(seed, 'utf8'), 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]), 'utf-8'],
    ['gb18030', iconv.encode(seed, 'gb18030'), 'gb18030'],
    ['gbk', iconv.encode(seed, 'gbk'), 'gb18030'],
    ['utf-16le with BOM', iconv.encode(seed, 'utf-16le', { addBOM: true }), 'utf-16le'],
    ['utf-16be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(seed, 'utf-16be')]), 'utf-16be'],
    ['utf-16le without BOM', iconv.encode(seed, 'utf-16le'), 'utf-16le'],
    ['utf-16be without BOM', iconv.encode(seed, 'utf-16be'), 'utf-16be'],
  ])('%s', (_, bytes, encoding) => {
    const d = decode(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text.replace(/^\ufeff/, '')).toBe(seed);
  });

  it('big5', () => {
    const d = decode(iconv.encode(traditional.repeat(5), 'big5'));
    expect(d.encoding).toBe('big5');
    expect(d.text).toBe(traditional.repeat(5));
  });

  it('a forced encoding wins', () => {
    expect(decode(iconv.encode(seed, 'gbk'), 'gbk').text).toBe(seed);
  });

  it('a truncated UTF-8 file keeps what is whole and warns', () => {
    const bytes = Buffer.from(seed, 'utf8');
    const d = decode(bytes.subarray(0, bytes.length - 2));
    expect(d.diagnostics[0].code).toBe('truncated-utf8');
    expect(seed.startsWith(d.text)).toBe(true);
  });

  it.each([
    ['empty', Buffer.alloc(0), 'empty'],
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'binary'],
    ['a zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), 'binary'],
    ['random bytes with NULs', Buffer.from([1, 0, 200, 0, 3, 255, 0, 17, 0, 0, 9]), 'binary'],
    ['an unknown encoding name', Buffer.from('abc'), 'unknown-encoding'],
  ])('%s is refused with a reason', (name, bytes, code) => {
    const run = () => decode(bytes, name === 'an unknown encoding name' ? 'klingon-8' : undefined);
    expect(run).toThrow(InputError);
    try {
      run();
    } catch (e) {
      expect((e as InputError).code).toBe(code);
    }
  });
});
