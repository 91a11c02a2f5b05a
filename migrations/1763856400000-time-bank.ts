import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time bank 时间银行 (docs/design.md §6): accounts, a hash-chained double-entry journal in integer minutes, region
 * policies, service records 志愿服务记录 and certificates 志愿服务证明.
 *
 * The database itself guarantees the ledger's invariants, so that no code path (or hand-written SQL) can break them:
 * - every transaction's postings sum to zero and there are at least two (deferred constraint triggers, checked at commit);
 * - an account's balance is moved only by inserting a posting (a trigger adds the amount and records the running
 *   balance on the posting), and a CHECK keeps it at or above its floor;
 * - journal rows are append-only (UPDATE/DELETE/TRUNCATE raise); corrections are reversals.
 * Whoever bypasses the triggers (a superuser) is caught by the hash chain that `verifyLedger` recomputes.
 */
export class TimeBank1763856400000 implements MigrationInterface {
  name = 'TimeBank1763856400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE ledger_account_kind AS ENUM ('PERSON','ORGANIZATION','COMMUNITY_POOL','ISSUANCE','EXPIRY_SINK','REDEMPTION_SINK')`);
    await q.query(`CREATE TYPE ledger_kind AS ENUM ('EARN','SPEND','TRANSFER','DONATE','GRANT','EXPIRE','REVERSAL')`);

    await q.query(`
      CREATE TABLE ledger_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind ledger_account_kind NOT NULL,
        person_id uuid REFERENCES persons(id),
        organization_id uuid,
        region_id uuid NOT NULL REFERENCES regions(id),
        balance bigint NOT NULL DEFAULT 0,
        -- NULL = no floor (the issuance account, whose negative balance is the hours ever minted)
        floor_minutes bigint DEFAULT 0,
        -- part of the balance earned in group activities: may only be donated (docs/design.md §6.1)
        donate_only bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (floor_minutes IS NULL OR balance >= floor_minutes),
        CHECK (donate_only >= 0 AND donate_only <= greatest(balance, 0)),
        CHECK ((kind = 'PERSON') = (person_id IS NOT NULL)),
        CHECK ((kind = 'ISSUANCE') = (floor_minutes IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX ledger_accounts_person_uniq ON ledger_accounts (person_id) WHERE kind = 'PERSON'`);
    await q.query(`CREATE UNIQUE INDEX ledger_accounts_org_uniq ON ledger_accounts (organization_id) WHERE kind = 'ORGANIZATION'`);
    await q.query(`CREATE UNIQUE INDEX ledger_accounts_system_uniq ON ledger_accounts (kind, region_id) WHERE kind NOT IN ('PERSON','ORGANIZATION')`);
    await q.query(`CREATE INDEX ledger_accounts_region_idx ON ledger_accounts (region_id)`);

    // The head of the hash chain: one row, locked by every append so that the chain stays linear.
    await q.query(`CREATE TABLE ledger_head (id smallint PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, hash text NOT NULL)`);
    await q.query(`INSERT INTO ledger_head (id, seq, hash) VALUES (1, 0, repeat('0', 64))`);

    await q.query(`
      CREATE TABLE ledger_transactions (
        id uuid PRIMARY KEY,
        seq bigint NOT NULL UNIQUE CHECK (seq > 0),
        kind ledger_kind NOT NULL,
        region_id uuid NOT NULL REFERENCES regions(id),
        memo text CHECK (length(memo) <= 200),
        source_type text,
        source_id uuid,
        reverses_id uuid UNIQUE REFERENCES ledger_transactions(id),
        reason text CHECK (length(reason) <= 500),
        initiator_id uuid REFERENCES persons(id),
        idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 100),
        request_hash text,
        created_at timestamptz NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE,
        CHECK ((kind = 'REVERSAL') = (reverses_id IS NOT NULL)),
        CHECK (kind <> 'REVERSAL' OR reason IS NOT NULL),
        CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX ledger_transactions_idem_uniq ON ledger_transactions (initiator_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    // One service → exactly one EARN, ever (a reversal does not free the source for a second EARN).
    await q.query(`CREATE UNIQUE INDEX ledger_transactions_earn_source_uniq ON ledger_transactions (source_type, source_id) WHERE kind = 'EARN'`);
    await q.query(`CREATE INDEX ledger_transactions_region_idx ON ledger_transactions (region_id, created_at)`);

    await q.query(`
      CREATE TABLE ledger_postings (
        id bigserial PRIMARY KEY,
        transaction_id uuid NOT NULL REFERENCES ledger_transactions(id),
        account_id uuid NOT NULL REFERENCES ledger_accounts(id),
        amount bigint NOT NULL CHECK (amount <> 0),
        balance_after bigint NOT NULL,
        UNIQUE (transaction_id, account_id)
      )`);
    await q.query(`CREATE INDEX ledger_postings_account_idx ON ledger_postings (account_id, id DESC)`);

    // A posting moves its account's balance, and only a posting may: the running balance is written by the database.
    await q.query(`
      CREATE FUNCTION ledger_apply_posting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ledger_accounts SET balance = balance + NEW.amount WHERE id = NEW.account_id RETURNING balance INTO NEW.balance_after;
        IF NOT FOUND THEN RAISE EXCEPTION 'ledger: unknown account %', NEW.account_id; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_postings_apply BEFORE INSERT ON ledger_postings FOR EACH ROW EXECUTE FUNCTION ledger_apply_posting()`);
    await q.query(`
      CREATE FUNCTION ledger_guard_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.balance IS DISTINCT FROM OLD.balance AND pg_trigger_depth() < 2 THEN
          RAISE EXCEPTION 'ledger: balances change only through postings';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_accounts_guard BEFORE UPDATE ON ledger_accounts FOR EACH ROW EXECUTE FUNCTION ledger_guard_balance()`);

    // Double entry, checked at commit: ≥ 2 postings summing to zero.
    await q.query(`
      CREATE FUNCTION ledger_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE tx uuid; total numeric; n integer;
      BEGIN
        IF TG_TABLE_NAME = 'ledger_transactions' THEN tx := NEW.id; ELSE tx := NEW.transaction_id; END IF;
        SELECT coalesce(sum(amount), 0), count(*) INTO total, n FROM ledger_postings WHERE transaction_id = tx;
        IF total <> 0 OR n < 2 THEN
          RAISE EXCEPTION 'ledger: transaction % is unbalanced (sum %, % postings)', tx, total, n USING ERRCODE = '23514';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced()`,
    );
    await q.query(
      `CREATE CONSTRAINT TRIGGER ledger_transactions_balanced AFTER INSERT ON ledger_transactions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_balanced()`,
    );

    await q.query(`
      CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger: % is append-only (corrections are reversals)', TG_TABLE_NAME;
      END $$`);
    for (const t of ['ledger_transactions', 'ledger_postings']) {
      await q.query(`CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
      await q.query(`CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`);
    }

