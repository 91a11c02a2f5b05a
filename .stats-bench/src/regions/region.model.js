var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RegionLevel } from './region-level.js';
let Region = class Region {
    id;
    /** As stored: the code's significant digits (省 2, 市 4, 区县 6, 街道 9, 社区 12, 网格 14), the labels of `path`. */
    code;
    name;
    level;
    path;
    parentId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Region.prototype, "id", void 0);
__decorate([
    Field({ description: '统计用区划代码: the 12-digit statistical division code (2+2+2+3+3; zero-padded above the community level); grids add 2 digits of their own' }),
    __metadata("design:type", String)
], Region.prototype, "code", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Region.prototype, "name", void 0);
__decorate([
    Field(() => RegionLevel),
    __metadata("design:type", String)
], Region.prototype, "level", void 0);
__decorate([
    Field({ description: 'Codes from the root, dot-separated (ltree)' }),
    __metadata("design:type", String)
], Region.prototype, "path", void 0);
Region = __decorate([
    ObjectType('Region', { description: '区划节点 — province › city › district › street › community › grid' })
], Region);
export { Region };
//# sourceMappingURL=region.model.js.map