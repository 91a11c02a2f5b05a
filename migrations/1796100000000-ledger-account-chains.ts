import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A ledger without a global lock (docs/ledger.md):
 * - Journal format 3: each posting links to its account's previous posting (`prev_posting_id`, `prev_hash`) and
 *   hashes it together with its transaction's content hash, its account's identity, amount, running balance and
 *   donate-only change. The account row keeps its chain head (`head_posting_id`, `head_hash`), so an append locks
 *   only the accounts it posts to. The posting trigger computes the link; `ledger_append` computes the
 *   transaction's content hash. Both are recomputed byte for byte by `ledger-hash.ts` in `verifyLedger`.
 * - The global chain head becomes `ledger_legacy_head`: frozen, it closes the format-1/2 chain, which keeps
 *   verifying as before. `seq` now comes from a sequence (an order, not a chain position; it may have gaps).
 * - `xid`: the writing database transaction, so that a digest (`ledger_digests`, a Merkle root over the
 *   transactions committed since the previous digest and the account heads they left) can be recomputed later
 *   from the snapshot it stores.
 * - Daily/yearly transfer counters on the account row, kept by `ledger_append` in the same transaction.
 * - `ledger_transfer`: the whole member-to-member transfer (idempotency, accounts, policy, locks, caps, floors,
 *   donate-only part, balance cap, append) as one function call.
 */
