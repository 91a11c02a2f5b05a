import { randomBytes } from 'node:crypto';
import { ageOn, idCheckChar, parseIdNumber, plausibleRegionCode } from './id-number.js';
import { maskIdNumber, maskName, maskPhone } from './mask.js';
import { isMobile } from './phone.js';
import { PiiCipher } from './pii-cipher.js';

describe('ID-card number (GB 11643)', () => {
  // The standard's own example: 11010519491231002X.
  it('accepts the published example and derives birth date and gender', () => {
    expect(parseIdNumber('11010519491231002x')).toEqual({ normalized: '11010519491231002X', birthDate: '1949-12-31', gender: 'F' });
  });
  it('computes the MOD 11-2 check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('32010219800101001')).toBe('6');
    expect(idCheckChar('32010219450312002')).toBe('2');
  });
  it.each([
    ['1101051949123100', 'FORMAT'],
    ['11010519491231002Y', 'FORMAT'],
    ['99010519491231002X', 'REGION'],
    ['110105194902300026', 'BIRTH_DATE'],
    ['110105299901010026', 'BIRTH_DATE'],
    ['110105194912310021', 'CHECK_DIGIT'],
  ])('rejects %s as %s', (raw, problem) => {
    expect(parseIdNumber(raw)).toEqual({ problem });
  });
  it('rejects implausible address codes whose province exists (329999…), keeps real ones', () => {
    const withCheck = (first17: string) => first17 + idCheckChar(first17);
    expect(parseIdNumber(withCheck('32999919900101123'))).toEqual({ problem: 'REGION' });
    expect(parseIdNumber(withCheck('32000019900101123'))).toEqual({ problem: 'REGION' });
    expect(parseIdNumber(withCheck('11030519900101123'))).toEqual({ problem: 'REGION' });
    expect(parseIdNumber(withCheck('81010119900101123'))).toEqual({ problem: 'REGION' });
    for (const code of ['110105', '500230', '320102', '429004', '652101', '810000', '152201']) expect(plausibleRegionCode(code)).toBe(true);
    for (const code of ['329999', '320000', '327101', '110305', '710101', '990101']) expect(plausibleRegionCode(code)).toBe(false);
  });
  it('counts whole years of age', () => {
    expect(ageOn('1949-12-31', new Date(Date.UTC(2026, 11, 30)))).toBe(76);
    expect(ageOn('1949-12-31', new Date(Date.UTC(2026, 11, 31)))).toBe(77);
  });
});

describe('masking', () => {
  it('masks names to the surname', () => {
    expect(maskName('王秀英')).toBe('王*');
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧')).toBe('*');
  });
  it('masks phones to 3+4 digits', () => expect(maskPhone('13800000001')).toBe('138****0001'));
  it('hides birth date and sequence of an ID number', () => expect(maskIdNumber('11010519491231002X')).toBe('110105********002X'));
});

describe('mobile numbers', () => {
  it.each(['13800000001', '19912345678'])('accepts %s', (p) => expect(isMobile(p)).toBe(true));
  it.each(['12800000001', '1380000000', '138000000011', '+8613800000001', '1380000000a'])('rejects %s', (p) => expect(isMobile(p)).toBe(false));
});

describe('PiiCipher', () => {
  const sut = new PiiCipher(randomBytes(32));
  it('round-trips and never repeats a ciphertext', () => {
    const a = sut.encrypt('11010519491231002X', 'id_number');
    const b = sut.encrypt('11010519491231002X', 'id_number');
    expect(a.equals(b)).toBe(false);
    expect(sut.decrypt(a, 'id_number')).toBe('11010519491231002X');
  });
  it('detects tampering and a swapped field', () => {
    const blob = sut.encrypt('11010519491231002X', 'id_number');
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1] ^= 1;
    expect(() => sut.decrypt(tampered, 'id_number')).toThrow();
    expect(() => sut.decrypt(blob, 'address')).toThrow();
  });
  it('gives deterministic keyed lookup hashes that differ per key', () => {
    expect(sut.lookupHash('x', 'id_number').equals(sut.lookupHash('x', 'id_number'))).toBe(true);
    expect(new PiiCipher(randomBytes(32)).lookupHash('x', 'id_number').equals(sut.lookupHash('x', 'id_number'))).toBe(false);
  });
});

describe('maskPhonesInText', () => {
  it('masks mobiles in any common spelling and landlines, leaves other numbers', async () => {
    const { maskPhonesInText } = await import('./mask.js');
    expect(maskPhonesInText('我的电话13800000002，到了打给我')).toBe('我的电话138****0002，到了打给我');
    expect(maskPhonesInText('+86 139-0000-0001 或 138 0000 0002')).toBe('139****0001 或 138****0002');
    expect(maskPhonesInText('座机 025-84561234')).toBe('座机 025-****1234');
    expect(maskPhonesInText('订单号 2026120300012345678，3幢201室')).toBe('订单号 2026120300012345678，3幢201室');
    // Full-width digits and other separators (a reviewer's bypasses) are masked too.
    expect(maskPhonesInText('打１３８０００００００２')).toBe('打138****0002');
    expect(maskPhonesInText('138.0000.0002 / 1380 000 0002 / 1 3 8 0 0 0 0 0 0 0 2')).toBe('138****0002 / 138****0002 / 138****0002');
    expect(maskPhonesInText('座机 025 8456 1234，另一个0512-6523-1234')).toBe('座机 025-****1234，另一个0512-****1234');
  });
});