    // Policy per region (docs/design.md §6.1); NULL = inherit from the nearest ancestor, then the built-in default.
    await q.query(`
      CREATE TABLE time_bank_policies (
        region_id uuid PRIMARY KEY REFERENCES regions(id),
        balance_cap_minutes integer CHECK (balance_cap_minutes > 0),
        redemption_age smallint CHECK (redemption_age BETWEEN 0 AND 150),
        hardship_redemption_age smallint CHECK (hardship_redemption_age BETWEEN 0 AND 150),
        relatives_only boolean,
        group_hours_donate_only boolean,
        daily_transfer_cap_minutes integer CHECK (daily_transfer_cap_minutes >= 0),
        yearly_transfer_cap_minutes integer CHECK (yearly_transfer_cap_minutes >= 0),
        -- 0 = expiry explicitly off for this subtree
        expiry_months smallint CHECK (expiry_months >= 0),
        expiry_notice_days smallint CHECK (expiry_notice_days BETWEEN 0 AND 365),
        certificate_signatory text CHECK (length(certificate_signatory) <= 50),
        updated_by uuid REFERENCES persons(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // 志愿服务记录 (docs/design.md §6.2). need_id has no foreign key on purpose: the needs module owns that table.
    await q.query(`
      CREATE TABLE service_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_no text NOT NULL UNIQUE,
        need_id uuid NOT NULL UNIQUE,
        volunteer_id uuid NOT NULL REFERENCES volunteers(id),
        volunteer_person_id uuid NOT NULL REFERENCES persons(id),
        beneficiary_person_id uuid NOT NULL REFERENCES persons(id),
        grid_id uuid NOT NULL REFERENCES regions(id),
        community_id uuid NOT NULL REFERENCES regions(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        category text NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz NOT NULL,
        minutes integer NOT NULL CHECK (minutes > 0),
        group_activity boolean NOT NULL DEFAULT false,
        verifier_id uuid NOT NULL REFERENCES persons(id),
        confirmed_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ended_at >= started_at)
      )`);
    await q.query(`CREATE INDEX service_records_volunteer_idx ON service_records (volunteer_person_id, confirmed_at)`);

    // 志愿服务证明 (docs/design.md §6.3): `content` is exactly what the certificate states; verification shows only that.
    await q.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        certificate_no text NOT NULL UNIQUE,
        verification_code text NOT NULL UNIQUE,
        person_id uuid NOT NULL REFERENCES persons(id),
        issuer_region_id uuid NOT NULL REFERENCES regions(id),
        period_from timestamptz NOT NULL,
        period_to timestamptz NOT NULL,
        total_minutes integer NOT NULL CHECK (total_minutes >= 0),
        record_ids uuid[] NOT NULL,
        content jsonb NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_to > period_from)
      )`);
    await q.query(`CREATE INDEX certificates_person_idx ON certificates (person_id, issued_at DESC)`);
    // Notices sent before minutes expire (one per account and expiry date).
    await q.query(`
      CREATE TABLE time_bank_expiry_notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES ledger_accounts(id),
        minutes integer NOT NULL CHECK (minutes > 0),
        expires_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (account_id, expires_on)
      )`);
    await q.query(`CREATE SEQUENCE certificate_no_seq`);
    await q.query(`CREATE SEQUENCE service_record_no_seq`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE service_record_no_seq`);
    await q.query(`DROP SEQUENCE certificate_no_seq`);
    await q.query(`DROP TABLE time_bank_expiry_notices`);
    await q.query(`DROP TABLE certificates`);
    await q.query(`DROP TABLE service_records`);
    await q.query(`DROP TABLE time_bank_policies`);
    await q.query(`DROP TABLE ledger_postings`);
    await q.query(`DROP TABLE ledger_transactions`);
    await q.query(`DROP TABLE ledger_head`);
    await q.query(`DROP TABLE ledger_accounts`);
    await q.query(`DROP FUNCTION ledger_append_only(), ledger_check_balanced(), ledger_guard_balance(), ledger_apply_posting()`);
    await q.query(`DROP TYPE ledger_kind`);
    await q.query(`DROP TYPE ledger_account_kind`);
  }
}
