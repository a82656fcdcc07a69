import { Module, type DynamicModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DataVersion } from './common/db/data-version.js';
import { DbModule } from './common/db/db.module.js';
import { AppConfig } from './config/app-config.js';
import { AgenciesModule } from './modules/agencies/agencies.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { BackupsModule } from './modules/backups/backups.module.js';
import { CatalogueModule } from './modules/catalogue/catalogue.module.js';
import { ComplianceModule } from './modules/compliance/compliance.module.js';
import { EvaluationsModule } from './modules/evaluations/evaluations.module.js';
import { ExportsModule } from './modules/exports/exports.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { ProgressModule } from './modules/progress/progress.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { MetaModule } from './modules/meta/meta.module.js';
import { MilestonesModule } from './modules/milestones/milestones.module.js';
import { OpenDataModule } from './modules/open-data/open-data.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { ResponsesModule } from './modules/responses/responses.module.js';

/** The configuration is global: any provider can inject `AppConfig`. */
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}

@Module({})
export class AppModule {
  /** The DataSource is opened (migrated, seeded) before Nest starts; Nest shares it and closes it on shutdown. */
  static forRoot(config: AppConfig, dataSource: DataSource, dataVersion: DataVersion): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: () => Promise.resolve(dataSource),
        }),
        DbModule.forRoot(dataVersion),
        ScheduleModule.forRoot(),
        AuditModule,
        AuthModule,
        HealthModule,
        MetaModule,
        AgenciesModule,
        CatalogueModule,
        MilestonesModule,
        ComplianceModule,
        EvaluationsModule,
        ProgressModule,
        ImportsModule,
        ReportsModule,
        ResponsesModule,
        ExportsModule,
        OpenDataModule,
        BackupsModule,
      ],
    };
  }
}
