import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppConfig } from '../src/config/app-config.js';
import { buildOpenApiDocument, createApp } from '../src/create-app.js';
import { createDataSource } from '../src/database/data-source.js';

const committed = join(dirname(fileURLToPath(import.meta.url)), '../../client/src/api/openapi.json');

describe("the client's API types", () => {
  it('come from the current server: client/src/api/openapi.json matches (run `npm run api:types` after changing the API)', async () => {
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
    try {
      expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(
        JSON.parse(JSON.stringify(buildOpenApiDocument(app))),
      );
    } finally {
      await app.close();
    }
  });
});
