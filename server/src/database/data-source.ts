import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';
import { routePublicReads } from '../common/db/replica-reads.js';
import { SafeQueryLogger } from '../common/db/safe-query-logger.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * The one description of the database, used by the app, the TypeORM CLI and the tests. With `replicaUrls`
 * (`DATABASE_REPLICA_URLS`), TypeORM's replication: one pool per replica beside the primary's. Everything runs on
 * the primary (`defaultMode: 'master'`: writes, staff reads, transactions, migrations) except the anonymous
 * public reads that common/db/replica-reads.ts hands a replica it has checked is up to date. `url` stays the
 * primary's: the LISTEN connection (DataVersion) is opened from it.
 */
export function dataSourceOptions(url: string, replicaUrls: readonly string[] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    ...(replicaUrls.length > 0 && {
      replication: { master: { url }, slaves: replicaUrls.map((replica) => ({ url: replica })), defaultMode: 'master' },
    }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: 'e-services-monitor',
    // Failed statements with their error codes, never their parameters (notes, names): see SafeQueryLogger.
    logging: ['error'],
    logger: new SafeQueryLogger(),
    extra: { max: 10 },
  };
}

export function createDataSource(url: string, replicaUrls: readonly string[] = []): DataSource {
  const dataSource = new DataSource(dataSourceOptions(url, replicaUrls));
  if (replicaUrls.length > 0) routePublicReads(dataSource);
  return dataSource;
}
