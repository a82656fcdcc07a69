import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status on any day without scanning every service: running totals per agency and day, maintained by the database
 * in the writing transaction, so they are never behind the services they count.
 *
 * `agency_day_total` has one row per agency and day on which any of its counts changes, each count a running total
 * to that day (a service counts from the later of the day it was identified and the day it reached the stage;
 * a withdrawn one stops counting on the later of that and its withdrawal):
 *   identified / withdrawn  — services identified / withdrawn by the day: present = identified − withdrawn;
 *   sw_in / sw_out          — services that entered / left the single window: in it = sw_in − sw_out;
 *   nw_in / nw_out          — the same for the national window.
 * `agency_cycle_day_total` holds, per programme cycle, the same for the cycle's baseline services (identified by
 * its baseline day) in the single window, by the day they reached it: what the share milestones are measured on;
 * `agency_cycle_baseline` the number of those baseline services. The keys carry the counts (INCLUDE), so a probe
 * reads the index alone.
 *
 * The status of every agency on a day is then one index probe per agency (the last row on or before the day)
 * instead of a pass over every service (compliance.queries.ts). Statement-level triggers on `e_service` recompute
 * the totals of the agencies a statement touched (an import of thousands of rows costs one recomputation per
 * agency, not per row); a cycle's new baseline day recomputes that cycle's totals. They are derived data: backups
 * leave them out, and a restore rebuilds them through the same triggers.
 */
