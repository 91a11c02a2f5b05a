import { IsInt, IsString, Max, MaxLength, Min, validate } from 'class-validator';
import { chineseMessage, fieldsWithAbsurdDates } from './validation.js';

class Sample {
  @IsInt() @Min(1) @Max(90000) minutes: number;
  @IsString() @MaxLength(5) note: string;
}

describe('validation messages', () => {
  it('turns class-validator English defaults into Chinese (issue 10 §8: "minutes must not be greater than 90000")', async () => {
    const s = Object.assign(new Sample(), { minutes: 100000, note: 'abcdefgh' });
    const errors = await validate(s);
    const messages = errors.flatMap((e) => Object.entries(e.constraints ?? {}).map(([c, m]) => chineseMessage(c, m, e.property)));
    expect(messages).toEqual(['minutes不能大于90000', 'note不超过5个字符']);
    for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });
  it('keeps messages already in Chinese and words unknown constraints generically', () => {
    expect(chineseMessage('max', '时长不能超过1500分钟', 'minutes')).toBe('时长不能超过1500分钟');
    expect(chineseMessage('somethingNew', 'x must be y', 'x')).toBe('x输入无效');
  });
});

describe('absurd dates', () => {
  it('finds dates before 1900 or after 9999, nested', () => {
    const far = new Date('+099999-01-01T00:00:00Z');
    expect(
      fieldsWithAbsurdDates({ windowStart: far, windowEnd: new Date('2026-01-01T00:00:00Z'), inner: { at: new Date('1899-12-31T00:00:00Z') } }, ''),
    ).toEqual(['windowStart', 'inner.at']);
    expect(fieldsWithAbsurdDates(new Date('2026-12-03T00:00:00Z'), 'from')).toEqual([]);
  });
});
