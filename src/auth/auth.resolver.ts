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
  @Mutation(() => AuthPayload, { description: '登录 log in with phone and password (no login needed)' })
  login(@Args('input', { description: '手机号和密码' }) input: LoginInput, @Client() client: ClientInfo): Promise<AuthPayload> {
    return this.auth.login(input, client);
  }

  @Public()
  @Mutation(() => AuthPayload, { description: '刷新令牌 exchange a refresh token for a new pair; each refresh token works once' })
  refreshToken(@Args('token', { description: '刷新令牌 the refreshToken of an earlier AuthPayload' }) token: string): Promise<AuthPayload> {
    return this.auth.refresh(token);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: '居民注册 register as a resident in a grid; with PHONE_VERIFICATION on, `code` from requestPhoneCode(purpose: REGISTER) is required',
  })
  registerResident(@Args('input', { description: '注册内容' }) input: RegisterResidentInput, @Client() client: ClientInfo): Promise<AuthPayload> {
    return this.auth.registerResident(input, client);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      '发送短信验证码 request an SMS code: always true (the same answer whether or not the phone is registered); throttled per phone and per address',
  })
  requestPhoneCode(@Args('input', { description: '手机号和用途' }) input: RequestPhoneCodeInput, @Client() client: ClientInfo): Promise<boolean> {
    return this.auth.requestPhoneCode(input, client);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: '凭验证码设置密码 set the password with an SMS code: the first password after 代办注册, or a forgotten one; ends every other session',
  })
  setPasswordWithCode(
    @Args('input', { description: '手机号、验证码和新密码' }) input: SetPasswordWithCodeInput,
    @Client() client: ClientInfo,
  ): Promise<AuthPayload> {
    return this.auth.setPasswordWithCode(input, client);
  }

  @Authorize(Permission.RESIDENT_REGISTER_IN_PERSON)
  @Mutation(() => Person, {
    description:
      '代办注册 register a resident in person: staff register a resident in person in a grid of their scope; the resident then sets a password by SMS code',
  })
  registerResidentInPerson(@CurrentActor() actor: Actor, @Args('input', { description: '居民信息' }) input: RegisterResidentInPersonInput): Promise<Person> {
    return this.auth.registerInPerson(actor, input);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Boolean, {
    description: "退出登录 log out: end this session (the access token's) and the one `refreshToken` belongs to; open subscriptions close",
  })
  logout(
    @CurrentActor() actor: Actor,
    @Client() client: ClientInfo,
    @Args('refreshToken', { type: () => String, nullable: true, description: '刷新令牌 the refresh token to end as well; null = only this session' })
    refreshToken?: string | null,
  ): Promise<boolean> {
    return this.auth.logout(actor, refreshToken, client.sessionId);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Int, { description: '全部退出 end every session of mine, on every device; answers how many were live' })
  logoutEverywhere(@CurrentActor() actor: Actor): Promise<number> {
    return this.auth.logoutEverywhere(actor);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => Boolean, { description: '结束会话 end one of my sessions (see mySessions)' })
  revokeSession(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '会话 ID' }) id: string): Promise<boolean> {
    return this.auth.revokeSession(actor, id);
  }

  @Authorize(Permission.SELF)
  @Mutation(() => AuthPayload, { description: '修改密码 change my password: ends every session (this one too) and returns a new one' })
  changePassword(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '当前密码和新密码' }) input: ChangePasswordInput,
    @Client() client: ClientInfo,
  ): Promise<AuthPayload> {
    return this.auth.changePassword(actor, input.currentPassword, input.newPassword, client);
  }

  @Authorize(Permission.SELF)
  @Query(() => SessionConnection, { description: '我的登录会话 my live sessions：未结束的会话，最新在前（分页）；current 标出本次请求所用的会话' })
  mySessions(@CurrentActor() actor: Actor, @Args() page: PageArgs, @Client() client: ClientInfo): Promise<Connection<Session>> {
    return this.auth.mySessions(actor, client.sessionId, page);
  }
}
