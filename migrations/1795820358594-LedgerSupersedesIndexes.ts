import { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerSupersedesIndexes1795820358594 implements MigrationInterface {
  name = 'LedgerSupersedesIndexes1795820358594';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_service_stage_event_supersedes" ON "service_stage_event"  ("supersedes_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_agency_progress_event_supersedes" ON "agency_progress_event"  ("supersedes_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_agency_progress_event_supersedes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_service_stage_event_supersedes"`);
  }
}
