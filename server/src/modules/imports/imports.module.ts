import { Module } from '@nestjs/common';
import { EvaluationsModule } from '../evaluations/evaluations.module.js';
import { ProgressModule } from '../progress/progress.module.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Module({
  imports: [EvaluationsModule, ProgressModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
