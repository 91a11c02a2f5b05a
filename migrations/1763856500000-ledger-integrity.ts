import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ledger integrity (issue 5):
 * - An account's identity (id, kind, owner, region, floor, and its donate-only part at opening) is immutable, and
 *   its hash is stored at opening (`identity_hash`). Journal entries written from now on (format 2) hash the
 *   identity of every account they post to, so a changed owner or floor breaks the chain that `verifyLedger`
 *   recomputes even when the stored identity hash was forged too.
 * - The donate-only part (group-activity hours, docs/design.md §6.1) moves only through postings (`donate_only_delta`,
 *   also hashed), like the balance.
 * - A posting may only be added to the journal entry created in the same database transaction.
 * - New accounts open empty.
 * - Expiry notices keep how many of their minutes are settled (expired, or no longer due); one account may get
 *   several notices for one date.
 * - needs.group_activity: the dispatch loop tells the time bank whether a service was part of a group activity.
 */
export class LedgerIntegrity1763856500000 implements MigrationInterface {
  name = 'LedgerIntegrity1763856500000';

  async up(q: QueryRunner): Promise<void> {
    // Identity of an account, in a form the verifier recomputes byte for byte (ledger-hash.ts accountIdentityHash).
    await q.query(`
      CREATE FUNCTION ledger_account_identity(id uuid, kind ledger_account_kind, person_id uuid, organization_id uuid, region_id uuid,
                                              floor_minutes bigint, donate_only_opening bigint) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws('|', 'wushe-account-v1', id::text, kind::text, coalesce(person_id::text, '-'),
               coalesce(organization_id::text, '-'), region_id::text, coalesce(floor_minutes::text, '-'), donate_only_opening::text), 'UTF8')), 'hex')
      $$`);
    await q.query(`ALTER TABLE ledger_accounts ADD COLUMN donate_only_opening bigint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE ledger_accounts ADD COLUMN identity_hash text`);
    // Existing accounts: their donate-only part so far is their opening (older journal entries do not record it).
    await q.query(`ALTER TABLE ledger_accounts DISABLE TRIGGER ledger_accounts_guard`);
    await q.query(`UPDATE ledger_accounts SET donate_only_opening = donate_only`);
    await q.query(
      `UPDATE ledger_accounts SET identity_hash = ledger_account_identity(id, kind, person_id, organization_id, region_id, floor_minutes, donate_only_opening)`,
    );
    await q.query(`ALTER TABLE ledger_accounts ENABLE TRIGGER ledger_accounts_guard`);
    await q.query(`ALTER TABLE ledger_accounts ALTER COLUMN identity_hash SET NOT NULL`);

    await q.query(`
      CREATE FUNCTION ledger_open_account() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.balance <> 0 OR NEW.donate_only <> 0 THEN RAISE EXCEPTION 'ledger: an account opens empty'; END IF;
        NEW.donate_only_opening := 0;
        NEW.identity_hash := ledger_account_identity(NEW.id, NEW.kind, NEW.person_id, NEW.organization_id, NEW.region_id, NEW.floor_minutes, 0);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_accounts_open BEFORE INSERT ON ledger_accounts FOR EACH ROW EXECUTE FUNCTION ledger_open_account()`);

    // Identity never changes; balance and donate-only part only from the posting trigger.
    await q.query(`
      CREATE FUNCTION ledger_guard_account() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`DROP TRIGGER ledger_accounts_guard ON ledger_accounts`);
    await q.query(`CREATE TRIGGER ledger_accounts_guard BEFORE UPDATE ON ledger_accounts FOR EACH ROW EXECUTE FUNCTION ledger_guard_account()`);
    await q.query(`CREATE TRIGGER ledger_accounts_no_delete BEFORE DELETE ON ledger_accounts FOR EACH ROW EXECUTE FUNCTION ledger_append_only()`);
    await q.query(`CREATE TRIGGER ledger_accounts_no_truncate BEFORE TRUNCATE ON ledger_accounts FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`);

    // Journal format: 1 = before this migration, 2 = hashes account identities and donate-only changes.
    await q.query(`ALTER TABLE ledger_transactions ADD COLUMN format smallint NOT NULL DEFAULT 1 CHECK (format IN (1, 2))`);
    await q.query(`ALTER TABLE ledger_transactions ALTER COLUMN format SET DEFAULT 2`);
    await q.query(`ALTER TABLE ledger_postings ADD COLUMN donate_only_delta bigint NOT NULL DEFAULT 0`);

    // The journal entry inserted last in this database transaction is the only one that may receive postings.
    await q.query(`
      CREATE FUNCTION ledger_mark_open_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('ledger.open_transaction', NEW.id::text, true);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_transactions_open BEFORE INSERT ON ledger_transactions FOR EACH ROW EXECUTE FUNCTION ledger_mark_open_transaction()`);
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

    await q.query(`ALTER TABLE time_bank_expiry_notices DROP CONSTRAINT time_bank_expiry_notices_account_id_expires_on_key`);
    await q.query(`ALTER TABLE time_bank_expiry_notices ADD COLUMN settled_minutes integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE time_bank_expiry_notices ADD CONSTRAINT time_bank_expiry_notices_settled_check CHECK (settled_minutes BETWEEN 0 AND minutes)`);
    await q.query(`CREATE INDEX time_bank_expiry_notices_account_idx ON time_bank_expiry_notices (account_id, created_at)`);

    await q.query(`ALTER TABLE needs ADD COLUMN group_activity boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Entries written since carry the format-2 hash, which the earlier verifier cannot recompute: going back would
    // leave a ledger that never verifies. Restore a backup taken before this migration instead.
    const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM ledger_transactions WHERE format = 2`);
    if (n > 0) throw new Error(`${n} journal entries use the format-2 hash; restore a backup from before this migration instead of reverting it`);
    await q.query(`ALTER TABLE needs DROP COLUMN group_activity`);
    await q.query(`DROP INDEX time_bank_expiry_notices_account_idx`);
    await q.query(`ALTER TABLE time_bank_expiry_notices DROP CONSTRAINT time_bank_expiry_notices_settled_check`);
    await q.query(`ALTER TABLE time_bank_expiry_notices DROP COLUMN settled_minutes`);
    // Several notices of one account and date may exist now: keep the first.
    await q.query(`DELETE FROM time_bank_expiry_notices n USING time_bank_expiry_notices o
                    WHERE o.account_id = n.account_id AND o.expires_on = n.expires_on AND (o.created_at, o.id) < (n.created_at, n.id)`);
    await q.query(`ALTER TABLE time_bank_expiry_notices ADD CONSTRAINT time_bank_expiry_notices_account_id_expires_on_key UNIQUE (account_id, expires_on)`);

    await q.query(`
      CREATE OR REPLACE FUNCTION ledger_apply_posting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE ledger_accounts SET balance = balance + NEW.amount WHERE id = NEW.account_id RETURNING balance INTO NEW.balance_after;
        IF NOT FOUND THEN RAISE EXCEPTION 'ledger: unknown account %', NEW.account_id; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`DROP TRIGGER ledger_transactions_open ON ledger_transactions`);
    await q.query(`DROP FUNCTION ledger_mark_open_transaction()`);
    await q.query(`ALTER TABLE ledger_postings DROP COLUMN donate_only_delta`);
    await q.query(`ALTER TABLE ledger_transactions DROP COLUMN format`);

    await q.query(`DROP TRIGGER ledger_accounts_no_truncate ON ledger_accounts`);
    await q.query(`DROP TRIGGER ledger_accounts_no_delete ON ledger_accounts`);
    await q.query(`DROP TRIGGER ledger_accounts_guard ON ledger_accounts`);
    await q.query(`CREATE TRIGGER ledger_accounts_guard BEFORE UPDATE ON ledger_accounts FOR EACH ROW EXECUTE FUNCTION ledger_guard_balance()`);
    await q.query(`DROP FUNCTION ledger_guard_account()`);
    await q.query(`DROP TRIGGER ledger_accounts_open ON ledger_accounts`);
    await q.query(`DROP FUNCTION ledger_open_account()`);
    await q.query(`ALTER TABLE ledger_accounts DROP COLUMN identity_hash`);
    await q.query(`ALTER TABLE ledger_accounts DROP COLUMN donate_only_opening`);
    await q.query(`DROP FUNCTION ledger_account_identity(uuid, ledger_account_kind, uuid, uuid, uuid, bigint, bigint)`);
  }
}
