import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Person } from '../people/person.model.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor, Public } from '../scope/scope.decorators.js';
import { AuthPayload } from './auth-payload.model.js';
import {
  ChangePasswordInput,
  LoginInput,
  RegisterResidentInPersonInput,
  RegisterResidentInput,
  RequestPhoneCodeInput,
  SetPasswordWithCodeInput,
} from './auth.input.js';
import { AuthService } from './auth.service.js';
import { Client } from './session.decorator.js';
import type { ClientInfo } from './session.decorator.js';
import { Session, SessionConnection } from './session.model.js';
import { Connection, PageArgs } from '../common/graphql/connection.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: '登录 with phone and password' })
  login(@Args('input') input: LoginInput, @Client() client: ClientInfo): Promise<AuthPayload> {
    return this.auth.login(input, client);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Exchange a refresh token for a new pair; each refresh token works once' })
  refreshToken(@Args('token') token: string): Promise<AuthPayload> {
    return this.auth.refresh(token);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: '居民注册 in a grid; with PHONE_VERIFICATION on, `code` from requestPhoneCode(purpose: REGISTER) is required' })
  registerResident(@Args('input') input: RegisterResidentInput, @Client() client: ClientInfo): Promise<AuthPayload> {
    return this.auth.registerResident(input, client);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: '发送短信验证码: always true (the same answer whether or not the phone is registered); throttled per phone and per address',
  })
  requestPhoneCode(@Args('input') input: RequestPhoneCodeInput, @Client() client: ClientInfo): Promise<boolean> {
    return this.auth.requestPhoneCode(input, client);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: '凭验证码设置密码: the first password after 代办注册, or a forgotten one; ends every other session' })
  setPasswordWithCode(@Args('input') input: SetPasswordWithCodeInput, @Client() client: ClientInfo): Promise<AuthPayload> {
    return this.auth.setPasswordWithCode(input, client);
  }

  @Authorize(Permission.RESIDENT_REGISTER_IN_PERSON)
  @Mutation(() => Person, {
    description: '代办注册: staff register a resident in person in a grid of their scope; the resident then sets a password by SMS code',
  })
  registerResidentInPerson(@CurrentActor() actor: Actor, @Args('input') input: RegisterResidentInPersonInput): Promise<Person> {
    return this.auth.registerInPerson(actor, input);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Boolean, { description: "End this session (the access token's) and the one `refreshToken` belongs to; open subscriptions close" })
  logout(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('refreshToken', { type: () => String, nullable: true }) refreshToken?: string | null,
  ): Promise<boolean> {
    return this.auth.logout(actor, refreshToken, client.sessionId);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Int, { description: 'End every session of mine, on every device; answers how many were live' })
  logoutEverywhere(@CurrentActor() actor: Actor): Promise<number> {
    return this.auth.logoutEverywhere(actor);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Boolean, { description: 'End one of my sessions (see mySessions)' })
  revokeSession(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.auth.revokeSession(actor, id);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => AuthPayload, { description: '修改密码: ends every session (this one too) and returns a new one' })
  changePassword(@CurrentActor() actor: Actor, @Args('input') input: ChangePasswordInput, @Client() client: ClientInfo): Promise<AuthPayload> {
    return this.auth.changePassword(actor, input.currentPassword, input.newPassword, client);
  }

  @Authorize(Permission.SELF)
  @Query(() => SessionConnection, { description: 'My live sessions, newest first' })
  mySessions(@CurrentActor() actor: Actor, @Args() page: PageArgs, @Client() client: ClientInfo): Promise<Connection<Session>> {
    return this.auth.mySessions(actor, client.sessionId, page);
  }
}
