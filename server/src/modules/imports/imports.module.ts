import { Module } from '@nestjs/common';
import { EvaluationsModule } from '../evaluations/evaluations.module.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Module({
  imports: [EvaluationsModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