export class LedgerAccountChains1796100000000 implements MigrationInterface {
  name = 'LedgerAccountChains1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger_head RENAME TO ledger_legacy_head`);
    await q.query(`CREATE TRIGGER ledger_legacy_head_frozen BEFORE UPDATE OR DELETE ON ledger_legacy_head FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);

    await q.query(`CREATE SEQUENCE ledger_transactions_seq OWNED BY ledger_transactions.seq`);
    await q.query(`SELECT setval('ledger_transactions_seq', (SELECT coalesce(max(seq), 0) + 1 FROM ledger_transactions), false)`);
    await q.query(`ALTER TABLE ledger_transactions ALTER COLUMN seq SET DEFAULT nextval('ledger_transactions_seq')`);
    await q.query(`ALTER TABLE ledger_transactions ALTER COLUMN prev_hash DROP NOT NULL`);
    await q.query(`ALTER TABLE ledger_transactions DROP CONSTRAINT ledger_transactions_format_check`);
    await q.query(
      `ALTER TABLE ledger_transactions ADD CONSTRAINT ledger_transactions_format_check CHECK (format IN (1, 2, 3) AND ((format = 3) = (prev_hash IS NULL)))`,
    );
    await q.query(`ALTER TABLE ledger_transactions ALTER COLUMN format SET DEFAULT 3`);
    await q.query(`ALTER TABLE ledger_transactions ADD COLUMN xid xid8`);
    await q.query(`ALTER TABLE ledger_transactions ALTER COLUMN xid SET DEFAULT pg_current_xact_id()`);
    await q.query(`CREATE INDEX ledger_transactions_xid_idx ON ledger_transactions (xid) WHERE xid IS NOT NULL`);

    await q.query(`ALTER TABLE ledger_postings ADD COLUMN prev_posting_id bigint, ADD COLUMN prev_hash text, ADD COLUMN hash text`);
    await q.query(`CREATE UNIQUE INDEX ledger_postings_prev_uniq ON ledger_postings (prev_posting_id) WHERE prev_posting_id IS NOT NULL`);
    // Ascending, so that the verifier's keyset walk over (account, id) is an index range scan (a backward scan still
    // serves the statement's newest-first pages).
    await q.query(`DROP INDEX ledger_postings_account_idx`);
    await q.query(`CREATE INDEX ledger_postings_account_idx ON ledger_postings (account_id, id)`);

    await q.query(`
      ALTER TABLE ledger_accounts ADD COLUMN head_posting_id bigint, ADD COLUMN head_hash text,
        ADD COLUMN transfer_day date, ADD COLUMN transfer_day_minutes bigint NOT NULL DEFAULT 0,
        ADD COLUMN transfer_year integer, ADD COLUMN transfer_year_minutes bigint NOT NULL DEFAULT 0`);

    // Local (UTC+8) day and year of an instant: the periods of the transfer caps.
    await q.query(
      `CREATE FUNCTION ledger_local_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT ((at AT TIME ZONE 'UTC') + interval '8 hours')::date $$`,
    );

    // Existing accounts: the chain starts at the identity; the counters hold what was transferred this day and year.
    await q.query(`ALTER TABLE ledger_accounts DISABLE TRIGGER ledger_accounts_guard`);
    await q.query(`UPDATE ledger_accounts SET head_hash = identity_hash`);
    await q.query(`
      UPDATE ledger_accounts a SET transfer_day = ledger_local_day(now()), transfer_year = extract(year FROM ledger_local_day(now()))::int,
             transfer_day_minutes = s.day, transfer_year_minutes = s.year
        FROM (SELECT p.account_id,
                     coalesce(-sum(p.amount) FILTER (WHERE ledger_local_day(t.created_at) = ledger_local_day(now())), 0) AS day,
                     -sum(p.amount) AS year
                FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
               WHERE p.amount < 0 AND t.kind = 'TRANSFER' AND extract(year FROM ledger_local_day(t.created_at)) = extract(year FROM ledger_local_day(now()))
                 AND NOT EXISTS (SELECT 1 FROM ledger_transactions r WHERE r.reverses_id = t.id)
               GROUP BY p.account_id) s
       WHERE s.account_id = a.id`);
    await q.query(`ALTER TABLE ledger_accounts ENABLE TRIGGER ledger_accounts_guard`);
    await q.query(`ALTER TABLE ledger_accounts ALTER COLUMN head_hash SET NOT NULL`);

    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_open_account() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.balance <> 0 OR NEW.donate_only <> 0 THEN RAISE EXCEPTION 'ledger: an account opens empty'; END IF;
        NEW.donate_only_opening := 0;
        NEW.identity_hash := ledger_account_identity(NEW.id, NEW.kind, NEW.person_id, NEW.organization_id, NEW.region_id, NEW.floor_minutes, 0);
        NEW.head_posting_id := NULL;
        NEW.head_hash := NEW.identity_hash;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_guard_account() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id IS DISTINCT FROM OLD.id OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.person_id IS DISTINCT FROM OLD.person_id
           OR NEW.organization_id IS DISTINCT FROM OLD.organization_id OR NEW.region_id IS DISTINCT FROM OLD.region_id
           OR NEW.floor_minutes IS DISTINCT FROM OLD.floor_minutes OR NEW.donate_only_opening IS DISTINCT FROM OLD.donate_only_opening
           OR NEW.identity_hash IS DISTINCT FROM OLD.identity_hash OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
          RAISE EXCEPTION 'ledger: account identity is immutable (open a new account instead)';
        END IF;
        IF (NEW.balance IS DISTINCT FROM OLD.balance OR NEW.donate_only IS DISTINCT FROM OLD.donate_only
            OR NEW.head_posting_id IS DISTINCT FROM OLD.head_posting_id OR NEW.head_hash IS DISTINCT FROM OLD.head_hash) AND pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'ledger: balances change only through postings';
        END IF;
        RETURN NEW;
      END $$`);

