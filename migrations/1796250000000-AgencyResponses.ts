import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The right of reply (جوابیه): a reply is about the agency itself, one weekly report revision or one score (at most
 * one subject); it starts as a request the ministry sent (`requested`, nothing received yet) or as a reply received
 * unasked (`draft`), and is published by an admin, who is recorded. One open request per agency and subject.
 * Reverting deletes the open requests (the old table cannot hold a reply that has not been received).
 */
export class AgencyResponses1796250000000 implements MigrationInterface {
  name = 'AgencyResponses1796250000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency_response" DROP CONSTRAINT "CHK_agency_response_body"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP CONSTRAINT "CHK_agency_response_published"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP CONSTRAINT "CHK_agency_response_status"`);
    await queryRunner.query(`ALTER TABLE "agency_response" ADD "score_id" uuid`);
    await queryRunner.query(`ALTER TABLE "agency_response" ADD "requested_on" date`);
    await queryRunner.query(`ALTER TABLE "agency_response" ADD "document_url" text`);
    await queryRunner.query(`ALTER TABLE "agency_response" ADD "published_by_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "agency_response" ALTER COLUMN "received_on" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "agency_response" ALTER COLUMN "body_fa" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_agency_response_score" ON "agency_response"  ("score_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_agency_response_open_request" ON "agency_response" ("agency_id", (coalesce("weekly_report_id", "score_id", "agency_id"))) WHERE "status" = 'requested'`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD CONSTRAINT "CHK_agency_response_document_url" CHECK ("document_url" IS NULL OR "document_url" ~* '^https?://[^[:space:]]+$')`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD CONSTRAINT "CHK_agency_response_subject" CHECK (num_nonnulls("weekly_report_id", "score_id") <= 1)`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD CONSTRAINT "CHK_agency_response_dates" CHECK ("requested_on" IS NULL OR "received_on" IS NULL OR "received_on" >= "requested_on")`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD CONSTRAINT "CHK_agency_response_body" CHECK (("body_fa" IS NULL OR length(btrim("body_fa")) BETWEEN 1 AND 20000) AND ("body_en" IS NULL OR length(btrim("body_en")) BETWEEN 1 AND 20000))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD CONSTRAINT "CHK_agency_response_requested" CHECK (("status" = 'requested') = ("received_on" IS NULL) AND ("status" = 'requested') = ("body_fa" IS NULL) AND ("status" <> 'requested' OR ("requested_on" IS NOT NULL AND "body_en" IS NULL AND "document_url" IS NULL)))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD CONSTRAINT "CHK_agency_response_published" CHECK (("status" = 'published') = ("published_at" IS NOT NULL) AND ("published_by_id" IS NULL OR "status" = 'published'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD CONSTRAINT "CHK_agency_response_status" CHECK ("status" IN ('requested', 'draft', 'published'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD CONSTRAINT "FK_agency_response_score" FOREIGN KEY ("score_id") REFERENCES "score"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD CONSTRAINT "FK_agency_response_published_by" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agency_response" DROP CONSTRAINT "FK_agency_response_published_by"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP CONSTRAINT "FK_agency_response_score"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP CONSTRAINT "CHK_agency_response_status"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP CONSTRAINT "CHK_agency_response_published"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP CONSTRAINT "CHK_agency_response_requested"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP CONSTRAINT "CHK_agency_response_body"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP CONSTRAINT "CHK_agency_response_dates"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP CONSTRAINT "CHK_agency_response_subject"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP CONSTRAINT "CHK_agency_response_document_url"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_agency_response_open_request"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_agency_response_score"`);
    // The old table holds received replies only, about the agency or a weekly report.
    await queryRunner.query(`DELETE FROM "agency_response" WHERE "status" = 'requested'`);
    await queryRunner.query(`ALTER TABLE "agency_response" ALTER COLUMN "body_fa" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "agency_response" ALTER COLUMN "received_on" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP COLUMN "updated_at"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP COLUMN "published_by_id"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP COLUMN "document_url"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP COLUMN "requested_on"`);
    await queryRunner.query(`ALTER TABLE "agency_response" DROP COLUMN "score_id"`);
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD CONSTRAINT "CHK_agency_response_status" CHECK ("status" IN ('draft', 'published'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD CONSTRAINT "CHK_agency_response_published" CHECK (("status" = 'published') = ("published_at" IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agency_response" ADD CONSTRAINT "CHK_agency_response_body" CHECK (length(btrim("body_fa")) > 0)`,
    );
  }
}
