import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { SignInThrottle } from './sign-in-throttle.js';

@Module({
  controllers: [AuthController],
  providers: [
    AuthService,
    // One count per application (a factory, so two applications in one process do not share it).
    { provide: SignInThrottle, useFactory: () => new SignInThrottle() },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
