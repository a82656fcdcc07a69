import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public data's change signal. Every statement that changes a table the public reads (or truncates it) sends
 * `NOTIFY monitor_data_changed` from its own transaction: PostgreSQL delivers it when that transaction commits and
 * drops it when it rolls back, so every instance of the server learns of exactly the committed changes, whoever
 * made them (the API, an import, the seed, a CLI or psql). The server's read cache listens (common/db/data-version.ts).
 */
const PUBLIC_TABLES = [
  'agency',
  'agency_progress_event',
  'agency_system',
  'e_service',
  'service_stage_event',
  'programme_cycle',
  'milestone_definition',
  'criteria_set',
  'criterion',
  'evaluation_round',
  'evaluation_session',
  'evaluation_session_evaluator',
  'score',
  'criterion_score',
  'weekly_report',
  'agency_response',
  'dataset_info',
];

export class DataChangeNotify1795830000000 implements MigrationInterface {
  name = 'DataChangeNotify1795830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION app_notify_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- One notification per transaction: PostgreSQL folds identical ones together.
        PERFORM pg_notify('monitor_data_changed', '');
        RETURN NULL;
      END $$`);
    for (const table of PUBLIC_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "TRG_${table}_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION app_notify_data_changed()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...PUBLIC_TABLES].reverse()) {
      await queryRunner.query(`DROP TRIGGER "TRG_${table}_data_changed" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION app_notify_data_changed()`);
  }
}
