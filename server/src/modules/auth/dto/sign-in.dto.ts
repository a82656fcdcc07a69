import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { USER_ROLES, type UserRole } from '../../users/app-user.entity.js';

export class SignInDto {
  @ApiProperty({ example: 'evaluator' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;

  @ApiPropertyOptional({
    enum: ['cookie', 'token'],
    default: 'cookie',
    description:
      '`cookie`: an httpOnly session cookie (browsers); `token`: the token in the body, for `Authorization: Bearer`.',
  })
  @IsOptional()
  @IsIn(['cookie', 'token'])
  mode?: 'cookie' | 'token';
}

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
}

export class SignInResponseDto {
  @ApiProperty({ type: MeDto }) user: MeDto;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiPropertyOptional({ description: 'Only with mode=token.' }) token?: string;
}
