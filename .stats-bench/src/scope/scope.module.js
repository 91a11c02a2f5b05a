var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ActorRepository } from './actor.repository.js';
import { ScopeGuard } from './scope.guard.js';
let ScopeModule = class ScopeModule {
};
ScopeModule = __decorate([
    Global(),
    Module({
        providers: [ActorRepository, { provide: APP_GUARD, useClass: ScopeGuard }],
        exports: [ActorRepository],
    })
], ScopeModule);
export { ScopeModule };
//# sourceMappingURL=scope.module.js.map