import { logger } from '../common/logging/logger.js';
import type { NotificationsRepository } from './notifications.repository.js';
import { PgChannel } from './pg-channel.js';

describe('PgChannel', () => {
  const lines: string[] = [];
  const sink = logger.sink;
  beforeAll(() => (logger.sink = (line) => lines.push(line)));
  afterAll(() => (logger.sink = sink));

  it('keeps delivering to the other subscribers and listeners when a subscriber or a filter throws, and logs it', async () => {
    const channel = new PgChannel<{ n: number }>('test_channel', {} as NotificationsRepository, (raw) => raw as { n: number });
    const heard: number[] = [];
    channel.subscribe(() => {
      throw new Error('subscriber broke');
    });
    channel.subscribe(({ n }) => heard.push(n));
    const failing = channel.listen(() => {
      throw new Error('filter broke');
    });
    const working = channel.listen(({ n }) => n > 1);
    const next = working.next();
    expect(() => channel.deliver(JSON.stringify({ n: 1 }))).not.toThrow();
    expect(() => channel.deliver(JSON.stringify({ n: 2 }))).not.toThrow();
    expect(heard).toEqual([1, 2]);
    expect(await next).toEqual({ value: { n: 2 }, done: false });
    expect(lines.filter((l) => l.includes('channel subscriber failed')).length).toBe(2);
    expect(lines.filter((l) => l.includes('channel filter failed')).length).toBe(2);
    await failing.return!();
    await working.return!();
  });
});
