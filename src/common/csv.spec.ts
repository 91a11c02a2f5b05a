import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes a BOM, CRLF lines, quotes what needs quoting, and leaves empty cells empty', () => {
    const csv = toCsv(
      ['社区', '人数', '备注'],
      [
        ['长江新村社区', 12, 'a,b'],
        ['大悲巷社区', 0, '他说"好"'],
        ['文昌巷社区', null, undefined],
      ],
    );
    expect(csv).toBe('\uFEFF社区,人数,备注\r\n长江新村社区,12,"a,b"\r\n大悲巷社区,0,"他说""好"""\r\n文昌巷社区,,\r\n');
  });

  it('neutralizes formulas in text but keeps negative numbers and big integers', () => {
    const csv = toCsv(
      ['x', 'n', 'fen'],
      [
        ['=HYPERLINK("http://x")', -5, 12345678901234567890n],
        ['@SUM(A1)', 3.5, 0n],
        ['-2+3', 1, 1n],
      ],
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"")",-5,12345678901234567890`);
    expect(lines[2]).toBe(`'@SUM(A1),3.5,0`);
    expect(lines[3]).toBe(`'-2+3,1,1`);
  });
});
