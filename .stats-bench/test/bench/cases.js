import { MatchingRepository } from '../../src/matching/matching.repository.js';
import { addSyntheticVolunteers } from './synthetic.js';
const login = async (call, phone) => (await call(`mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { phone, password: 'demo1234' } })).data.login.accessToken;
/** Add a case here for every hot path (matching, ledger, lists); each is compared with the same baseline. */
export const benchmarks = [
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
    {
        name: 'matchCandidates for an open need (filters + score)',
        async prepare(call, db) {
            const token = await login(call, '13600000001');
            const [{ id }] = await db.query(`SELECT id FROM needs WHERE status = 'OPEN' ORDER BY created_at LIMIT 1`);
            return () => call(`query ($id: ID!) { matchCandidates(needId: $id) { score reasons volunteer { id } } }`, { id }, token);
        },
    },
    {
        name: 'openNeedsForMe (a volunteer\'s ranked feed)',
        async prepare(call) {
            const token = await login(call, '13900000001');
            return () => call(`{ openNeedsForMe(first: 20) { totalCount edges { node { id title } } } }`, {}, token);
        },
    },
    {
        name: 'transferMinutes 1 min between relatives (ledger write)',
        async prepare(call, db) {
            // Lift the demo's daily/yearly transfer caps for the benchmark; the chain and locks are what is measured.
            const admin = await login(call, '13100000001');
            const [{ id: province }] = await db.query(`SELECT id FROM regions WHERE parent_id IS NULL`);
            await call(`mutation ($r: ID!) { setTimeBankPolicy(regionId: $r, input: { dailyTransferCapMinutes: 90000, yearlyTransferCapMinutes: 1000000 }) { dailyTransferCapMinutes } }`, { r: province }, admin);
            const zhang = await login(call, '13900000001');
            const li = await login(call, '13800000002');
            const [{ id: zhangId }] = await db.query(`SELECT id FROM persons WHERE phone = '13900000001'`);
            const [{ id: liId }] = await db.query(`SELECT id FROM persons WHERE phone = '13800000002'`);
            let n = 0;
            // Alternate directions so that neither balance runs dry.
            return () => {
                n++;
                const [token, to] = n % 2 ? [zhang, liId] : [li, zhangId];
                return call(`mutation ($i: TransferMinutesInput!) { transferMinutes(input: $i) { id } }`, { i: { toPersonId: to, minutes: 1, idempotencyKey: `bench-${n}` } }, token);
            };
        },
    },
    {
        name: 'myAccount with 20 entries (statement read)',
        async prepare(call) {
            const token = await login(call, '13900000001');
            return () => call(`{ myAccount { balanceMinutes entries(first: 20) { edges { node { kind amountMinutes balanceAfterMinutes counterparty } } } } }`, {}, token);
        },
    },
    // The same two matching paths at city size: 30 000 more volunteers (keep these last: they change the data).
    {
        name: 'matchCandidates with 30 000 volunteers (indexed filters)',
        async prepare(call, db) {
            await addSyntheticVolunteers(db, 30_000);
            const token = await login(call, '13600000001');
            const [{ id }] = await db.query(`SELECT id FROM needs WHERE status = 'OPEN' ORDER BY created_at LIMIT 1`);
            const repo = new MatchingRepository(db);
            const plan = await repo.explainEligible((await repo.needSearch(id)));
            const uses = (name) => (plan.includes(name) ? 'yes' : 'NO');
            process.stdout.write(`  plan: volunteer_regions GiST ${uses('volunteer_regions_path_gist')}, skills index ${uses('volunteer_skills_skill_idx')}, ` +
                `seq scan on volunteers ${plan.includes('Seq Scan on volunteers') ? 'YES' : 'no'}, candidates ${(await repo.eligibleVolunteerIds((await repo.needSearch(id)))).length}\n`);
            if (process.env.BENCH_EXPLAIN)
                process.stdout.write(plan + '\n');
            return () => call(`query ($id: ID!) { matchCandidates(needId: $id) { score reasons volunteer { id } } }`, { id }, token);
        },
    },
    {
        name: 'openNeedsForMe with 30 000 volunteers',
        async prepare(call) {
            const token = await login(call, '13900000001');
            return () => call(`{ openNeedsForMe(first: 20) { totalCount edges { node { id title } } } }`, {}, token);
        },
    },
];
//# sourceMappingURL=cases.js.map