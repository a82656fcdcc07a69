/**
 * The DataSource for the TypeORM CLI (`npm run migration:generate|run|revert`). It uses `DATABASE_URL`, or
 * uses the embedded PostgreSQL under `DATA_DIR`: the running server's when one runs there, else one it starts
 * and stops again when the CLI closes the DataSource.
 */
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

const config = loadConfig(process.env, { clientDir: '' });
const embedded = config.databaseUrl
  ? undefined
  : await startEmbeddedPostgres({ dataDir: config.dataDir, ifInUse: 'attach' });
const dataSource = createDataSource(config.databaseUrl ?? embedded!.url);
if (embedded) {
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await destroy();
    await embedded.stop();
  };
}

export default dataSource;
