import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor, Public } from '../scope/scope.decorators.js';
import { AuthPayload } from './auth-payload.model.js';
import { LoginInput, RegisterResidentInput } from './auth.input.js';
import { AuthService } from './auth.service.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: '登录 with phone and password' })
  login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    return this.auth.login(input);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchange a refresh token for a new pair; each refresh token works once' })
  refreshToken(@Args('token') token: string): Promise<AuthPayload> {
    return this.auth.refresh(token);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: '居民注册 in a grid' })
  registerResident(@Args('input') input: RegisterResidentInput): Promise<AuthPayload> {
    return this.auth.registerResident(input);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Boolean, { description: 'Revoke the session that `refreshToken` belongs to' })
  logout(@CurrentActor() actor: Actor, @Args('refreshToken') refreshToken: string): Promise<boolean> {
    return this.auth.logout(actor, refreshToken);
  }
}
