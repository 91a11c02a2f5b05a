/**
 * Consent history of sensitive flags 敏感个人信息同意记录 (DESIGN.md §11 "consent is recorded", PIPL Art. 14, 29, 31).
 * `person_flags` keeps the current flags (a withdrawal still deletes the flag); every consent given and every
 * withdrawal is also appended here, and the table refuses UPDATE and DELETE, so that who agreed to what, when,
 * and who recorded it can be shown later. Existing flags are carried over as GIVEN records.
 */
export class FlagConsentHistory1795463055007 {
    name = 'FlagConsentHistory1795463055007';
    async up(q) {
        await q.query(`CREATE TYPE consent_action AS ENUM ('GIVEN','WITHDRAWN')`);
        await q.query(`
      CREATE TABLE person_flag_consents (
        id bigserial PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES persons(id),
        flag person_flag NOT NULL,
        action consent_action NOT NULL,
        -- GIVEN: the person or their guardian; WITHDRAWN: the person (or guardian) on whose behalf it was withdrawn
        by_person_id uuid NOT NULL REFERENCES persons(id),
        recorded_by uuid NOT NULL REFERENCES persons(id),
        at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX person_flag_consents_person ON person_flag_consents (person_id, id)`);
        await q.query(`
      CREATE FUNCTION person_flag_consents_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'person_flag_consents is append-only';
      END $$`);
        await q.query(`
      CREATE TRIGGER person_flag_consents_no_change BEFORE UPDATE OR DELETE ON person_flag_consents
        FOR EACH ROW EXECUTE FUNCTION person_flag_consents_append_only()`);
        await q.query(`
      INSERT INTO person_flag_consents (person_id, flag, action, by_person_id, recorded_by, at)
      SELECT person_id, flag, 'GIVEN', consent_given_by, recorded_by, consent_at FROM person_flags ORDER BY consent_at`);
    }
    async down(q) {
        await q.query(`DROP TABLE person_flag_consents`);
        await q.query(`DROP FUNCTION person_flag_consents_append_only()`);
        await q.query(`DROP TYPE consent_action`);
    }
}
//# sourceMappingURL=1795463055007-flag-consent-history.js.map