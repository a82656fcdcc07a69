import { format } from 'date-fns-jalali';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every day from 1900 to 2199 with its Jalali date (`1401/05/31`), computed once by date-fns-jalali (the library
 * that writes Jalali days everywhere else: common/dates/jalali.ts, same format), so that exports written by
 * PostgreSQL itself (`COPY … TO STDOUT`, the national services CSV) show the very same Jalali text. Reference data:
 * filled here, never changed, left out of backups.
 */
const FIRST_DAY = Date.UTC(1900, 0, 1);
const LAST_DAY = Date.UTC(2199, 11, 31);
const DAY_MS = 86_400_000;

export class CalendarDays1796310000000 implements MigrationInterface {
  name = 'CalendarDays1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_day" ("day" date NOT NULL, "jalali" text NOT NULL, CONSTRAINT "PK_calendar_day" PRIMARY KEY ("day"))`,
    );
    const days: string[] = [];
    const jalali: string[] = [];
    for (let t = FIRST_DAY; t <= LAST_DAY; t += DAY_MS) {
      const utc = new Date(t);
      days.push(utc.toISOString().slice(0, 10));
      // Local noon of the day: only its fields are read (as isoToJalali does).
      jalali.push(format(new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), 12), 'yyyy/MM/dd'));
    }
    for (let start = 0; start < days.length; start += 20_000) {
      await queryRunner.query(
        `INSERT INTO "calendar_day" ("day", "jalali") SELECT * FROM unnest($1::date[], $2::text[])`,
        [days.slice(start, start + 20_000), jalali.slice(start, start + 20_000)],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_day"`);
  }
}
