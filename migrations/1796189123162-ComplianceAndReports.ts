import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The compliance engine's data: each service's place in the inventory (identified, withdrawn: the baseline that
 * share milestones are measured against), each cycle's baseline day, the 14-day at-risk window of the 1401 budget
 * law, and weekly reports as revisions (a correction is a new revision pointing to the one it replaces) with the
 * moment the public may see them.
 */
export class ComplianceAndReports1796189123162 implements MigrationInterface {
  name = 'ComplianceAndReports1796189123162';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_weekly_report_cycle_week"`);
    await queryRunner.query(`ALTER TABLE "e_service" ADD "identified_on" date`);
    // A service recorded before this migration was identified by the first day anything is known of it.
    await queryRunner.query(
      `UPDATE "e_service" SET "identified_on" = least("electronic_on", "single_window_on", "national_window_on", ("created_at" AT TIME ZONE 'Asia/Tehran')::date)`,
    );
    await queryRunner.query(`ALTER TABLE "e_service" ALTER COLUMN "identified_on" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "e_service" ADD "withdrawn_on" date`);
    await queryRunner.query(`ALTER TABLE "e_service" ADD "withdrawal_reason" text`);
    await queryRunner.query(`ALTER TABLE "programme_cycle" ADD "baseline_on" date`);
    await queryRunner.query(`UPDATE "programme_cycle" SET "baseline_on" = "starts_on"`);
    await queryRunner.query(`ALTER TABLE "programme_cycle" ALTER COLUMN "baseline_on" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "programme_cycle" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "weekly_report" ADD "revision" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "weekly_report" ADD "supersedes_id" uuid`);
    await queryRunner.query(`ALTER TABLE "weekly_report" ADD "revision_reason" text`);
    await queryRunner.query(`ALTER TABLE "weekly_report" ADD "public_from" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "milestone_definition" ALTER COLUMN "at_risk_days" SET DEFAULT '14'`);
    // The 1401 deadlines were written with the old default (30 days); the programme's window is two weeks.
    await queryRunner.query(`UPDATE "milestone_definition" SET "at_risk_days" = 14 WHERE "at_risk_days" = 30`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_weekly_report_supersedes" ON "weekly_report"  ("supersedes_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_weekly_report_cycle" ON "weekly_report"  ("cycle_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_weekly_report_week_revision" ON "weekly_report"  ("week_starts_on", "revision") `,
    );
    await queryRunner.query(
      `ALTER TABLE "e_service" ADD CONSTRAINT "CHK_e_service_withdrawal" CHECK (("withdrawn_on" IS NULL) = ("withdrawal_reason" IS NULL) AND ("withdrawn_on" IS NULL OR "withdrawn_on" >= "identified_on"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "programme_cycle" ADD CONSTRAINT "CHK_programme_cycle_baseline" CHECK ("baseline_on" <= "ends_on")`,
    );
    await queryRunner.query(
      `ALTER TABLE "weekly_report" ADD CONSTRAINT "CHK_weekly_report_public_from" CHECK ("public_from" IS NULL OR "public_from" >= "published_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "weekly_report" ADD CONSTRAINT "CHK_weekly_report_revision" CHECK ("revision" >= 1 AND ("revision" = 1) = ("supersedes_id" IS NULL) AND ("revision" = 1) = ("revision_reason" IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "weekly_report" ADD CONSTRAINT "FK_weekly_report_supersedes" FOREIGN KEY ("supersedes_id") REFERENCES "weekly_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "weekly_report" DROP CONSTRAINT "FK_weekly_report_supersedes"`);
    await queryRunner.query(`ALTER TABLE "weekly_report" DROP CONSTRAINT "CHK_weekly_report_revision"`);
    await queryRunner.query(`ALTER TABLE "weekly_report" DROP CONSTRAINT "CHK_weekly_report_public_from"`);
    await queryRunner.query(`ALTER TABLE "programme_cycle" DROP CONSTRAINT "CHK_programme_cycle_baseline"`);
    await queryRunner.query(`ALTER TABLE "e_service" DROP CONSTRAINT "CHK_e_service_withdrawal"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_weekly_report_week_revision"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_weekly_report_cycle"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_weekly_report_supersedes"`);
    await queryRunner.query(`ALTER TABLE "milestone_definition" ALTER COLUMN "at_risk_days" SET DEFAULT '30'`);
    await queryRunner.query(`ALTER TABLE "weekly_report" DROP COLUMN "public_from"`);
    await queryRunner.query(`ALTER TABLE "weekly_report" DROP COLUMN "revision_reason"`);
    await queryRunner.query(`ALTER TABLE "weekly_report" DROP COLUMN "supersedes_id"`);
    await queryRunner.query(`ALTER TABLE "weekly_report" DROP COLUMN "revision"`);
    await queryRunner.query(`ALTER TABLE "programme_cycle" DROP COLUMN "updated_at"`);
    await queryRunner.query(`ALTER TABLE "programme_cycle" DROP COLUMN "baseline_on"`);
    await queryRunner.query(`ALTER TABLE "e_service" DROP COLUMN "withdrawal_reason"`);
    await queryRunner.query(`ALTER TABLE "e_service" DROP COLUMN "withdrawn_on"`);
    await queryRunner.query(`ALTER TABLE "e_service" DROP COLUMN "identified_on"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_weekly_report_cycle_week" ON "weekly_report" USING btree ("cycle_id", "week_starts_on") `,
    );
  }
}
