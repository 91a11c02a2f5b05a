var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs } from '../common/graphql/connection.js';
import { FenScalar, MAX_FEN } from '../common/graphql/fen.scalar.js';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
export var CharityKind;
(function (CharityKind) {
    CharityKind["FUND"] = "FUND";
    CharityKind["SUPERMARKET"] = "SUPERMARKET";
})(CharityKind || (CharityKind = {}));
registerEnumType(CharityKind, {
    name: 'CharityKind',
    valuesMap: { FUND: { description: '社区慈善基金' }, SUPERMARKET: { description: '慈善超市 / 慈善小屋' } },
});
export var CharityEntryKind;
(function (CharityEntryKind) {
    CharityEntryKind["MONEY_DONATION"] = "MONEY_DONATION";
    CharityEntryKind["GOODS_DONATION"] = "GOODS_DONATION";
    CharityEntryKind["GRANT"] = "GRANT";
    CharityEntryKind["REVERSAL"] = "REVERSAL";
    /** Project transfers (docs/projects.md "Money"): two entries each, one per account, summing to zero. */
    CharityEntryKind["PROJECT_RESERVE"] = "PROJECT_RESERVE";
    CharityEntryKind["PROJECT_RELEASE"] = "PROJECT_RELEASE";
    CharityEntryKind["PROJECT_DISBURSE"] = "PROJECT_DISBURSE";
})(CharityEntryKind || (CharityEntryKind = {}));
/** The accounts of a fund: AVAILABLE + RESERVED is money on hand; PAID_OUT what went to undertaking organizations. */
export var FundAccount;
(function (FundAccount) {
    FundAccount["AVAILABLE"] = "AVAILABLE";
    FundAccount["RESERVED"] = "RESERVED";
    FundAccount["PAID_OUT"] = "PAID_OUT";
})(FundAccount || (FundAccount = {}));
registerEnumType(FundAccount, {
    name: 'FundAccount',
    valuesMap: { AVAILABLE: { description: '可用' }, RESERVED: { description: '项目预留' }, PAID_OUT: { description: '已拨付' } },
});
registerEnumType(CharityEntryKind, {
    name: 'CharityEntryKind',
    valuesMap: {
        MONEY_DONATION: { description: '资金捐赠' },
        GOODS_DONATION: { description: '物资捐赠' },
        GRANT: { description: '资助 (to a need or project)' },
        REVERSAL: { description: '冲正: mirror of an earlier entry' },
        PROJECT_RESERVE: { description: '项目预留: AVAILABLE → RESERVED at a project\'s approval' },
        PROJECT_RELEASE: { description: '预留释放: RESERVED → AVAILABLE when a project is cancelled' },
        PROJECT_DISBURSE: { description: '项目拨付: RESERVED → PAID_OUT to the undertaking organization' },
    },
});
let Charity = class Charity {
    id;
    kind;
    name;
    address;
    createdAt;
    regionId;
    path;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Charity.prototype, "id", void 0);
__decorate([
    Field(() => CharityKind),
    __metadata("design:type", String)
], Charity.prototype, "kind", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Charity.prototype, "name", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], Charity.prototype, "address", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], Charity.prototype, "createdAt", void 0);
Charity = __decorate([
    ObjectType('Charity', { description: '慈善资源: a charity fund or supermarket in a region; holdings are derived from its entries' })
], Charity);
export { Charity };
let CharityEntry = class CharityEntry {
    id;
    kind;
    amountFen;
    itemName;
    itemUnit;
    quantity;
    valueFen;
    donorName;
    anonymous;
    purpose;
    receiptNo;
    reversesEntryId;
    reason;
    recordedAt;
    account;
    transferId;
    projectId;
    charityId;
    seq;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], CharityEntry.prototype, "id", void 0);
