import { PublicRead } from '../../common/cache/read-cache.js';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
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
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import type { Actor } from '../auth/auth-user.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { CreateRoundDto, RoundDto, RoundListDto, VersionDto } from './dto/round.dto.js';
import { RoundInvalidIdException } from './evaluations.exception.js';
import { RoundsService } from './rounds.service.js';

const RoundId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => new RoundInvalidIdException() }));

@ApiTags('evaluations')
@Controller('v1/rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Get()
  @PublicRead()
  @ApiOperation({ operationId: 'listRounds', summary: 'Evaluation rounds with their criteria, newest first (public)' })
  @ApiOkResponse({ type: RoundListDto })
  list(): Promise<RoundListDto> {
    return this.rounds.list();
  }

  @Get(':id')
  @PublicRead()
  @ApiOperation({ operationId: 'getRound', summary: 'One evaluation round with its criteria (public)' })
  @ApiOkResponse({ type: RoundDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@RoundId() id: string): Promise<RoundDto> {
    return this.rounds.findOne(id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    operationId: 'createRound',
    summary: 'Open a new evaluation round with its criteria set; weights add up to exactly 100 (admin)',
  })
  @ApiCreatedResponse({ type: RoundDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  create(@Body() body: CreateRoundDto, @CurrentActor() actor: Actor): Promise<RoundDto> {
    return this.rounds.create(body, actor);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ operationId: 'closeRound', summary: 'Close a round: its scores are frozen (admin)' })
  @ApiOkResponse({ type: RoundDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT or ROUND_ALREADY_CLOSED' })
  close(@RoundId() id: string, @Body() body: VersionDto, @CurrentActor() actor: Actor): Promise<RoundDto> {
    return this.rounds.close(id, body.version, actor);
  }
}
