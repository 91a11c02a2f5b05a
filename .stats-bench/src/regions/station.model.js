var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
export var StationKind;
(function (StationKind) {
    StationKind["SOCIAL_WORK_STATION"] = "SOCIAL_WORK_STATION";
    StationKind["SOCIAL_WORK_ROOM"] = "SOCIAL_WORK_ROOM";
    StationKind["VOLUNTEER_STATION"] = "VOLUNTEER_STATION";
})(StationKind || (StationKind = {}));
registerEnumType(StationKind, {
    name: 'StationKind',
    valuesMap: {
        SOCIAL_WORK_STATION: { description: '街道(乡镇)社工站' },
        SOCIAL_WORK_ROOM: { description: '社区(村)社工室' },
        VOLUNTEER_STATION: { description: '志愿服务站点' },
    },
});
let Station = class Station {
    id;
    kind;
    name;
    address;
    regionId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Station.prototype, "id", void 0);
__decorate([
    Field(() => StationKind),
    __metadata("design:type", String)
], Station.prototype, "kind", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Station.prototype, "name", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Station.prototype, "address", void 0);
Station = __decorate([
    ObjectType('Station', { description: '服务站点: a social-work station 社工站, room 社工室 or volunteer station' })
], Station);
export { Station };
//# sourceMappingURL=station.model.js.map