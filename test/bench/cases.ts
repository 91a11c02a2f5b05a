import type { DataSource } from 'typeorm';
import type { Call } from './run.js';

export interface Benchmark {
  name: string;
  /** Sets up (logs in, finds ids) and returns one operation to repeat. */
  prepare(call: Call, db: DataSource): Promise<() => Promise<unknown>>;
}

const login = async (call: Call, phone: string) =>
  ((await call(`mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { phone, password: 'demo1234' } })) as { data: { login: { accessToken: string } } }).data.login.accessToken;

/** Add a case here for every hot path (matching, ledger, lists); each is compared with the same baseline. */
export const benchmarks: Benchmark[] = [
  {
    name: 'me (token check + grants + person)',
    async prepare(call) {
      const token = await login(call, '13600000001');
      return () => call(`{ me { id name phone roles { role scopeName } } }`, {}, token);
    },
  },
  {
    name: 'person(id) in scope, with ID number (logged)',
    async prepare(call, db) {
      const token = await login(call, '13600000001');
      const [{ id }] = await db.query(`SELECT id FROM persons WHERE phone = '13800000001'`);
      return () => call(`query ($id: ID!) { person(id: $id) { name phone idNumber } }`, { id }, token);
    },
  },
  {
    name: 'region tree, 5 levels (DataLoader)',
    async prepare(call) {
      return () => call(`{ regions { name children { name children { name children { name children { name stations { name } } } } } } }`);
    },
  },
];
