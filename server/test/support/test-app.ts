import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config.js';
import { createApp } from '../../src/create-app.js';
import type { DemoCredential } from '../../src/database/seed/demo-seed.js';
import { openDatabase } from '../../src/database/open-database.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { testConfig } from './test-config.js';

/** The real application on its own database with the demo data, driven through Fastify's inject (no port). */
export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  sql: DataSource;
  config: AppConfig;
  credentials: DemoCredential[];
  /** A session cookie header value for the demo account of this username or role; one sign-in per account. */
  signIn(who: string): Promise<string>;
  request(options: {
    method: string;
    url: string;
    cookie?: string;
    payload?: unknown;
    headers?: Record<string, string>;
  }): Promise<{
    status: number;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any JSON body; tests assert its shape
    body: any;
    headers: Record<string, unknown>;
  }>;
  close(): Promise<void>;
}

/** Requests to an application through Fastify's inject (no port), with the JSON body parsed when there is one. */
export function requester(app: NestFastifyApplication): TestApp['request'] {
  return async ({ method, url, cookie, payload, headers }) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      payload: payload as string | object | undefined,
      headers: { host: 'localhost', ...(cookie ? { cookie } : {}), ...headers },
    });
    const type = String(res.headers['content-type'] ?? '');
    return {
      status: res.statusCode,
      body: type.includes('json') && res.body !== '' ? res.json() : res.body,
      headers: res.headers,
    };
  };
}

export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, overrides);
  const opened = await openDatabase(config, () => undefined);
  const app = await createApp(config, opened.dataSource);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const credentials = opened.demoCredentials ?? [];
  const cookies = new Map<string, string>();
  const request = requester(app);
  return {
    app,
    db,
    sql: opened.dataSource,
    config,
    credentials,
    request,
    async signIn(who) {
      const cached = cookies.get(who);
      if (cached) return cached;
      const account = credentials.find((c) => c.username === who) ?? credentials.find((c) => c.role === who);
      if (!account) throw new Error(`no demo account ${who}`);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: account.username, password: account.password },
      });
      if (res.statusCode !== 200) throw new Error(`sign-in as ${who} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'monitor_session');
      cookies.set(who, `monitor_session=${cookie!.value}`);
      return cookies.get(who)!;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