__decorate([
    Field(() => CharityEntryKind),
    __metadata("design:type", String)
], CharityEntry.prototype, "kind", void 0);
__decorate([
    Field(() => FenScalar, { description: 'Money in fen: + donation, − grant or reversal of a donation' }),
    __metadata("design:type", Number)
], CharityEntry.prototype, "amountFen", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], CharityEntry.prototype, "itemName", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], CharityEntry.prototype, "itemUnit", void 0);
__decorate([
    Field(() => Int, { description: 'Goods units: + donation, − grant or reversal' }),
    __metadata("design:type", Number)
], CharityEntry.prototype, "quantity", void 0);
__decorate([
    Field(() => FenScalar, { description: 'Estimated value of goods, fen' }),
    __metadata("design:type", Number)
], CharityEntry.prototype, "valueFen", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '捐赠人 (匿名 for anonymous donors unless the viewer manages the charity)' }),
    __metadata("design:type", Object)
], CharityEntry.prototype, "donorName", void 0);
__decorate([
    Field(),
    __metadata("design:type", Boolean)
], CharityEntry.prototype, "anonymous", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], CharityEntry.prototype, "purpose", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '收据编号 (unique per charity)' }),
    __metadata("design:type", Object)
], CharityEntry.prototype, "receiptNo", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The entry this one reverses' }),
    __metadata("design:type", Object)
], CharityEntry.prototype, "reversesEntryId", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], CharityEntry.prototype, "reason", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], CharityEntry.prototype, "recordedAt", void 0);
__decorate([
    Field(() => FundAccount, { description: 'The fund account this entry posts to' }),
    __metadata("design:type", String)
], CharityEntry.prototype, "account", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The transfer a project movement belongs to (its two entries sum to zero)' }),
    __metadata("design:type", Object)
], CharityEntry.prototype, "transferId", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The project of a project movement' }),
    __metadata("design:type", Object)
], CharityEntry.prototype, "projectId", void 0);
CharityEntry = __decorate([
    ObjectType('CharityEntry', { description: 'One append-only ledger entry of a charity (money in fen, goods in units)' })
], CharityEntry);
export { CharityEntry };
let GoodsStock = class GoodsStock {
    itemName;
    itemUnit;
    quantity;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], GoodsStock.prototype, "itemName", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], GoodsStock.prototype, "itemUnit", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], GoodsStock.prototype, "quantity", void 0);
