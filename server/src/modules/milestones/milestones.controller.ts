import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
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
import { PublicRead } from '../../common/cache/read-cache.js';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import type { Actor } from '../auth/auth-user.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { CreateCycleDto, CycleDto, CycleListDto, UpdateCycleDto } from './dto/cycle.dto.js';
import { CreateMilestoneDto, MilestoneDto, UpdateMilestoneDto } from './dto/milestone.dto.js';
import { CycleInvalidIdException, MilestoneInvalidIdException } from './milestones.exception.js';
import { MilestonesService } from './milestones.service.js';

function CycleId(): ParameterDecorator {
  return Param('id', new ParseUUIDPipe({ exceptionFactory: () => new CycleInvalidIdException() }));
}

function MilestoneId(): ParameterDecorator {
  return Param('id', new ParseUUIDPipe({ exceptionFactory: () => new MilestoneInvalidIdException() }));
}

@ApiTags('milestones')
@Controller('v1')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get('cycles')
  @PublicRead()
  @ApiOperation({ operationId: 'listCycles', summary: 'Programme cycles with their milestones, the earliest first' })
  @ApiOkResponse({ type: CycleListDto })
  list(): Promise<CycleListDto> {
    return this.milestones.list();
  }

  @Get('cycles/:id')
  @PublicRead()
  @ApiOperation({ operationId: 'getCycle', summary: 'One programme cycle with its milestones' })
  @ApiOkResponse({ type: CycleDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'CYCLE_INVALID_ID' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CYCLE_NOT_FOUND' })
  get(@CycleId() id: string): Promise<CycleDto> {
    return this.milestones.findCycle(id);
  }

  @Post('cycles')
  @Roles('admin')
  @ApiOperation({
    operationId: 'createCycle',
    summary: 'Add a programme cycle; its days may not overlap another cycle (admin)',
  })
  @ApiCreatedResponse({ type: CycleDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, CYCLE_DATES_INVALID' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'CYCLE_CODE_TAKEN, or CYCLE_OVERLAP (details.cycle: the other cycle)',
  })
  createCycle(@Body() body: CreateCycleDto, @CurrentActor() actor: Actor): Promise<CycleDto> {
    return this.milestones.createCycle(body, actor);
  }

  @Patch('cycles/:id')
  @Roles('admin')
  @ApiOperation({ operationId: 'updateCycle', summary: "Change a cycle's titles or days at the version read (admin)" })
  @ApiOkResponse({ type: CycleDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, CYCLE_DATES_INVALID, CYCLE_INVALID_ID',
  })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CYCLE_NOT_FOUND' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'VERSION_CONFLICT (details.current has the values now), or CYCLE_OVERLAP',
  })
  updateCycle(@CycleId() id: string, @Body() body: UpdateCycleDto, @CurrentActor() actor: Actor): Promise<CycleDto> {
    return this.milestones.updateCycle(id, body, actor);
  }

  @Post('cycles/:id/milestones')
  @Roles('admin')
  @ApiOperation({
    operationId: 'createMilestone',
    summary: 'Add a milestone (a deadline and its rule) to a cycle (admin)',
  })
  @ApiCreatedResponse({ type: MilestoneDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, MILESTONE_SHARE_INVALID, CYCLE_INVALID_ID',
  })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CYCLE_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'MILESTONE_CODE_TAKEN' })
  createMilestone(
    @CycleId() cycleId: string,
    @Body() body: CreateMilestoneDto,
    @CurrentActor() actor: Actor,
  ): Promise<MilestoneDto> {
    return this.milestones.createMilestone(cycleId, body, actor);
  }

  @Patch('milestones/:id')
  @Roles('admin')
  @ApiOperation({
    operationId: 'updateMilestone',
    summary: "Change a milestone's titles, share, due day, at-risk window or order at the version read (admin)",
  })
  @ApiOkResponse({ type: MilestoneDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, MILESTONE_SHARE_INVALID, MILESTONE_INVALID_ID',
  })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'MILESTONE_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT: details.current has the values now.' })
  updateMilestone(
    @MilestoneId() id: string,
    @Body() body: UpdateMilestoneDto,
    @CurrentActor() actor: Actor,
  ): Promise<MilestoneDto> {
    return this.milestones.updateMilestone(id, body, actor);
  }
}
