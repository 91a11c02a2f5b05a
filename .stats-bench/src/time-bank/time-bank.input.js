var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
/** One operation moves at most 1500 h. */
const MAX_MINUTES = 90000;
const KEY = /^[A-Za-z0-9._:-]{1,100}$/;
/** Free text is trimmed before it is validated, so "   " is no reason; an empty memo is no memo. */
const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
const TrimToNull = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));
let TransferMinutesInput = class TransferMinutesInput {
    toPersonId;
    minutes;
    memo;
    idempotencyKey;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], TransferMinutesInput.prototype, "toPersonId", void 0);
__decorate([
    Field(() => Int),
    IsInt({ message: '分钟数须为整数' }),
    Min(1, { message: '分钟数至少为 1' }),
    Max(MAX_MINUTES),
    __metadata("design:type", Number)
], TransferMinutesInput.prototype, "minutes", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    TrimToNull(),
    IsOptional(),
    IsString(),
    MaxLength(200),
    __metadata("design:type", Object)
], TransferMinutesInput.prototype, "memo", void 0);
__decorate([
    Field({ description: 'Client-chosen key: a replay returns the first result' }),
    Matches(KEY, { message: '幂等键须为 1–100 位字母数字' }),
    __metadata("design:type", String)
], TransferMinutesInput.prototype, "idempotencyKey", void 0);
TransferMinutesInput = __decorate([
    InputType()
], TransferMinutesInput);
export { TransferMinutesInput };
let DonateMinutesInput = class DonateMinutesInput {
    minutes;
    memo;
    idempotencyKey;
};
__decorate([
    Field(() => Int),
    IsInt({ message: '分钟数须为整数' }),
    Min(1, { message: '分钟数至少为 1' }),
    Max(MAX_MINUTES),
    __metadata("design:type", Number)
], DonateMinutesInput.prototype, "minutes", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    TrimToNull(),
    IsOptional(),
    IsString(),
    MaxLength(200),
    __metadata("design:type", Object)
], DonateMinutesInput.prototype, "memo", void 0);
__decorate([
    Field(),
    Matches(KEY, { message: '幂等键须为 1–100 位字母数字' }),
    __metadata("design:type", String)
], DonateMinutesInput.prototype, "idempotencyKey", void 0);
DonateMinutesInput = __decorate([
    InputType()
], DonateMinutesInput);
export { DonateMinutesInput };
let GrantMinutesInput = class GrantMinutesInput extends TransferMinutesInput {
    needId;
};
__decorate([
    Field(() => ID, { nullable: true, description: 'The receiver\'s need this grant pays for; without it the receiver must carry a special-group flag' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], GrantMinutesInput.prototype, "needId", void 0);
GrantMinutesInput = __decorate([
    InputType()
], GrantMinutesInput);
export { GrantMinutesInput };
let SpendMinutesInput = class SpendMinutesInput {
    minutes;
    needId;
    providerPersonId;
    memo;
    idempotencyKey;
};
__decorate([
    Field(() => Int),
    IsInt({ message: '分钟数须为整数' }),
    Min(1, { message: '分钟数至少为 1' }),
    Max(MAX_MINUTES),
    __metadata("design:type", Number)
], SpendMinutesInput.prototype, "minutes", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The service received: a CONFIRMED or CLOSED need of the caller; its volunteer is paid. Omitted (with no provider) = paid to the street time bank' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], SpendMinutesInput.prototype, "needId", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The person who served; must be the volunteer of `needId`, which it requires' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], SpendMinutesInput.prototype, "providerPersonId", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    TrimToNull(),
    IsOptional(),
    IsString(),
    MaxLength(200),
    __metadata("design:type", Object)
], SpendMinutesInput.prototype, "memo", void 0);
__decorate([
    Field(),
    Matches(KEY, { message: '幂等键须为 1–100 位字母数字' }),
    __metadata("design:type", String)
], SpendMinutesInput.prototype, "idempotencyKey", void 0);
SpendMinutesInput = __decorate([
    InputType()
], SpendMinutesInput);
export { SpendMinutesInput };
let ReverseTransactionInput = class ReverseTransactionInput {
    transactionId;
    reason;
    idempotencyKey;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], ReverseTransactionInput.prototype, "transactionId", void 0);
__decorate([
    Field(),
    Trim(),
    IsString(),
    MinLength(2, { message: '请填写冲正原因' }),
    MaxLength(500),
    __metadata("design:type", String)
], ReverseTransactionInput.prototype, "reason", void 0);
__decorate([
    Field(),
    Matches(KEY, { message: '幂等键须为 1–100 位字母数字' }),
    __metadata("design:type", String)
], ReverseTransactionInput.prototype, "idempotencyKey", void 0);
ReverseTransactionInput = __decorate([
    InputType()
], ReverseTransactionInput);
export { ReverseTransactionInput };
let TimeBankPolicyInput = class TimeBankPolicyInput {
    balanceCapMinutes;
    redemptionAge;
    hardshipRedemptionAge;
    relativesOnly;
    groupHoursDonateOnly;
    dailyTransferCapMinutes;
    yearlyTransferCapMinutes;
    expiryMonths;
    expiryNoticeDays;
    certificateSignatory;
};
__decorate([
    Field(() => Int, { nullable: true }),
    IsOptional(),
    IsInt(),
    Min(60),
    Max(100000 * 60),
    __metadata("design:type", Number)
], TimeBankPolicyInput.prototype, "balanceCapMinutes", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(120),
    __metadata("design:type", Number)
], TimeBankPolicyInput.prototype, "redemptionAge", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(120),
    __metadata("design:type", Number)
], TimeBankPolicyInput.prototype, "hardshipRedemptionAge", void 0);
__decorate([
    Field({ nullable: true }),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Boolean)
], TimeBankPolicyInput.prototype, "relativesOnly", void 0);
__decorate([
    Field({ nullable: true }),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Boolean)
], TimeBankPolicyInput.prototype, "groupHoursDonateOnly", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(MAX_MINUTES),
    __metadata("design:type", Number)
], TimeBankPolicyInput.prototype, "dailyTransferCapMinutes", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(1000000),
    __metadata("design:type", Number)
], TimeBankPolicyInput.prototype, "yearlyTransferCapMinutes", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: '0 = off' }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(120),
    __metadata("design:type", Number)
], TimeBankPolicyInput.prototype, "expiryMonths", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    IsOptional(),
    IsInt(),
    Min(0),
    Max(365),
    __metadata("design:type", Number)
], TimeBankPolicyInput.prototype, "expiryNoticeDays", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(50),
    __metadata("design:type", String)
], TimeBankPolicyInput.prototype, "certificateSignatory", void 0);
TimeBankPolicyInput = __decorate([
    InputType()
], TimeBankPolicyInput);
export { TimeBankPolicyInput };
//# sourceMappingURL=time-bank.input.js.map