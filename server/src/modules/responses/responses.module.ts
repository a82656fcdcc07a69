import { Module } from '@nestjs/common';
import { ResponsesController } from './responses.controller.js';
import { ResponsesService } from './responses.service.js';

/**
 * The right of reply (`agency_response`, جوابیه): an agency's official reply to what was published about it (the
 * agency itself, a weekly report revision or a score), from the request to publication; admin writes, each audited;
 * public reads of published replies and unanswered requests. AuditService and Transactions come from their global
 * modules.
 */
@Module({
  controllers: [ResponsesController],
  providers: [ResponsesService],
  exports: [ResponsesService],
})
export class ResponsesModule {}
