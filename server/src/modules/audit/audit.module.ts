import { Global, Module } from '@nestjs/common';
import { AuditQueryService } from './audit-query.service.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

/** Global: every feature that writes records its writes through AuditService; AuditQueryService reads the trail. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditQueryService],
  exports: [AuditService],
})
export class AuditModule {}
