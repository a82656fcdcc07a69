import { PublicRead } from '../../common/cache/read-cache.js';
import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
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
import { VersionDto } from './dto/round.dto.js';
import { ListScoresQuery, ScoreDto, ScoreListDto, UpdateScoreDto } from './dto/score.dto.js';
import { ScoreInvalidIdException } from './evaluations.exception.js';
import { privateWhenSignedIn } from '../auth/private-when-signed-in.js';
import { ScoresService } from './scores.service.js';

const ScoreId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => new ScoreInvalidIdException() }));

/** The answers of every score write. */
const ScoreWriteResponses = () =>
  applyDecorators(
    ApiOkResponse({ type: ScoreDto }),
    ApiBadRequestResponse({ type: ErrorResponseDto }),
    ApiUnauthorizedResponse({ type: ErrorResponseDto }),
    ApiForbiddenResponse({
      type: ErrorResponseDto,
      description: 'FORBIDDEN (role), ROUND_CLOSED or SAME_REVIEWER',
    }),
    ApiNotFoundResponse({ type: ErrorResponseDto }),
    ApiConflictResponse({
      type: ErrorResponseDto,
      description: 'VERSION_CONFLICT (with details.current), INVALID_SCORE_TRANSITION or SCORE_NOT_EDITABLE',
    }),
  );

@ApiTags('evaluations')
@Controller('v1/scores')
export class ScoresController {
  constructor(private readonly scores: ScoresService) {}

  @Get()
  @PublicRead()
  @ApiOperation({
    operationId: 'listScores',
    summary: 'Agencies’ scores by round; the public sees final scores only, signed-in users every status',
  })
  @ApiOkResponse({ type: ScoreListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  list(
    @Query() query: ListScoresQuery,
    @CurrentUser() user: AuthUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScoreListDto> {
    privateWhenSignedIn(reply, user);
    return this.scores.list(query, user);
  }

  @Get(':id')
  @PublicRead()
  @ApiOperation({ operationId: 'getScore', summary: 'One score; for the public only if it is final (else 404)' })
  @ApiOkResponse({ type: ScoreDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(
    @ScoreId() id: string,
    @CurrentUser() user: AuthUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScoreDto> {
    privateWhenSignedIn(reply, user);
    return this.scores.findOne(id, user);
  }

  @Patch(':id')
  @Roles('evaluator', 'admin')
  @ApiOperation({
    operationId: 'updateScore',
    summary:
      'New criterion values at the version read: a draft/submitted score goes (back) to draft; a closed round’s or a reviewed/final score only by an admin’s correction with a reason (evaluator, admin)',
  })
  @ScoreWriteResponses()
  update(@ScoreId() id: string, @Body() body: UpdateScoreDto, @CurrentActor() actor: Actor): Promise<ScoreDto> {
    return this.scores.update(id, body, actor);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('evaluator', 'admin')
  @ApiOperation({ operationId: 'submitScore', summary: 'draft → submitted (evaluator, admin)' })
  @ScoreWriteResponses()
  submit(@ScoreId() id: string, @Body() body: VersionDto, @CurrentActor() actor: Actor): Promise<ScoreDto> {
    return this.scores.transition(id, 'submit', body.version, actor);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Roles('evaluator', 'admin')
  @ApiOperation({
    operationId: 'reviewScore',
    summary: 'submitted → reviewed, by someone other than the submitter (evaluator, admin)',
  })
  @ScoreWriteResponses()
  review(@ScoreId() id: string, @Body() body: VersionDto, @CurrentActor() actor: Actor): Promise<ScoreDto> {
    return this.scores.transition(id, 'review', body.version, actor);
  }

  @Post(':id/finalise')
  @HttpCode(200)
  @Roles('evaluator', 'admin')
  @ApiOperation({
    operationId: 'finaliseScore',
    summary: 'reviewed → final: the score becomes public and ranked (evaluator, admin)',
  })
  @ScoreWriteResponses()
  finalise(@ScoreId() id: string, @Body() body: VersionDto, @CurrentActor() actor: Actor): Promise<ScoreDto> {
    return this.scores.transition(id, 'finalise', body.version, actor);
  }
}
