import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Exporting a very long list keeps the server's memory flat: the rows come from a database cursor and leave as
 * bytes, never gathered. The application runs in this process, listening on a port; the test downloads through
 * real HTTP, throws the bytes away as they arrive, and samples the heap (after a full collection, so what is
 * measured is what is held, not garbage waiting to be collected) while the download runs.
 *
 * It runs on its own (`npm run test:isolated`, after the other server tests): in a fresh process the heap holds
 * only this test, so the figure is the export's and a full collection is quick. Inside a worker that had run
 * other files, each collection took long enough to starve the download, and CI timed out.
 */

const ROWS = 200_000;
const LIMIT_BYTES = 100 * 1024 * 1024;
const SAMPLE_EVERY_MS = 1000;

let t: TestApp;
let baseUrl: string;
let agencyId: string;

/** A full garbage collection: `global.gc` if node was started with --expose-gc, else switched on here. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
const gc = collector();

beforeAll(async () => {
  t = await createTestApp();
  const [agency] = await t.sql.query<Array<{ id: string }>>(
    `SELECT id FROM agency WHERE is_main ORDER BY code LIMIT 1`,
  );
  agencyId = agency!.id;
  // Long names on purpose: ROWS of these rows held in memory at once would take well over the limit.
  await t.sql.query(
    `INSERT INTO e_service (agency_id, code, name_fa, name_en, audience, identified_on, electronic_on,
                            single_window_on)
     SELECT $1::uuid, 'bulk-' || lpad(i::text, 7, '0'),
            'خدمت آزمایشی صدور، تمدید و اصلاح پروانه‌ها و گواهی‌های تخصصی برای متقاضیان حقیقی و حقوقی شماره ' || i,
            'Test service for issuing, renewing and amending specialised licences and certificates for people '
              || 'and companies, number ' || i,
            (ARRAY['g2c', 'g2b', 'g2g'])[1 + i % 3], DATE '2022-03-21' + (i % 300),
            CASE WHEN i % 2 = 0 THEN DATE '2022-03-21' + (i % 300) END,
            CASE WHEN i % 4 = 0 THEN DATE '2022-03-21' + (i % 300) + 10 END
     FROM generate_series(1, $2::int) AS i`,
    [agencyId, ROWS],
  );
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
}, 300_000);

afterAll(async () => {
  await t?.close();
});

interface Measured {
  status: number;
  bytes: number;
  lines: number;
  growth: number;
  samples: number;
}

/**
 * The memory a download holds: the JavaScript heap and the buffers outside it (bytes waiting in a stream, e.g.
 * XML the zip has not compressed yet), after a full collection, so that only what is still referenced counts.
 */
function held(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** Downloads `path`, counting bytes and CRLFs and discarding the rest, with the memory held sampled throughout. */
async function downloadMeasured(path: string): Promise<Measured> {
  gc();
  const baseline = held();
  let peak = baseline;
  let samples = 0;
  const sample = () => {
    gc();
    peak = Math.max(peak, held());
    samples += 1;
  };
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  try {
    const result = await new Promise<Omit<Measured, 'growth' | 'samples'>>((resolve, reject) => {
      get(`${baseUrl}${path}`, (res) => {
        let bytes = 0;
        let lines = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, lines }));
        res.on('error', reject);
      }).on('error', reject);
    });
    sample();
    return { ...result, growth: peak - baseline, samples };
  } finally {
    clearInterval(timer);
  }
}

describe('exporting an agency with 200,000 services', () => {
  it('as CSV: every row arrives and the memory held (heap and buffers) grows by less than 100 MB', async () => {
    const result = await downloadMeasured(`/api/v1/agencies/${agencyId}/services/export?format=csv`);
    expect(result.status).toBe(200);
    // The header and every service (the agency's demo services too), one CRLF-ended line each.
    expect(result.lines).toBeGreaterThan(ROWS);
    expect(result.bytes).toBeGreaterThan(ROWS * 200);
    expect(result.samples).toBeGreaterThan(3);
    expect(result.growth).toBeLessThan(LIMIT_BYTES);
  }, 300_000);

  it('as XLSX: the same, through the streaming workbook writer', async () => {
    const result = await downloadMeasured(`/api/v1/agencies/${agencyId}/services/export?format=xlsx`);
    expect(result.status).toBe(200);
    expect(result.bytes).toBeGreaterThan(ROWS * 20);
    expect(result.samples).toBeGreaterThan(3);
    expect(result.growth).toBeLessThan(LIMIT_BYTES);
  }, 300_000);
});
