var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor, Public } from '../scope/scope.decorators.js';
import { AuthPayload } from './auth-payload.model.js';
import { LoginInput, RegisterResidentInput } from './auth.input.js';
import { AuthService } from './auth.service.js';
let AuthResolver = class AuthResolver {
    auth;
    constructor(auth) {
        this.auth = auth;
    }
    login(input) {
        return this.auth.login(input);
    }
    refreshToken(token) {
        return this.auth.refresh(token);
    }
    registerResident(input) {
        return this.auth.registerResident(input);
    }
    logout(actor, refreshToken) {
        return this.auth.logout(actor, refreshToken);
    }
};
__decorate([
    Public(),
    Mutation(() => AuthPayload, { description: '登录 with phone and password' }),
    __param(0, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [LoginInput]),
    __metadata("design:returntype", Promise)
], AuthResolver.prototype, "login", null);
__decorate([
    Public(),
    Mutation(() => AuthPayload, { description: 'Exchange a refresh token for a new pair; each refresh token works once' }),
    __param(0, Args('token')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], AuthResolver.prototype, "refreshToken", null);
__decorate([
    Public(),
    Mutation(() => AuthPayload, { description: '居民注册 in a grid' }),
    __param(0, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [RegisterResidentInput]),
    __metadata("design:returntype", Promise)
], AuthResolver.prototype, "registerResident", null);
__decorate([
    Authorize(Permission.SELF),
    Mutation(() => Boolean, { description: 'Revoke the session that `refreshToken` belongs to' }),
    __param(0, CurrentActor()),
    __param(1, Args('refreshToken')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], AuthResolver.prototype, "logout", null);
AuthResolver = __decorate([
    Resolver(),
    __metadata("design:paramtypes", [AuthService])
], AuthResolver);
export { AuthResolver };
//# sourceMappingURL=auth.resolver.js.map