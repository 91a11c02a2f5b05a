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
/** Sensitive flags 特殊群体标识 (DESIGN.md §4, §11): recorded only with consent. */
export var PersonFlag;
(function (PersonFlag) {
    PersonFlag["ALONE_OR_EMPTY_NEST"] = "ALONE_OR_EMPTY_NEST";
    PersonFlag["INCAPACITATED"] = "INCAPACITATED";
    PersonFlag["DISABILITY"] = "DISABILITY";
    PersonFlag["SUBSISTENCE_ALLOWANCE"] = "SUBSISTENCE_ALLOWANCE";
    PersonFlag["EXTREME_POVERTY"] = "EXTREME_POVERTY";
    PersonFlag["CHILD_IN_DIFFICULTY"] = "CHILD_IN_DIFFICULTY";
})(PersonFlag || (PersonFlag = {}));
registerEnumType(PersonFlag, {
    name: 'PersonFlag',
    description: '敏感个人信息标识, recorded with consent',
    valuesMap: {
        ALONE_OR_EMPTY_NEST: { description: '独居/空巢老人' },
        INCAPACITATED: { description: '失能' },
        DISABILITY: { description: '残疾' },
        SUBSISTENCE_ALLOWANCE: { description: '低保' },
        EXTREME_POVERTY: { description: '特困' },
        CHILD_IN_DIFFICULTY: { description: '困境儿童' },
    },
});
let Relative = class Relative {
    id;
    relation;
    recordedAt;
    personId;
    relativeId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Relative.prototype, "id", void 0);
__decorate([
    Field({ description: 'What the relative is to the person, e.g. 女儿, 岳父' }),
    __metadata("design:type", String)
], Relative.prototype, "relation", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], Relative.prototype, "recordedAt", void 0);
Relative = __decorate([
    ObjectType('Relative', { description: '亲属: recorded by a community worker; the time bank allows transfers between relatives' })
], Relative);
export { Relative };
let PersonFlagRecord = class PersonFlagRecord {
    flag;
    consentAt;
    consentGivenById;
    recordedById;
    recordedAt;
    personId;
};
__decorate([
    Field(() => PersonFlag),
    __metadata("design:type", String)
], PersonFlagRecord.prototype, "flag", void 0);
__decorate([
    Field(() => Date, { description: '同意时间' }),
    __metadata("design:type", Date)
], PersonFlagRecord.prototype, "consentAt", void 0);
__decorate([
    Field(() => ID, { description: 'Who consented: the person, or their guardian for a child under 14' }),
    __metadata("design:type", String)
], PersonFlagRecord.prototype, "consentGivenById", void 0);
__decorate([
    Field(() => ID, { description: 'The staff member who recorded it' }),
    __metadata("design:type", String)
], PersonFlagRecord.prototype, "recordedById", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], PersonFlagRecord.prototype, "recordedAt", void 0);
PersonFlagRecord = __decorate([
    ObjectType('PersonFlagRecord', { description: 'A sensitive flag with its consent record' })
], PersonFlagRecord);
export { PersonFlagRecord };
export var ConsentAction;
(function (ConsentAction) {
    ConsentAction["GIVEN"] = "GIVEN";
    ConsentAction["WITHDRAWN"] = "WITHDRAWN";
})(ConsentAction || (ConsentAction = {}));
registerEnumType(ConsentAction, { name: 'ConsentAction', valuesMap: { GIVEN: { description: '同意' }, WITHDRAWN: { description: '撤回同意' } } });
let FlagConsentRecord = class FlagConsentRecord {
    flag;
    action;
    byPersonId;
    recordedById;
    at;
    personId;
};
__decorate([
    Field(() => PersonFlag),
    __metadata("design:type", String)
], FlagConsentRecord.prototype, "flag", void 0);
__decorate([
    Field(() => ConsentAction),
    __metadata("design:type", String)
], FlagConsentRecord.prototype, "action", void 0);
__decorate([
    Field(() => ID, { description: 'Who consented (the person, or the guardian of a minor) or on whose behalf consent was withdrawn' }),
    __metadata("design:type", String)
], FlagConsentRecord.prototype, "byPersonId", void 0);
__decorate([
    Field(() => ID, { description: 'Who recorded it' }),
    __metadata("design:type", String)
], FlagConsentRecord.prototype, "recordedById", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], FlagConsentRecord.prototype, "at", void 0);
FlagConsentRecord = __decorate([
    ObjectType('FlagConsentRecord', { description: 'One entry of the append-only consent history of a sensitive flag (同意记录)' })
], FlagConsentRecord);
export { FlagConsentRecord };
let PiiAccessEntry = class PiiAccessEntry {
    id;
    field;
    purpose;
    at;
    viewerId;
    subjectId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], PiiAccessEntry.prototype, "id", void 0);
__decorate([
    Field({ description: 'Which field, e.g. id_number' }),
    __metadata("design:type", String)
], PiiAccessEntry.prototype, "field", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], PiiAccessEntry.prototype, "purpose", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], PiiAccessEntry.prototype, "at", void 0);
PiiAccessEntry = __decorate([
    ObjectType('PiiAccessEntry', { description: 'One read of a sensitive field by staff (个人信息访问记录)' })
], PiiAccessEntry);
export { PiiAccessEntry };
//# sourceMappingURL=personal-data.model.js.map