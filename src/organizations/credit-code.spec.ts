import { creditCodeCheckChar, parseCreditCode } from './credit-code.js';

describe('unified social credit code (GB 32100-2015)', () => {
  // Real-format codes: the first two are widely published company codes; the 5x codes are 民政-registered
  // social organizations of 玄武区 (320102) whose check characters were computed by hand with the standard weights.
  it.each(['91350100M000100Y43', '91110000802100433B', '91440300708461136T', '52320102MJ5800012H', '51320102MJ58000275', '53320102MJ58000686'])(
    'accepts %s',
    (code) => expect(parseCreditCode(code)).toEqual({ normalized: code }),
  );
  it('normalizes case and whitespace', () => expect(parseCreditCode(' 52320102mj5800012h ')).toEqual({ normalized: '52320102MJ5800012H' }));
  it('computes the check character, 31 mapping to 0', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('51320102MJ5800044')).toBe('X');
    expect(creditCodeCheckChar('52320102MJ5800100')).toBe('0');
  });
  it.each([
    ['52320102MJ5800012J', 'CHECK_CHARACTER'],
    ['91350100M000100Y44', 'CHECK_CHARACTER'],
    ['52320102MJ5800012', 'FORMAT'],
    ['52320102MJ5800012HH', 'FORMAT'],
    ['52320102MI5800012H', 'FORMAT'], // I is not in the alphabet
    ['5232O102MJ5800012H', 'FORMAT'], // nor O
    ['52A20102MJ5800012H', 'REGION'],
  ])('rejects %s (%s)', (code, problem) => expect(parseCreditCode(code)).toEqual({ problem }));
});
