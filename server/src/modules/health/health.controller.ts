import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { APP_VERSION } from '../../config/version.js';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['ok', 'unreachable'] }) database: 'ok' | 'unreachable';
  @ApiProperty() version: string;
  @ApiProperty() uptimeSeconds: number;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Up only when the database answers. */
  @Get()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const database = await this.dataSource.query('SELECT 1').then(
      () => 'ok' as const,
      () => 'unreachable' as const,
    );
    void reply.header('cache-control', 'no-store');
    if (database !== 'ok') void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: database === 'ok' ? 'ok' : 'error',
      database,
      version: APP_VERSION,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
