import { defineErrors, ErrorCode } from '../common/errors.js';

/** Why a session ended (auth_sessions.revoked_reason): the one list of these words. */
export enum SessionEndReason {
  /** A used refresh token came back (stolen?): its whole session ends. */
  RefreshReused = 'REFRESH_REUSED',
  Logout = 'LOGOUT',
  LogoutEverywhere = 'LOGOUT_EVERYWHERE',
  RevokedByUser = 'REVOKED_BY_USER',
  PasswordChanged = 'PASSWORD_CHANGED',
  /** setPasswordWithCode: a first or forgotten password. */
  PasswordSet = 'PASSWORD_SET',
}

/**
 * Refusals of sign-in, sessions and registration (docs/security.md). `reason` tells a client what to do without
 * reading the Chinese text: TOKEN_EXPIRED → refresh, TOKEN_INVALID / SESSION_REVOKED → log in again.
 */
export const authErrors = defineErrors('auth', {
  loginRequired: {
    code: ErrorCode.UNAUTHENTICATED,
    reason: 'LOGIN_REQUIRED',
    message: '请先登录',
    meaning: 'No bearer token was sent to an operation that needs one',
  },
  tokenExpired: {
    code: ErrorCode.UNAUTHENTICATED,
    reason: 'TOKEN_EXPIRED',
    message: '登录已过期，请重新登录',
    meaning: 'The access token is past its expiry: exchange the refresh token',
  },
  tokenInvalid: {
    code: ErrorCode.UNAUTHENTICATED,
    reason: 'TOKEN_INVALID',
    message: '登录凭证无效',
    meaning: 'The access token is malformed, forged, signed with another key or names an unknown person',
  },
  sessionRevoked: {
    code: ErrorCode.UNAUTHENTICATED,
    reason: 'SESSION_REVOKED',
    message: '该登录已退出，请重新登录',
    meaning: 'The session was ended (logout, password change, logoutEverywhere)',
  },
  badCredentials: {
    code: ErrorCode.UNAUTHENTICATED,
    reason: 'BAD_CREDENTIALS',
    message: '手机号或密码错误',
    meaning: 'Unknown phone or wrong password (the same answer for both)',
  },
  refreshTokenMalformed: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'REFRESH_TOKEN_MALFORMED',
    field: 'refreshToken',
    message: '刷新令牌格式无效',
    meaning: 'The refresh token given to logout is not of the shape the service issues (<uuid>.<secret>): refused before anything is ended',
  },
  refreshInvalid: {
    code: ErrorCode.UNAUTHENTICATED,
    reason: 'REFRESH_TOKEN_INVALID',
    message: '刷新令牌无效或已失效，请重新登录',
    meaning: 'The refresh token is unknown, used, revoked or expired',
  },
  gridOutOfScope: {
    code: ErrorCode.FORBIDDEN,
    reason: 'GRID_OUT_OF_SCOPE',
    message: '只能为本辖区网格的居民代办注册',
    field: 'gridId',
    meaning: "代办注册 in a grid outside the staff member's regions",
  },
  roleRequired: {
    code: ErrorCode.FORBIDDEN,
    reason: 'ROLE_REQUIRED',
    message: '无权执行此操作',
    meaning: 'The caller holds no role that the operation allows',
  },
  wrongPassword: {
    code: ErrorCode.FORBIDDEN,
    reason: 'WRONG_PASSWORD',
    message: '当前密码不正确',
    field: 'currentPassword',
    meaning: 'changePassword with a wrong current password',
  },
  weakPassword: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'WEAK_PASSWORD',
    message: '密码须为8至64位，且同时包含字母和数字',
    field: 'password',
    meaning: 'The new password breaks the password rule',
  },
  sessionNotFound: {
    code: ErrorCode.NOT_FOUND,
    reason: 'SESSION_NOT_FOUND',
    message: '登录会话不存在',
    meaning: "revokeSession of a session that is not the caller's",
  },
  loginThrottled: {
    code: ErrorCode.RATE_LIMITED,
    reason: 'LOGIN_THROTTLED',
    message: '登录失败次数过多，请稍后再试',
    meaning: 'Too many failed logins for this phone within the window',
  },
  codeThrottled: {
    code: ErrorCode.RATE_LIMITED,
    reason: 'VERIFICATION_THROTTLED',
    message: '验证码请求过于频繁，请稍后再试',
    meaning: 'Too many codes asked for this phone or from this address within the window',
  },
  registrationThrottled: {
    code: ErrorCode.RATE_LIMITED,
    reason: 'REGISTRATION_THROTTLED',
    message: '注册请求过于频繁，请稍后再试',
    meaning: 'Too many registrations from this address within the window',
  },
  codeInvalid: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'CODE_INVALID',
    message: '验证码错误或已过期',
    field: 'code',
    meaning: 'Wrong, expired, used or too-often-tried code; also when the phone cannot take the action (no enumeration)',
  },
  codeRequired: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'CODE_REQUIRED',
    message: '请输入短信验证码',
    field: 'code',
    meaning: 'PHONE_VERIFICATION is on and no code was given',
  },
  registrationRefused: {
    code: ErrorCode.CONFLICT,
    reason: 'REGISTRATION_REFUSED',
    message: '无法完成注册：如已注册请直接登录或找回密码，如有疑问请到社区办理',
    meaning: 'The phone or the ID number is already registered; one answer for both, so that the API does not tell which',
  },
});
