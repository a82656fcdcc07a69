import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_VERSION } from '../../config/version.js';
import type { HealthDto } from './dto/health.dto.js';
import { pingDatabase } from './health.queries.js';

@Injectable()
export class HealthService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up only when the database answers. */
  async check(): Promise<HealthDto> {
    const database = (await pingDatabase(this.dataSource.manager)) ? 'ok' : 'unreachable';
    return {
      status: database === 'ok' ? 'ok' : 'error',
      database,
      version: APP_VERSION,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
