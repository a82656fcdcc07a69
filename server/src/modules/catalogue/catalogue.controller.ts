import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
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
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import { AgencyInvalidIdException } from '../agencies/agencies.exception.js';
import type { Actor } from '../auth/auth-user.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ServiceInvalidIdException } from '../progress/progress.exception.js';
import { CatalogueService } from './catalogue.service.js';
import { CreateServiceDto, InventoryServiceDto, WithdrawServiceDto } from './dto/inventory.dto.js';

function AgencyId(): ParameterDecorator {
  return Param('id', new ParseUUIDPipe({ exceptionFactory: () => new AgencyInvalidIdException() }));
}

function ServiceId(): ParameterDecorator {
  return Param('id', new ParseUUIDPipe({ exceptionFactory: () => new ServiceInvalidIdException() }));
}

@ApiTags('catalogue')
@Controller('v1')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Post('agencies/:id/services')
  @Roles('admin')
  @ApiOperation({
    operationId: 'createAgencyService',
    summary: "Add a service to an agency's inventory of identified services, with no stage reached yet (admin)",
  })
  @ApiCreatedResponse({ type: InventoryServiceDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, AGENCY_INVALID_ID' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'AGENCY_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'SERVICE_CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'SERVICE_DAY_IN_FUTURE (identifiedOn), SYSTEM_NOT_IN_AGENCY',
  })
  createService(
    @AgencyId() agencyId: string,
    @Body() body: CreateServiceDto,
    @CurrentActor() actor: Actor,
  ): Promise<InventoryServiceDto> {
    return this.catalogue.createService(agencyId, body, actor);
  }

  @Post('services/:id/withdrawal')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    operationId: 'withdrawService',
    summary: 'Withdraw a service from its agency’s inventory, with a reason; it takes no further stage (admin)',
  })
  @ApiOkResponse({ type: InventoryServiceDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, SERVICE_INVALID_ID' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SERVICE_NOT_FOUND' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'VERSION_CONFLICT (details.current has the values now), SERVICE_ALREADY_WITHDRAWN',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'SERVICE_DAY_IN_FUTURE (withdrawnOn), WITHDRAWAL_BEFORE_IDENTIFIED',
  })
  withdrawService(
    @ServiceId() id: string,
    @Body() body: WithdrawServiceDto,
    @CurrentActor() actor: Actor,
  ): Promise<InventoryServiceDto> {
    return this.catalogue.withdrawService(id, body, actor);
  }
}
