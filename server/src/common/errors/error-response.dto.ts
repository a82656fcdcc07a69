import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

export class LocalizedTextDto {
  @ApiProperty({ example: 'درخواست نامعتبر است.' }) fa: string;
  @ApiProperty({ example: 'The request is not valid.' }) en: string;
}

/** One problem with one field of a refused request (`VALIDATION_FAILED` and the per-field domain errors). */
export class FieldProblemDto {
  @ApiProperty({
    description: 'The field as sent; nested fields by their path, e.g. `scores.0.value`',
    example: 'pageSize',
  })
  field: string;

  @ApiProperty({ description: 'What is wrong, in Persian (without the field name)', example: 'باید عدد صحیح باشد' })
  fa: string;

  @ApiProperty({ description: 'What is wrong, in English', example: 'pageSize must be an integer number' })
  en: string;
}

@ApiExtraModels(FieldProblemDto)
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ description: 'Stable machine-readable code, e.g. AGENCY_NOT_FOUND', example: 'VALIDATION_FAILED' })
  error: string;
  @ApiProperty({ type: LocalizedTextDto }) message: LocalizedTextDto;
  @ApiPropertyOptional({
    description:
      'Validation errors: one problem per field, `[{field, fa, en}]`. A 409 `VERSION_CONFLICT`: `{current}`, the ' +
      'record as it is now. Some other errors: an object saying more (e.g. `{reason}`).',
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldProblemDto) } },
      { type: 'object', additionalProperties: true },
    ],
    example: [{ field: 'pageSize', fa: 'باید عدد صحیح باشد', en: 'pageSize must be an integer number' }],
  })
  details?: FieldProblemDto[] | Record<string, unknown>;
  @ApiPropertyOptional({ description: 'The id of the request, also in the `x-request-id` header', example: 'req-1' })
  requestId?: string;
}
