import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import { USER_ROLES } from '../users/app-user.entity.js';
import type { AuthUser } from './auth-user.js';
import { CurrentUser, Roles, SameSiteOnly, type AuthenticatedRequest } from './auth.decorators.js';
import { SESSION_COOKIE, SIGNED_IN_HINT_COOKIE, sessionToken } from './auth.guard.js';
import { AuthService, SESSION_HOURS } from './auth.service.js';
import { MeDto, SignInDto, SignInResponseDto } from './dto/sign-in.dto.js';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @SameSiteOnly()
  @RouteConfig({ rateLimit: { max: 10, timeWindow: 60_000, hook: 'preHandler' } }) // after parsing: keyed by username too
  @ApiOperation({
    operationId: 'signIn',
    summary: 'Sign in (10 attempts a minute per address and username; 10 failures per username in 15 minutes)',
  })
  @ApiOkResponse({ type: SignInResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  async signIn(
    @Body() body: SignInDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponseDto> {
    const { token, expiresAt, user } = await this.auth.signIn(body.username, body.password, String(request.id));
    void reply.header('cache-control', 'no-store');
    if (body.mode === 'token') return { user, expiresAt: expiresAt.toISOString(), token };
    const cookie = {
      sameSite: 'strict',
      secure: request.protocol === 'https',
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    } as const;
    void reply.setCookie(SESSION_COOKIE, token, { ...cookie, httpOnly: true });
    void reply.setCookie(SIGNED_IN_HINT_COOKIE, '1', { ...cookie, httpOnly: false });
    return { user, expiresAt: expiresAt.toISOString() };
  }

  @Post('logout')
  @HttpCode(204)
  @SameSiteOnly()
  @Roles(...USER_ROLES)
  @ApiOperation({ operationId: 'signOut', summary: 'Sign out: the session ends on the server' })
  @ApiNoContentResponse({ description: 'Signed out; the session cookies are cleared' })
  async signOut(
    @Req() request: AuthenticatedRequest,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const found = sessionToken(request);
    if (found) await this.auth.signOut(found.token, user, String(request.id));
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    void reply.clearCookie(SIGNED_IN_HINT_COOKIE, { path: '/' });
  }

  @Get('me')
  @Roles(...USER_ROLES)
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in user' })
  @ApiOkResponse({ type: MeDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  me(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): MeDto {
    void reply.header('cache-control', 'no-store');
    return user;
  }
}
