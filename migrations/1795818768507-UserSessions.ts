import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserSessions1795818768507 implements MigrationInterface {
  name = 'UserSessions1795818768507';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_user_session_token_hash" ON "user_session"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_user_session_user" ON "user_session"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "user_session" ADD CONSTRAINT "FK_user_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_session" DROP CONSTRAINT "FK_user_session_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_session_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_session_token_hash"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
  }
}
