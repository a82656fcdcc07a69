import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataVersion } from './data-version.js';
import { Transactions } from './transactions.js';

/** Global: every feature writes through `Transactions`; the read cache and `Transactions` share the `DataVersion`. */
@Global()
@Module({})
export class DbModule {
  static forRoot(dataVersion: DataVersion): DynamicModule {
    return {
      module: DbModule,
      providers: [{ provide: DataVersion, useValue: dataVersion }, Transactions],
      exports: [DataVersion, Transactions],
    };
  }
}
