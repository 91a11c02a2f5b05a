var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { HHMM_END, HHMM_START, hhmm } from './availability.js';
let AvailabilityInput = class AvailabilityInput {
    weekday;
    start;
    end;
};
__decorate([
    Field(() => Int, { description: 'ISO weekday: 1 = 周一 … 7 = 周日' }),
    IsInt(),
    Min(1, { message: '星期应为1（周一）至7（周日）' }),
    Max(7, { message: '星期应为1（周一）至7（周日）' }),
    __metadata("design:type", Number)
], AvailabilityInput.prototype, "weekday", void 0);
__decorate([
    Field({ description: 'HH:MM' }),
    Matches(HHMM_START, { message: '开始时间格式应为HH:MM' }),
    __metadata("design:type", String)
], AvailabilityInput.prototype, "start", void 0);
__decorate([
    Field({ description: 'HH:MM, after start; 24:00 = end of day' }),
    Matches(HHMM_END, { message: '结束时间格式应为HH:MM' }),
    __metadata("design:type", String)
], AvailabilityInput.prototype, "end", void 0);
AvailabilityInput = __decorate([
    InputType({ description: 'A weekly slot in local time (Asia/Shanghai)' })
], AvailabilityInput);
export { AvailabilityInput };
let AvailabilitySlot = class AvailabilitySlot {
    weekday;
    start;
    end;
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], AvailabilitySlot.prototype, "weekday", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], AvailabilitySlot.prototype, "start", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], AvailabilitySlot.prototype, "end", void 0);
AvailabilitySlot = __decorate([
    ObjectType({ description: '每周可服务时间段 (local time, Asia/Shanghai)' })
], AvailabilitySlot);
export { AvailabilitySlot };
export const toAvailabilitySlot = (s) => ({ weekday: s.weekday, start: hhmm(s.startMinute), end: hhmm(s.endMinute) });
//# sourceMappingURL=availability.model.js.map