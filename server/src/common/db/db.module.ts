import { Global, Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DataVersion } from './data-version.js';
import { ReplicaReads } from './replica-reads.js';
import { Transactions } from './transactions.js';

/**
 * Global: every feature writes through `Transactions`; the read cache and `Transactions` share the `DataVersion`,
 * through which the read cache also finds the read replicas (`ReplicaReads`, made here where the DataSource is).
 */
@Global()
@Module({})
export class DbModule {
  static forRoot(dataVersion: DataVersion): DynamicModule {
    return {
      module: DbModule,
      providers: [
        { provide: DataVersion, useValue: dataVersion },
        Transactions,
        {
          provide: ReplicaReads,
          useFactory: (dataSource: DataSource) => ReplicaReads.attach(dataSource, dataVersion),
          inject: [getDataSourceToken()],
        },
      ],
      exports: [DataVersion, Transactions, ReplicaReads],
    };
  }
}