    // The content hash of a format-3 transaction (ledger-hash.ts transactionHashV3 computes the same bytes).
    await q.query(`
      CREATE FUNCTION ledger_text_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN v IS NULL THEN '-' ELSE octet_length(v)::text || ':' || v END
      $$`);
    await q.query(`
      CREATE FUNCTION ledger_transaction_hash(id uuid, kind ledger_kind, region_id uuid, memo text, source_type text, source_id uuid, reverses_id uuid,
                                              reason text, initiator_id uuid, created_at timestamptz, legs text) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws('|', 'wushe-ledger-v3', id::text, kind::text, region_id::text, ledger_text_field(memo),
               ledger_text_field(source_type), coalesce(source_id::text, '-'), coalesce(reverses_id::text, '-'), ledger_text_field(reason),
               coalesce(initiator_id::text, '-'), (extract(epoch FROM created_at) * 1000000)::bigint::text, legs), 'UTF8')), 'hex')
      $$`);
    // One link of an account's chain (ledger-hash.ts postingHashV3).
    await q.query(`
      CREATE FUNCTION ledger_posting_hash(prev_hash text, account_id uuid, identity_hash text, transaction_hash text, amount bigint,
                                          balance_after bigint, donate_only_delta bigint) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(prev_hash || E'\\n' || concat_ws('|', 'wushe-posting-v3', account_id::text, identity_hash, transaction_hash,
               amount::text, balance_after::text, donate_only_delta::text), 'UTF8')), 'hex')
      $$`);

    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_mark_open_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('ledger.open_transaction', NEW.id::text, true);
        PERFORM set_config('ledger.open_hash', NEW.hash, true);
        RETURN NEW;
      END $$`);
    // A posting moves its account's balance and donate-only part and becomes the head of the account's chain.
    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_apply_posting() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE acc record;
      BEGIN
        IF current_setting('ledger.open_transaction', true) IS DISTINCT FROM NEW.transaction_id::text THEN
          RAISE EXCEPTION 'ledger: postings are added only with their transaction (transaction % is closed)', NEW.transaction_id;
        END IF;
        SELECT balance, identity_hash, head_posting_id, head_hash INTO acc FROM ledger_accounts WHERE id = NEW.account_id FOR UPDATE;
        IF NOT FOUND THEN RAISE EXCEPTION 'ledger: unknown account %', NEW.account_id; END IF;
        NEW.balance_after := acc.balance + NEW.amount;
        NEW.prev_posting_id := acc.head_posting_id;
        NEW.prev_hash := acc.head_hash;
        NEW.hash := ledger_posting_hash(acc.head_hash, NEW.account_id, acc.identity_hash, current_setting('ledger.open_hash'), NEW.amount,
                                        NEW.balance_after, NEW.donate_only_delta);
        UPDATE ledger_accounts SET balance = NEW.balance_after, donate_only = donate_only + NEW.donate_only_delta,
               head_posting_id = NEW.id, head_hash = NEW.hash
         WHERE id = NEW.account_id;
        RETURN NEW;
      END $$`);

    // Transfer counters: + when a TRANSFER leaves the account, − when one is reversed within the same day/year.
    await q.query(`
      CREATE FUNCTION ledger_count_transfer(account uuid, minutes bigint, at timestamptz) RETURNS void LANGUAGE sql AS $$
        UPDATE ledger_accounts SET
          transfer_day_minutes = CASE WHEN transfer_day IS NOT DISTINCT FROM ledger_local_day(at) THEN transfer_day_minutes + minutes
                                      WHEN minutes > 0 THEN minutes ELSE transfer_day_minutes END,
          transfer_day = CASE WHEN minutes > 0 THEN ledger_local_day(at) ELSE transfer_day END,
          transfer_year_minutes = CASE WHEN transfer_year IS NOT DISTINCT FROM extract(year FROM ledger_local_day(at))::int THEN transfer_year_minutes + minutes
                                       WHEN minutes > 0 THEN minutes ELSE transfer_year_minutes END,
          transfer_year = CASE WHEN minutes > 0 THEN extract(year FROM ledger_local_day(at))::int ELSE transfer_year END
        WHERE id = account
      $$`);

    // Appends one balanced format-3 entry: content hash, transaction row, postings (the trigger links each to its
    // account's chain), transfer counters. The caller holds the accounts' locks (ledger.repository.ts lockAccounts).
    await q.query(`
      CREATE FUNCTION ledger_append(p_id uuid, p_kind ledger_kind, p_region uuid, p_memo text, p_source_type text, p_source_id uuid,
                                    p_reverses uuid, p_reason text, p_initiator uuid, p_idem text, p_request_hash text, p_at timestamptz,
                                    p_accounts uuid[], p_amounts bigint[], p_deltas bigint[]) RETURNS bigint
      LANGUAGE plpgsql AS $$
      DECLARE v_legs text; v_n integer; v_seq bigint; v_orig record;
      BEGIN
        SELECT string_agg(l.acc::text || ':' || l.amount::text || ':' || l.delta::text || ':' || a.identity_hash, ',' ORDER BY l.acc), count(*)
          INTO v_legs, v_n
          FROM unnest(p_accounts, p_amounts, p_deltas) AS l(acc, amount, delta) JOIN ledger_accounts a ON a.id = l.acc;
        IF v_n IS DISTINCT FROM cardinality(p_accounts) THEN RAISE EXCEPTION 'ledger: unknown account in %', p_accounts; END IF;
        INSERT INTO ledger_transactions (id, kind, region_id, memo, source_type, source_id, reverses_id, reason, initiator_id, idempotency_key,
                                         request_hash, created_at, hash, format)
        VALUES (p_id, p_kind, p_region, p_memo, p_source_type, p_source_id, p_reverses, p_reason, p_initiator, p_idem, p_request_hash, p_at,
                ledger_transaction_hash(p_id, p_kind, p_region, p_memo, p_source_type, p_source_id, p_reverses, p_reason, p_initiator, p_at, v_legs), 3)
        RETURNING seq INTO v_seq;
        INSERT INTO ledger_postings (transaction_id, account_id, amount, balance_after, donate_only_delta)
        SELECT p_id, l.acc, l.amount, 0, l.delta FROM unnest(p_accounts, p_amounts, p_deltas) AS l(acc, amount, delta) ORDER BY l.acc;
        IF p_kind = 'TRANSFER' THEN
          PERFORM ledger_count_transfer(l.acc, -l.amount, p_at) FROM unnest(p_accounts, p_amounts) AS l(acc, amount) WHERE l.amount < 0;
        ELSIF p_kind = 'REVERSAL' THEN
          SELECT kind, created_at INTO v_orig FROM ledger_transactions WHERE id = p_reverses;
          IF v_orig.kind = 'TRANSFER' THEN
            PERFORM ledger_count_transfer(l.acc, -l.amount, v_orig.created_at) FROM unnest(p_accounts, p_amounts) AS l(acc, amount) WHERE l.amount > 0;
          END IF;
        END IF;
        RETURN v_seq;
      END $$`);

    // A person's account, opened in their community on first use (ledger.repository.ts communityOfPerson); NULL without one.
    await q.query(`
      CREATE FUNCTION ledger_person_account(p_person uuid, p_fallback_region uuid DEFAULT NULL) RETURNS uuid LANGUAGE plpgsql AS $$
      DECLARE v_id uuid; v_region uuid;
      BEGIN
        SELECT id INTO v_id FROM ledger_accounts WHERE kind = 'PERSON' AND person_id = p_person;
        IF FOUND THEN RETURN v_id; END IF;
        SELECT coalesce((SELECT g.parent_id FROM regions g WHERE g.id = p.grid_id AND g.level = 'GRID'),
                        (SELECT v.community_id FROM volunteers v WHERE v.person_id = p.id),
                        (SELECT g.region_id FROM role_grants g WHERE g.person_id = p.id AND g.revoked_at IS NULL AND g.region_id IS NOT NULL
                          ORDER BY g.granted_at LIMIT 1), p_fallback_region)
          INTO v_region FROM persons p WHERE p.id = p_person;
        IF v_region IS NULL THEN RETURN NULL; END IF;
        INSERT INTO ledger_accounts (kind, person_id, region_id) VALUES ('PERSON', p_person, v_region) ON CONFLICT DO NOTHING;
        SELECT id INTO v_id FROM ledger_accounts WHERE kind = 'PERSON' AND person_id = p_person;
        RETURN v_id;
      END $$`);

    // The policy in force in a region (time-bank-policy.ts mergePolicy): nearest region's value first, then the defaults given.
    await q.query(`
      CREATE FUNCTION ledger_policy(p_region uuid, p_defaults jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
        SELECT p_defaults || coalesce((SELECT jsonb_object_agg(key, value) FROM (
                 SELECT DISTINCT ON (e.key) e.key, e.value
                   FROM regions r JOIN regions a ON a.path @> r.path JOIN time_bank_policies p ON p.region_id = a.id
                   CROSS JOIN LATERAL jsonb_each(jsonb_strip_nulls(to_jsonb(p))) e
                  WHERE r.id = p_region ORDER BY e.key, nlevel(a.path) DESC) s), '{}'::jsonb)
      $$`);

    // 亲属转赠 as one call (time-bank.service.ts transfer, the same rules in the same order). Refusals are returned,
    // not raised, before anything is written: {"error": reason, ...values}; a replayed key returns {"replay": id}.
    await q.query(`
      CREATE FUNCTION ledger_transfer(p_initiator uuid, p_to uuid, p_minutes bigint, p_memo text, p_idem text, p_request_hash text,
                                      p_id uuid, p_at timestamptz, p_defaults jsonb) RETURNS jsonb
      LANGUAGE plpgsql AS $$
      DECLARE v_from uuid; v_to uuid; f record; t record; v_policy jsonb; v_to_policy jsonb; v_region uuid;
              v_day bigint; v_year bigint; v_cap bigint; v_total bigint; v_restricted bigint; v_room bigint; v_delta bigint; v_ex record;
      BEGIN
        IF p_minutes IS NULL OR p_minutes < 1 THEN RAISE EXCEPTION 'ledger: a transfer moves at least one minute'; END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('ledger-idem:' || p_initiator::text || ':' || p_idem, 7));
        SELECT id, request_hash INTO v_ex FROM ledger_transactions WHERE initiator_id = p_initiator AND idempotency_key = p_idem;
        IF FOUND THEN RETURN jsonb_build_object('replay', v_ex.id, 'requestHash', v_ex.request_hash); END IF;
        IF NOT EXISTS (SELECT 1 FROM persons WHERE id = p_to) THEN RETURN jsonb_build_object('error', 'RECEIVER_NOT_FOUND'); END IF;
        v_from := ledger_person_account(p_initiator);
        IF v_from IS NULL THEN RETURN jsonb_build_object('error', 'NO_COMMUNITY'); END IF;
        v_to := ledger_person_account(p_to);
        IF v_to IS NULL THEN RETURN jsonb_build_object('error', 'NO_COMMUNITY'); END IF;
        SELECT region_id INTO v_region FROM ledger_accounts WHERE id = v_from;
        v_policy := ledger_policy(v_region, p_defaults);
        IF (v_policy->>'relatives_only')::boolean AND NOT EXISTS (
             SELECT 1 FROM relatives WHERE revoked_at IS NULL AND ((person_id = p_initiator AND relative_id = p_to) OR (person_id = p_to AND relative_id = p_initiator))) THEN
          RETURN jsonb_build_object('error', 'NOT_A_RELATIVE');
        END IF;
        v_to_policy := ledger_policy((SELECT region_id FROM ledger_accounts WHERE id = v_to), p_defaults);
        -- The one lock order of the ledger: account ids ascending.
        PERFORM 1 FROM ledger_accounts WHERE id IN (v_from, v_to) ORDER BY id FOR UPDATE;
        SELECT * INTO f FROM ledger_accounts WHERE id = v_from;
        SELECT * INTO t FROM ledger_accounts WHERE id = v_to;
        v_day := CASE WHEN f.transfer_day = ledger_local_day(p_at) THEN f.transfer_day_minutes ELSE 0 END;
        v_cap := (v_policy->>'daily_transfer_cap_minutes')::bigint;
        IF v_day + p_minutes > v_cap THEN RETURN jsonb_build_object('error', 'DAILY_TRANSFER_CAP', 'cap', v_cap, 'used', v_day); END IF;
        v_year := CASE WHEN f.transfer_year = extract(year FROM ledger_local_day(p_at))::int THEN f.transfer_year_minutes ELSE 0 END;
        v_cap := (v_policy->>'yearly_transfer_cap_minutes')::bigint;
        IF v_year + p_minutes > v_cap THEN RETURN jsonb_build_object('error', 'YEARLY_TRANSFER_CAP', 'cap', v_cap, 'used', v_year); END IF;
        v_total := f.balance - coalesce(f.floor_minutes, 0);
        IF p_minutes > v_total THEN RETURN jsonb_build_object('error', 'INSUFFICIENT_BALANCE', 'available', greatest(0, v_total)); END IF;
        v_restricted := CASE WHEN (v_policy->>'group_hours_donate_only')::boolean THEN f.donate_only ELSE 0 END;
        IF p_minutes > v_total - v_restricted THEN RETURN jsonb_build_object('error', 'GROUP_HOURS_DONATE_ONLY', 'available', greatest(0, v_total - v_restricted)); END IF;
        v_delta := least(f.donate_only, greatest(0, f.balance - p_minutes)) - f.donate_only;
        -- A gift beyond the receiver's cap is refused: the sender never pays for a pool donation they did not ask for.
        v_room := greatest(0, (v_to_policy->>'balance_cap_minutes')::bigint - t.balance);
        IF p_minutes > v_room THEN RETURN jsonb_build_object('error', 'BALANCE_CAP_REACHED', 'room', least(p_minutes, v_room)); END IF;
        PERFORM ledger_append(p_id, 'TRANSFER', v_region, p_memo, NULL, NULL, NULL, NULL, p_initiator, p_idem, p_request_hash, p_at,
                              ARRAY[v_from, v_to], ARRAY[-p_minutes, p_minutes], ARRAY[v_delta, 0]);
        RETURN jsonb_build_object('id', p_id);
      END $$`);

    // Digests (docs/ledger.md "Digests"): each covers the transactions visible in its snapshot and not in the previous one.
    await q.query(`
      CREATE TABLE ledger_digests (
        id bigserial PRIMARY KEY,
        prev_id bigint UNIQUE REFERENCES ledger_digests(id),
        snapshot pg_snapshot NOT NULL,
        transactions integer NOT NULL,
        accounts integer NOT NULL,
        root text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX ledger_digests_first_uniq ON ledger_digests ((true)) WHERE prev_id IS NULL`);
    await q.query(`CREATE TRIGGER ledger_digests_append_only BEFORE UPDATE OR DELETE ON ledger_digests FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
    await q.query(`CREATE TRIGGER ledger_digests_no_truncate BEFORE TRUNCATE ON ledger_digests FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Format-3 entries chain per account; the global chain cannot cover them. Restore a backup instead.
    const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM ledger_transactions WHERE format = 3`);
    if (n > 0) throw new Error(`${n} journal entries use the format-3 per-account chain; restore a backup from before this migration instead of reverting it`);
    await q.query(`DROP TABLE ledger_digests`);
    await q.query(`DROP FUNCTION ledger_transfer(uuid, uuid, bigint, text, text, text, uuid, timestamptz, jsonb)`);
    await q.query(`DROP FUNCTION ledger_policy(uuid, jsonb)`);
    await q.query(`DROP FUNCTION ledger_person_account(uuid, uuid)`);
    await q.query(
      `DROP FUNCTION ledger_append(uuid, ledger_kind, uuid, text, text, uuid, uuid, text, uuid, text, text, timestamptz, uuid[], bigint[], bigint[])`,
    );
    await q.query(`DROP FUNCTION ledger_count_transfer(uuid, bigint, timestamptz)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_apply_posting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('ledger.open_transaction', true) IS DISTINCT FROM NEW.transaction_id::text THEN
          RAISE EXCEPTION 'ledger: postings are added only with their transaction (transaction % is closed)', NEW.transaction_id;
        END IF;
        UPDATE ledger_accounts SET balance = balance + NEW.amount, donate_only = donate_only + NEW.donate_only_delta
         WHERE id = NEW.account_id RETURNING balance INTO NEW.balance_after;
        IF NOT FOUND THEN RAISE EXCEPTION 'ledger: unknown account %', NEW.account_id; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_mark_open_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('ledger.open_transaction', NEW.id::text, true);
        RETURN NEW;
      END $$`);
    await q.query(`DROP FUNCTION ledger_posting_hash(text, uuid, text, text, bigint, bigint, bigint)`);
    await q.query(`DROP FUNCTION ledger_transaction_hash(uuid, ledger_kind, uuid, text, text, uuid, uuid, text, uuid, timestamptz, text)`);
    await q.query(`DROP FUNCTION ledger_text_field(text)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_guard_account() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id IS DISTINCT FROM OLD.id OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.person_id IS DISTINCT FROM OLD.person_id
           OR NEW.organization_id IS DISTINCT FROM OLD.organization_id OR NEW.region_id IS DISTINCT FROM OLD.region_id
           OR NEW.floor_minutes IS DISTINCT FROM OLD.floor_minutes OR NEW.donate_only_opening IS DISTINCT FROM OLD.donate_only_opening
           OR NEW.identity_hash IS DISTINCT FROM OLD.identity_hash OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
          RAISE EXCEPTION 'ledger: account identity is immutable (open a new account instead)';
        END IF;
        IF (NEW.balance IS DISTINCT FROM OLD.balance OR NEW.donate_only IS DISTINCT FROM OLD.donate_only) AND pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'ledger: balances change only through postings';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_open_account() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.balance <> 0 OR NEW.donate_only <> 0 THEN RAISE EXCEPTION 'ledger: an account opens empty'; END IF;
        NEW.donate_only_opening := 0;
        NEW.identity_hash := ledger_account_identity(NEW.id, NEW.kind, NEW.person_id, NEW.organization_id, NEW.region_id, NEW.floor_minutes, 0);
        RETURN NEW;
      END $$`);
    await q.query(`DROP FUNCTION ledger_local_day(timestamptz)`);
    await q.query(`ALTER TABLE ledger_accounts DROP COLUMN head_posting_id, DROP COLUMN head_hash, DROP COLUMN transfer_day, DROP COLUMN transfer_day_minutes,
                   DROP COLUMN transfer_year, DROP COLUMN transfer_year_minutes`);
    await q.query(`DROP INDEX ledger_postings_account_idx`);
    await q.query(`CREATE INDEX ledger_postings_account_idx ON ledger_postings (account_id, id DESC)`);
    await q.query(`DROP INDEX ledger_postings_prev_uniq`);
    await q.query(`ALTER TABLE ledger_postings DROP COLUMN prev_posting_id, DROP COLUMN prev_hash, DROP COLUMN hash`);
    await q.query(`DROP INDEX ledger_transactions_xid_idx`);
    await q.query(`ALTER TABLE ledger_transactions DROP COLUMN xid`);
    await q.query(`ALTER TABLE ledger_transactions ALTER COLUMN format SET DEFAULT 2`);
    await q.query(`ALTER TABLE ledger_transactions DROP CONSTRAINT ledger_transactions_format_check`);
    await q.query(`ALTER TABLE ledger_transactions ADD CONSTRAINT ledger_transactions_format_check CHECK (format IN (1, 2))`);
    await q.query(`ALTER TABLE ledger_transactions ALTER COLUMN prev_hash SET NOT NULL`);
    await q.query(`ALTER TABLE ledger_transactions ALTER COLUMN seq DROP DEFAULT`);
    await q.query(`DROP SEQUENCE ledger_transactions_seq`);
    await q.query(`DROP TRIGGER ledger_legacy_head_frozen ON ledger_legacy_head`);
    await q.query(`ALTER TABLE ledger_legacy_head RENAME TO ledger_head`);
  }
}
