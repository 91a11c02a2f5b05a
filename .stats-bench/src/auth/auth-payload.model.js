var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ObjectType } from '@nestjs/graphql';
import { Person } from '../people/person.model.js';
let AuthPayload = class AuthPayload {
    accessToken;
    refreshToken;
    accessTokenExpiresAt;
    me;
};
__decorate([
    Field({ description: 'Bearer token for the Authorization header; short-lived' }),
    __metadata("design:type", String)
], AuthPayload.prototype, "accessToken", void 0);
__decorate([
    Field({ description: 'Single use: exchange it with refreshToken for a new pair' }),
    __metadata("design:type", String)
], AuthPayload.prototype, "refreshToken", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], AuthPayload.prototype, "accessTokenExpiresAt", void 0);
__decorate([
    Field(() => Person),
    __metadata("design:type", Person)
], AuthPayload.prototype, "me", void 0);
AuthPayload = __decorate([
    ObjectType('AuthPayload')
], AuthPayload);
export { AuthPayload };
//# sourceMappingURL=auth-payload.model.js.map