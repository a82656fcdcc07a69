import fc from 'fast-check';
import { normalizeForSearch } from '../src/common/text/normalize-text.js';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { dataSourceOptions } from '../src/database/data-source.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let db: TestDatabase;
let sut: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
  // The refusals below are expected: keep TypeORM from logging them as errors.
  sut = new DataSource({ ...dataSourceOptions(db.url), logging: false });
  await sut.initialize();
  await sut.runMigrations();
});

afterAll(async () => {
  await sut?.destroy();
  await db?.drop();
});

describe('the migrations', () => {
  it('build exactly the schema the entities describe (generating a migration would yield nothing)', async () => {
    const pending = await sut.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can all be reverted and applied again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await sut.undoLastMigration();
    const [{ count }] = await sut.query(
      `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'agency'`,
    );
    expect(count).toBe(0);
    await sut.runMigrations();
    expect((await sut.driver.createSchemaBuilder().log()).upQueries).toHaveLength(0);
  });
});

describe('the database refuses invalid data by itself', () => {
  async function agency(code: string): Promise<string> {
    const [{ id }] = await sut.query(
      `INSERT INTO agency (code, name_fa, name_en, kind, branch) VALUES ($1, 'نام', 'Name', 'ministry', 'executive') RETURNING id`,
      [code],
    );
    return id as string;
  }

  async function criteriaSet(code: string, weights: string[]): Promise<string> {
    return sut.transaction(async (m) => {
      const [{ id }] = await m.query(
        `INSERT INTO criteria_set (code, title_fa, title_en) VALUES ($1, 'م', 'C') RETURNING id`,
        [code],
      );
      for (const [i, w] of weights.entries()) {
        await m.query(
          `INSERT INTO criterion (criteria_set_id, code, title_fa, title_en, weight) VALUES ($1, $2, 'م', 'C', $3)`,
          [id, `c${i}`, w],
        );
      }
      return id as string;
    });
  }

  it('refuses criteria weights that do not add up to 100, and accepts ones that do', async () => {
    await expect(criteriaSet('bad', ['60.00', '30.00'])).rejects.toThrow(/add up to 90/);
    await expect(criteriaSet('good', ['33.34', '33.33', '33.33'])).resolves.toEqual(expect.any(String));
    expect((await sut.query(`SELECT count(*)::int AS n FROM criteria_set WHERE code = 'bad'`))[0].n).toBe(0);
  });

  it('refuses a score outside 0..100 and keeps 26.07 exactly', async () => {
    const setId = await criteriaSet('score-set', ['100.00']);
    const agencyId = await agency('score-agency');
    const [{ id: roundId }] = await sut.query(
      `INSERT INTO evaluation_round (code, title_fa, title_en, criteria_set_id, starts_on, ends_on) VALUES ('r', 'د', 'R', $1, '2022-06-22', '2022-08-22') RETURNING id`,
      [setId],
    );
    await expect(
      sut.query(`INSERT INTO score (round_id, agency_id, total) VALUES ($1, $2, 100.01)`, [roundId, agencyId]),
    ).rejects.toThrow(/CHK_score_total/);
    await expect(
      sut.query(`INSERT INTO score (round_id, agency_id, total) VALUES ($1, $2, -1)`, [roundId, agencyId]),
    ).rejects.toThrow(/CHK_score_total/);
    const [{ total }] = await sut.query(
      `INSERT INTO score (round_id, agency_id, total) VALUES ($1, $2, '26.07') RETURNING total::text`,
      [roundId, agencyId],
    );
    expect(total).toBe('26.07');
  });

  it('refuses stage dates out of order', async () => {
    const agencyId = await agency('stage-agency');
    const insert = (electronic: string | null, single: string | null, national: string | null) =>
      sut.query(
        `INSERT INTO e_service (agency_id, code, name_fa, name_en, audience, identified_on, electronic_on, single_window_on, national_window_on) VALUES ($1, gen_random_uuid()::text, 'خ', 'S', 'g2c', '2020-01-01', $2, $3, $4)`,
        [agencyId, electronic, single, national],
      );
    await expect(insert('2022-05-01', '2022-04-01', null)).rejects.toThrow(/CHK_e_service_stage_dates/);
    await expect(insert(null, '2022-04-01', null)).rejects.toThrow(/CHK_e_service_stage_dates/);
    await expect(insert('2022-01-01', '2022-06-01', '2022-05-01')).rejects.toThrow(/CHK_e_service_stage_dates/);
    await insert('2022-01-01', '2022-06-01', '2022-07-01');
    const [{ stage }] = await sut.query(`SELECT stage FROM e_service WHERE agency_id = $1`, [agencyId]);
    expect(stage).toBe('national_window');
  });

  it('refuses a connection to the national window before the single window was launched', async () => {
    await expect(
      sut.query(
        `INSERT INTO agency (code, name_fa, name_en, kind, branch, single_window_launched_on, national_window_connected_on) VALUES ('early', 'ن', 'N', 'bank', 'executive', '2022-09-01', '2022-08-01')`,
      ),
    ).rejects.toThrow(/CHK_agency_progress_dates/);
  });

  it('refuses a weekly report that does not run Saturday to Friday, and any change once published', async () => {
    const [{ id: cycleId }] = await sut.query(
      `INSERT INTO programme_cycle (code, title_fa, title_en, starts_on, ends_on, baseline_on) VALUES ('c', 'ق', 'C', '2022-03-21', '2023-03-20', '2022-03-21') RETURNING id`,
    );
    // 2022-08-20 is a Saturday (1401/05/29); 2022-08-21 is a Sunday.
    await expect(
      sut.query(
        `INSERT INTO weekly_report (cycle_id, week_starts_on, week_ends_on, content) VALUES ($1, '2022-08-21', '2022-08-27', '{}')`,
        [cycleId],
      ),
    ).rejects.toThrow(/CHK_weekly_report_week/);
    const [{ id }] = await sut.query(
      `INSERT INTO weekly_report (cycle_id, week_starts_on, week_ends_on, content, status, digest, published_at) VALUES ($1, '2022-08-20', '2022-08-26', '{"connected": 10}', 'published', repeat('a', 64), now()) RETURNING id`,
      [cycleId],
    );
    await expect(
      sut.query(`UPDATE weekly_report SET content = '{"connected": 11}' WHERE id = $1`, [id]),
    ).rejects.toThrow(/never changed/);
    await expect(sut.query(`DELETE FROM weekly_report WHERE id = $1`, [id])).rejects.toThrow(/never changed/);
    // A second revision of the week needs the one it replaces and a reason; a second revision 1 is refused.
    await expect(
      sut.query(
        `INSERT INTO weekly_report (cycle_id, week_starts_on, week_ends_on, content, revision) VALUES ($1, '2022-08-20', '2022-08-26', '{}', 2)`,
        [cycleId],
      ),
    ).rejects.toThrow(/CHK_weekly_report_revision/);
    await expect(
      sut.query(
        `INSERT INTO weekly_report (cycle_id, week_starts_on, week_ends_on, content) VALUES ($1, '2022-08-20', '2022-08-26', '{}')`,
        [cycleId],
      ),
    ).rejects.toThrow(/UQ_weekly_report_week_revision/);
  });

  it('refuses a withdrawal without a reason or before the service was identified', async () => {
    const [{ id: agencyId }] = await sut.query(
      `INSERT INTO agency (code, name_fa, name_en, kind, branch) VALUES ('withdrawing', 'نام', 'Name', 'ministry', 'executive') RETURNING id`,
    );
    const insert = (withdrawnOn: string | null, reason: string | null) =>
      sut.query(
        `INSERT INTO e_service (agency_id, code, name_fa, name_en, audience, identified_on, withdrawn_on, withdrawal_reason) VALUES ($1, gen_random_uuid()::text, 'خ', 'S', 'g2c', '2022-03-21', $2, $3)`,
        [agencyId, withdrawnOn, reason],
      );
    await expect(insert('2022-05-01', null)).rejects.toThrow(/CHK_e_service_withdrawal/);
    await expect(insert('2022-03-20', 'merged')).rejects.toThrow(/CHK_e_service_withdrawal/);
    await expect(insert('2022-03-21', 'merged')).resolves.toBeDefined();
  });

  it('keeps the audit trail append-only', async () => {
    const [{ id }] = await sut.query(
      `INSERT INTO audit_record (action, entity_type, entity_id) VALUES ('test', 'agency', 'x') RETURNING id`,
    );
    await expect(sut.query(`UPDATE audit_record SET action = 'changed' WHERE id = $1`, [id])).rejects.toThrow(
      /never changed/,
    );
    await expect(sut.query(`DELETE FROM audit_record WHERE id = $1`, [id])).rejects.toThrow(/never changed/);
  });
});

describe('app_normalize_search() in SQL', () => {
  it('is the same function as normalizeForSearch() in TypeScript', async () => {
    const alphabet = [...'abcXYZ019 ۰۱۹٠١٩يىكکیةۀهأإآاٱؤوئ٫٬\u200c\u200d\u0640\u064b\u0670\u200f\t\n\u00a0پژوهش‌های%_'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), async (chars) => {
        const input = chars.join('');
        const [{ key }] = await sut.query('SELECT app_normalize_search($1) AS key', [input]);
        expect(key).toBe(normalizeForSearch(input));
      }),
      { numRuns: 300 },
    );
  });
});
