import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../../src/config/app-config.js';

export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return new AppConfig({
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    dataDir: mkdtempSync(join(tmpdir(), 'monitor-test-data-')),
    seed: 'demo',
    nodeEnv: 'test',
    clientDir: join(tmpdir(), 'monitor-no-client'),
    readCacheBytes: 16 * 1024 * 1024,
    reportEmbargoHours: 0,
    weeklyReports: 'on',
    // Off: a test file makes far more than a newsroom's requests a minute; public-api.e2e-spec turns it on.
    rateLimitPerMinute: 0,
    ...overrides,
  });
}