GoodsStock = __decorate([
    ObjectType('GoodsStock', { description: 'Goods on hand, derived from entries' })
], GoodsStock);
export { GoodsStock };
let CreateCharityInput = class CreateCharityInput {
    kind;
    name;
    regionId;
    address;
};
__decorate([
    Field(() => CharityKind),
    IsIn(Object.values(CharityKind)),
    __metadata("design:type", String)
], CreateCharityInput.prototype, "kind", void 0);
__decorate([
    Field(),
    IsString(),
    IsNotEmpty({ message: '请填写名称' }),
    MaxLength(100),
    __metadata("design:type", String)
], CreateCharityInput.prototype, "name", void 0);
__decorate([
    Field(() => ID, { description: 'A street or community' }),
    IsString(),
    __metadata("design:type", String)
], CreateCharityInput.prototype, "regionId", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(200),
    __metadata("design:type", Object)
], CreateCharityInput.prototype, "address", void 0);
CreateCharityInput = __decorate([
    InputType()
], CreateCharityInput);
export { CreateCharityInput };
let DonationBase = class DonationBase {
    charityId;
    donorName;
    donorPersonId;
    donorOrganizationId;
    anonymous;
    purpose;
    receiptNo;
};
__decorate([
    Field(() => ID),
    IsString(),
    __metadata("design:type", String)
], DonationBase.prototype, "charityId", void 0);
__decorate([
    Field({ description: '捐赠人 name (person, company or 匿名)' }),
    IsString(),
    IsNotEmpty({ message: '请填写捐赠人' }),
    MaxLength(100),
    __metadata("design:type", String)
], DonationBase.prototype, "donorName", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The donor, when they are a registered person' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], DonationBase.prototype, "donorPersonId", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The donor, when it is a registered organization' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], DonationBase.prototype, "donorOrganizationId", void 0);
__decorate([
    Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Hide the donor\'s name from non-managers' }),
    IsOptional(),
    IsBoolean(),
    __metadata("design:type", Boolean)
], DonationBase.prototype, "anonymous", void 0);
__decorate([
    Field(() => String, { nullable: true, description: '用途 (e.g. 助老助餐)' }),
    IsOptional(),
    IsString(),
    MaxLength(200),
    __metadata("design:type", Object)
], DonationBase.prototype, "purpose", void 0);
__decorate([
    Field({ description: '收据编号' }),
    IsString(),
    IsNotEmpty({ message: '请填写收据编号' }),
    MaxLength(40),
    __metadata("design:type", String)
], DonationBase.prototype, "receiptNo", void 0);
DonationBase = __decorate([
    InputType({ isAbstract: true })
], DonationBase);
let RecordMoneyDonationInput = class RecordMoneyDonationInput extends DonationBase {
    amountFen;
};
__decorate([
    Field(() => FenScalar, { description: 'Amount in fen (分), 1 … 10^13' }),
    IsInt({ message: '金额应为整数（分）' }),
    Min(1, { message: '金额应大于0' }),
    Max(MAX_FEN, { message: '金额超出上限' }),
    __metadata("design:type", Number)
], RecordMoneyDonationInput.prototype, "amountFen", void 0);
RecordMoneyDonationInput = __decorate([
    InputType()
], RecordMoneyDonationInput);
export { RecordMoneyDonationInput };
let RecordGoodsDonationInput = class RecordGoodsDonationInput extends DonationBase {
    itemName;
    itemUnit;
    quantity;
    valueFen;
};
__decorate([
    Field(),
    IsString(),
    IsNotEmpty({ message: '请填写物资名称' }),
    MaxLength(50),
    __metadata("design:type", String)
], RecordGoodsDonationInput.prototype, "itemName", void 0);
__decorate([
    Field({ description: '单位, e.g. 袋, 箱, 件' }),
    IsString(),
    IsNotEmpty({ message: '请填写单位' }),
    MaxLength(10),
    __metadata("design:type", String)
], RecordGoodsDonationInput.prototype, "itemUnit", void 0);
__decorate([
    Field(() => Int),
    IsInt({ message: '数量应为整数' }),
    Min(1, { message: '数量应大于0' }),
    Max(1_000_000),
    __metadata("design:type", Number)
], RecordGoodsDonationInput.prototype, "quantity", void 0);
__decorate([
    Field(() => FenScalar, { nullable: true, defaultValue: 0, description: 'Estimated value in fen, 0 … 10^13' }),
    IsOptional(),
    IsInt({ message: '估值应为整数（分）' }),
    Min(0, { message: '估值不能为负' }),
    Max(MAX_FEN, { message: '估值超出上限' }),
    __metadata("design:type", Number)
], RecordGoodsDonationInput.prototype, "valueFen", void 0);
RecordGoodsDonationInput = __decorate([
    InputType()
], RecordGoodsDonationInput);
export { RecordGoodsDonationInput };
let CharitiesArgs = class CharitiesArgs extends PageArgs {
    regionId;
    kind;
};
__decorate([
    Field(() => ID, { nullable: true, description: 'Only under this region' }),
    IsOptional(),
    IsString(),
    __metadata("design:type", Object)
], CharitiesArgs.prototype, "regionId", void 0);
__decorate([
    Field(() => CharityKind, { nullable: true }),
    IsOptional(),
    IsIn(Object.values(CharityKind)),
    __metadata("design:type", Object)
], CharitiesArgs.prototype, "kind", void 0);
CharitiesArgs = __decorate([
    ArgsType()
], CharitiesArgs);
export { CharitiesArgs };
//# sourceMappingURL=charity.model.js.map