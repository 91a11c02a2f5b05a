var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { openDatabase } from './data-source.js';
export const DATABASE_URL = Symbol('DATABASE_URL');
let DatabaseModule = class DatabaseModule {
    dataSource;
    constructor(dataSource) {
        this.dataSource = dataSource;
    }
    async onApplicationShutdown() {
        if (this.dataSource.isInitialized)
            await this.dataSource.destroy();
    }
};
DatabaseModule = __decorate([
    Global(),
    Module({
        providers: [
            {
                provide: DataSource,
                inject: [DATABASE_URL],
                useFactory: (url) => openDatabase(url),
            },
        ],
        exports: [DataSource],
    }),
    __metadata("design:paramtypes", [DataSource])
], DatabaseModule);
export { DatabaseModule };
//# sourceMappingURL=database.module.js.map