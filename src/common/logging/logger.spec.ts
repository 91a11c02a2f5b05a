import { logger, redact, redactValue, requestContext } from './logger.js';

describe('logger', () => {
  it('cuts phones and ID numbers out of any text', () => {
    expect(redact('Key (phone)=(13800000001) already exists')).toBe('Key (phone)=([redacted-phone]) already exists');
    expect(redact('id 11010519491231002X and 320102194503120022')).toBe('id [redacted-id] and [redacted-id]');
    expect(redact('order 20261123 took 138 ms')).toBe('order 20261123 took 138 ms');
  });
  it('cuts phones and ID numbers glued to letters (issue 10 §8)', () => {
    expect(redact('tel13800000001x')).toBe('tel[redacted-phone]x');
    expect(redact('idno320102194503120022abc 电话13800000001号')).toBe('idno[redacted-id]abc 电话[redacted-phone]号');
    expect(redact('run 1380000000123 is no phone')).toBe('run 1380000000123 is no phone');
  });

  it('writes JSON lines with the request id and redacted fields', () => {
    const lines: string[] = [];
    const sink = logger.sink;
    logger.sink = (l) => lines.push(l);
    try {
      requestContext.run({ requestId: 'r-1' }, () => logger.error('boom 13800000001', { message: 'value 320102194503120022', n: 3 }));
    } finally {
      logger.sink = sink;
    }
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'error', reqId: 'r-1', msg: 'boom [redacted-phone]', message: 'value [redacted-id]', n: 3 });
  });
});

describe('redactValue', () => {
  it('redacts phones and ID numbers nested in arrays and objects', () => {
    const out = redactValue({ errors: [{ message: 'phone 13800000001' }], ctx: { deep: { id: '320102194503120022' } }, n: 3, ok: true });
    expect(out).toEqual({ errors: [{ message: 'phone [redacted-phone]' }], ctx: { deep: { id: '[redacted-id]' } }, n: 3, ok: true });
    expect(JSON.stringify(redactValue([['13900000001']]))).not.toMatch(/13900000001/);
  });
  it('a nested field reaches the log line redacted', () => {
    const lines: string[] = [];
    const sink = logger.sink;
    logger.sink = (l) => lines.push(l);
    try {
      logger.error('x', { detail: { values: ['13800000001', { idNumber: '11010519491231002X' }] } });
    } finally {
      logger.sink = sink;
    }
    expect(lines[0]).not.toMatch(/13800000001|11010519491231002X/);
    expect(JSON.parse(lines[0]).detail).toEqual({ values: ['[redacted-phone]', { idNumber: '[redacted-id]' }] });
  });
});

describe('redact', () => {
  it('leaves digits inside ids alone', () => {
    expect(redact('reqId f449aeea-dde6-43cf-84dd-15218479004d')).toBe('reqId f449aeea-dde6-43cf-84dd-15218479004d');
  });
});

describe('key redaction (pino paths)', () => {
  it('drops secrets and personal fields by key, at the top level and one level down, whatever their shape', () => {
    const lines: string[] = [];
    const sink = logger.sink;
    logger.sink = (l) => lines.push(l);
    try {
      logger.warn('keys', { variables: { phone: '1' }, req: { authorization: 'Bearer abc', address: '某路1号' }, password: 'pass-word-99', n: 1 });
    } finally {
      logger.sink = sink;
    }
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'warn', msg: 'keys', variables: '[redacted-key]', password: '[redacted-key]', n: 1 });
    expect(entry.req).toEqual({ authorization: '[redacted-key]', address: '[redacted-key]' });
    expect(lines[0]).not.toMatch(/Bearer|某路|pass-word/);
  });

  it('keeps the level that is set and writes nothing below it', () => {
    const lines: string[] = [];
    const { sink, level } = logger;
    logger.sink = (l) => lines.push(l);
    try {
      logger.level = 'warn';
      logger.info('quiet');
      logger.warn('loud');
    } finally {
      logger.sink = sink;
      logger.level = level;
    }
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['loud']);
  });
});
