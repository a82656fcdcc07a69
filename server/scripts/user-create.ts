/**
 * npm run user:create -- --username U --role admin|evaluator|cabinet [--name "Display name"]
 * The password is read from standard input (one line), never from the command line.
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR: the running server's when one runs there (with
 * the password it keeps in DATA_DIR), else one it starts and stops.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { createDataSource } from '../src/database/data-source.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { USER_ROLES, type UserRole } from '../src/modules/users/app-user.entity.js';
import { hashPassword } from '../src/modules/users/password.js';

function fail(message: string): never {
  console.error(`user:create: ${message}`);
  process.exit(1);
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) return line;
  return '';
}

const { values } = parseArgs({
  options: { username: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
});
const username = (values.username ?? '').trim().toLowerCase();
if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(username)) fail('--username: 3 to 64 characters of a-z, 0-9, ".", "_" or "-"');
if (!USER_ROLES.includes(values.role as UserRole)) fail(`--role must be one of ${USER_ROLES.join(', ')}`);
const password = await readPassword();
if (password.length < 12) fail('the password (from standard input) must have at least 12 characters');

let config;
try {
  config = loadConfig(process.env, { clientDir: '' });
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
const embedded = config.databaseUrl
  ? undefined
  : await startEmbeddedPostgres({ dataDir: config.dataDir, ifInUse: 'attach' }).catch((error: unknown) =>
      fail(error instanceof Error ? error.message : String(error)),
    );
const dataSource = createDataSource(config.databaseUrl ?? embedded!.url);
try {
  await dataSource.initialize();
  await dataSource.runMigrations();
  const hash = await hashPassword(password);
  await dataSource.transaction(async (manager) => {
    const taken = await manager.query<unknown[]>(`SELECT 1 FROM app_user WHERE username = $1`, [username]);
    if (taken.length > 0) fail(`the username "${username}" is taken`);
    const [user] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO app_user (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
      [username, values.name ?? username, values.role, hash],
    );
    await new AuditService().record(manager, {
      actor: undefined,
      action: 'create_user',
      entityType: 'app_user',
      entityId: user!.id,
      after: { username, role: values.role, displayName: values.name ?? username },
      reason: 'npm run user:create',
    });
  });
  console.log(`created ${values.role} "${username}"`);
} finally {
  await dataSource.destroy().catch(() => undefined);
  await embedded?.stop();
}
