/**
 * Writes the server's OpenAPI document to client/src/api/openapi.json, from which the client's types are
 * generated (`npm run api:types`). Runs Nest in preview mode: no database is needed.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppConfig } from '../src/config/app-config.js';
import { buildOpenApiDocument, createApp } from '../src/create-app.js';
import { createDataSource } from '../src/database/data-source.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '../../../../client/src/api/openapi.json');
const config = new AppConfig({
  port: 0,
  host: '127.0.0.1',
  databaseUrl: undefined,
  dataDir: '',
  seed: 'none',
  nodeEnv: 'test',
  clientDir: '',
  readCacheBytes: 0,
  reportEmbargoHours: 0,
  weeklyReports: 'off',
  rateLimitPerMinute: 600,
});
const app = await createApp(config, createDataSource('postgres://preview@localhost/preview'), { preview: true });
await writeFile(out, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
await app.close();
console.log(`wrote ${out}`);