export class ComplianceTotals1796300000000 implements MigrationInterface {
  name = 'ComplianceTotals1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agency_day_total" ("agency_id" uuid NOT NULL, "day" date NOT NULL, "identified" integer NOT NULL, "withdrawn" integer NOT NULL, "sw_in" integer NOT NULL, "sw_out" integer NOT NULL, "nw_in" integer NOT NULL, "nw_out" integer NOT NULL, CONSTRAINT "PK_agency_day_total" PRIMARY KEY ("agency_id", "day") INCLUDE ("identified", "withdrawn", "sw_in", "sw_out", "nw_in", "nw_out"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agency_cycle_day_total" ("cycle_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "day" date NOT NULL, "baseline_sw" integer NOT NULL, "baseline_sw_out" integer NOT NULL, CONSTRAINT "PK_agency_cycle_day_total" PRIMARY KEY ("cycle_id", "agency_id", "day") INCLUDE ("baseline_sw", "baseline_sw_out"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agency_cycle_baseline" ("cycle_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "baseline" integer NOT NULL, CONSTRAINT "PK_agency_cycle_baseline" PRIMARY KEY ("cycle_id", "agency_id"))`,
    );
    // The k-th baseline service to reach the single window: the first row whose running total reaches k.
    await queryRunner.query(
      `CREATE INDEX "IDX_agency_cycle_day_total_reached" ON "agency_cycle_day_total" ("cycle_id", "agency_id", "baseline_sw", "day")`,
    );
    // Each agency's final scores, read from the index alone (the latest one in compliance.queries.ts).
    await queryRunner.query(
      `CREATE INDEX "IDX_score_final_agency" ON "score" ("agency_id") INCLUDE ("round_id", "total", "finalised_at") WHERE "status" = 'final'`,
    );
    // The few withdrawn services, which the share milestones set aside (compliance.queries.ts).
    await queryRunner.query(
      `CREATE INDEX "IDX_e_service_withdrawn_on" ON "e_service" ("withdrawn_on") INCLUDE ("agency_id", "identified_on", "single_window_on") WHERE "withdrawn_on" IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE FUNCTION app_refresh_agency_totals(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        DELETE FROM agency_day_total WHERE agency_id = ANY(ids);
        INSERT INTO agency_day_total (agency_id, day, identified, withdrawn, sw_in, sw_out, nw_in, nw_out)
        SELECT s.agency_id, f.day,
               sum(sum(f.i)) OVER w, sum(sum(f.w)) OVER w, sum(sum(f.si)) OVER w, sum(sum(f.so)) OVER w,
               sum(sum(f.ni)) OVER w, sum(sum(f.no)) OVER w
        FROM e_service s
        CROSS JOIN LATERAL (VALUES
          (s.identified_on, 1, 0, 0, 0, 0, 0),
          (s.withdrawn_on, 0, 1, 0, 0, 0, 0),
          (CASE WHEN s.single_window_on IS NOT NULL THEN greatest(s.identified_on, s.single_window_on) END, 0, 0, 1, 0, 0, 0),
          (CASE WHEN s.single_window_on IS NOT NULL THEN greatest(s.single_window_on, s.withdrawn_on) END, 0, 0, 0, 1, 0, 0),
          (CASE WHEN s.national_window_on IS NOT NULL THEN greatest(s.identified_on, s.national_window_on) END, 0, 0, 0, 0, 1, 0),
          (CASE WHEN s.national_window_on IS NOT NULL THEN greatest(s.national_window_on, s.withdrawn_on) END, 0, 0, 0, 0, 0, 1)
        ) f(day, i, w, si, so, ni, no)
        WHERE s.agency_id = ANY(ids) AND f.day IS NOT NULL
          AND (f.so + f.no = 0 OR s.withdrawn_on IS NOT NULL)
        GROUP BY s.agency_id, f.day
        WINDOW w AS (PARTITION BY s.agency_id ORDER BY f.day);
        DELETE FROM agency_cycle_baseline WHERE agency_id = ANY(ids);
        INSERT INTO agency_cycle_baseline (cycle_id, agency_id, baseline)
        SELECT c.id, s.agency_id, count(*)
        FROM programme_cycle c JOIN e_service s ON s.identified_on <= c.baseline_on
        WHERE s.agency_id = ANY(ids)
        GROUP BY c.id, s.agency_id;
        DELETE FROM agency_cycle_day_total WHERE agency_id = ANY(ids);
        INSERT INTO agency_cycle_day_total (cycle_id, agency_id, day, baseline_sw, baseline_sw_out)
        SELECT c.id, s.agency_id, f.day, sum(sum(f.si)) OVER w, sum(sum(f.so)) OVER w
        FROM programme_cycle c
        JOIN e_service s ON s.identified_on <= c.baseline_on AND s.single_window_on IS NOT NULL
        CROSS JOIN LATERAL (VALUES
          (s.single_window_on, 1, 0),
          (greatest(s.single_window_on, s.withdrawn_on), 0, 1)
        ) f(day, si, so)
        WHERE s.agency_id = ANY(ids) AND (f.so = 0 OR s.withdrawn_on IS NOT NULL)
        GROUP BY c.id, s.agency_id, f.day
        WINDOW w AS (PARTITION BY c.id, s.agency_id ORDER BY f.day);
      $$`);
    // The same computation as the cycle part above, for one cycle and every agency. Written out twice on purpose:
    // each WHERE keeps its own index (a write must not scan every service).
    await queryRunner.query(`
      CREATE FUNCTION app_refresh_cycle_totals(cycle uuid) RETURNS void LANGUAGE sql AS $$
        DELETE FROM agency_cycle_baseline WHERE cycle_id = cycle;
        INSERT INTO agency_cycle_baseline (cycle_id, agency_id, baseline)
        SELECT c.id, s.agency_id, count(*)
        FROM programme_cycle c JOIN e_service s ON s.identified_on <= c.baseline_on
        WHERE c.id = cycle
        GROUP BY c.id, s.agency_id;
        DELETE FROM agency_cycle_day_total WHERE cycle_id = cycle;
        INSERT INTO agency_cycle_day_total (cycle_id, agency_id, day, baseline_sw, baseline_sw_out)
        SELECT c.id, s.agency_id, f.day, sum(sum(f.si)) OVER w, sum(sum(f.so)) OVER w
        FROM programme_cycle c
        JOIN e_service s ON s.identified_on <= c.baseline_on AND s.single_window_on IS NOT NULL
        CROSS JOIN LATERAL (VALUES
          (s.single_window_on, 1, 0),
          (greatest(s.single_window_on, s.withdrawn_on), 0, 1)
        ) f(day, si, so)
        WHERE c.id = cycle AND (f.so = 0 OR s.withdrawn_on IS NOT NULL)
        GROUP BY c.id, s.agency_id, f.day
        WINDOW w AS (PARTITION BY c.id, s.agency_id ORDER BY f.day);
      $$`);
    // Only the agencies whose dated facts a statement changed are recomputed (renaming a service costs nothing).
    await queryRunner.query(`
      CREATE FUNCTION app_e_service_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM app_refresh_agency_totals(ARRAY(SELECT DISTINCT agency_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM app_refresh_agency_totals(ARRAY(SELECT DISTINCT agency_id FROM old_rows));
        ELSE
          PERFORM app_refresh_agency_totals(ARRAY(
            SELECT n.agency_id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.agency_id, n.identified_on, n.withdrawn_on, n.single_window_on, n.national_window_on)
              IS DISTINCT FROM (o.agency_id, o.identified_on, o.withdrawn_on, o.single_window_on, o.national_window_on)
            UNION
            SELECT o.agency_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.agency_id <> o.agency_id));
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION app_e_service_totals_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM agency_day_total;
        DELETE FROM agency_cycle_day_total;
        DELETE FROM agency_cycle_baseline;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION app_programme_cycle_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          IF TG_OP = 'DELETE' OR NEW.baseline_on IS DISTINCT FROM OLD.baseline_on OR NEW.id <> OLD.id THEN
            DELETE FROM agency_cycle_day_total WHERE cycle_id = OLD.id;
            DELETE FROM agency_cycle_baseline WHERE cycle_id = OLD.id;
          END IF;
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.baseline_on IS DISTINCT FROM OLD.baseline_on OR NEW.id <> OLD.id)) THEN
          PERFORM app_refresh_cycle_totals(NEW.id);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_e_service_totals_insert" AFTER INSERT ON "e_service" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_e_service_totals()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_e_service_totals_update" AFTER UPDATE ON "e_service" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_e_service_totals()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_e_service_totals_delete" AFTER DELETE ON "e_service" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_e_service_totals()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_e_service_totals_truncate" AFTER TRUNCATE ON "e_service" FOR EACH STATEMENT EXECUTE FUNCTION app_e_service_totals_truncated()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_programme_cycle_totals" AFTER INSERT OR UPDATE OR DELETE ON "programme_cycle" FOR EACH ROW EXECUTE FUNCTION app_programme_cycle_totals()`,
    );
    // The totals of the data already there.
    await queryRunner.query(`SELECT app_refresh_agency_totals(ARRAY(SELECT DISTINCT agency_id FROM e_service))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_programme_cycle_totals" ON "programme_cycle"`);
    await queryRunner.query(`DROP TRIGGER "TRG_e_service_totals_truncate" ON "e_service"`);
    await queryRunner.query(`DROP TRIGGER "TRG_e_service_totals_delete" ON "e_service"`);
    await queryRunner.query(`DROP TRIGGER "TRG_e_service_totals_update" ON "e_service"`);
    await queryRunner.query(`DROP TRIGGER "TRG_e_service_totals_insert" ON "e_service"`);
    await queryRunner.query(`DROP FUNCTION app_programme_cycle_totals()`);
    await queryRunner.query(`DROP FUNCTION app_e_service_totals_truncated()`);
    await queryRunner.query(`DROP FUNCTION app_e_service_totals()`);
    await queryRunner.query(`DROP FUNCTION app_refresh_cycle_totals(uuid)`);
    await queryRunner.query(`DROP FUNCTION app_refresh_agency_totals(uuid[])`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e_service_withdrawn_on"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_score_final_agency"`);
    await queryRunner.query(`DROP TABLE "agency_cycle_baseline"`);
    await queryRunner.query(`DROP TABLE "agency_cycle_day_total"`);
    await queryRunner.query(`DROP TABLE "agency_day_total"`);
  }
}
