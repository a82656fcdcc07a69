import { PublicRead } from '../../common/cache/read-cache.js';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser, Roles } from '../auth/auth.decorators.js';
import {
  CreateSessionDto,
  CreateSessionResponseDto,
  ListSessionsQuery,
  SessionDto,
  SessionListDto,
  UpdateSessionDto,
} from './dto/session.dto.js';
import { SessionInvalidIdException } from './evaluations.exception.js';
import { privateWhenSignedIn } from '../auth/private-when-signed-in.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('evaluations')
@Controller('v1/evaluation-sessions')
export class EvaluationSessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  @PublicRead()
  @ApiOperation({
    operationId: 'listEvaluationSessions',
    summary: 'Evaluation sessions, newest first; internal notes and evaluators for signed-in users only',
  })
  @ApiOkResponse({ type: SessionListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  list(
    @Query() query: ListSessionsQuery,
    @CurrentUser() user: AuthUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionListDto> {
    privateWhenSignedIn(reply, user);
    return this.sessions.list(query, user);
  }

  @Post()
  @Roles('evaluator', 'admin')
  @ApiOperation({
    operationId: 'createEvaluationSession',
    summary: 'Record a session and, optionally, the agency’s criterion scores as a draft (evaluator, admin)',
  })
  @ApiCreatedResponse({ type: CreateSessionResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN (role) or ROUND_CLOSED' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'SCORE_NOT_EDITABLE or SCORE_ALREADY_EXISTS' })
  create(@Body() body: CreateSessionDto, @CurrentActor() actor: Actor): Promise<CreateSessionResponseDto> {
    return this.sessions.create(body, actor);
  }

  @Patch(':id')
  @Roles('evaluator', 'admin')
  @ApiOperation({
    operationId: 'updateEvaluationSession',
    summary: 'Change a session at the version read; 409 if someone changed it since (evaluator, admin)',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT, with the current values' })
  update(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new SessionInvalidIdException() })) id: string,
    @Body() body: UpdateSessionDto,
    @CurrentActor() actor: Actor,
  ): Promise<SessionDto> {
    return this.sessions.update(id, body, actor);
  }
}
