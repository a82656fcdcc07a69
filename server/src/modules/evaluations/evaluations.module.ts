import { Module } from '@nestjs/common';
import { EvaluationSessionsController } from './evaluation-sessions.controller.js';
import { RoundsController } from './rounds.controller.js';
import { RoundsService } from './rounds.service.js';
import { ScoresController } from './scores.controller.js';
import { ScoresService } from './scores.service.js';
import { SessionsService } from './sessions.service.js';

/** Evaluation rounds and their criteria, sessions with agencies, and agencies' scores with their workflow. */
@Module({
  controllers: [RoundsController, EvaluationSessionsController, ScoresController],
  providers: [RoundsService, SessionsService, ScoresService],
  exports: [ScoresService, SessionsService],
})
export class EvaluationsModule {}
