var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badInput } from '../errors.js';
let PageInfo = class PageInfo {
    hasNextPage;
    endCursor;
};
__decorate([
    Field(),
    __metadata("design:type", Boolean)
], PageInfo.prototype, "hasNextPage", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], PageInfo.prototype, "endCursor", void 0);
PageInfo = __decorate([
    ObjectType()
], PageInfo);
export { PageInfo };
/** Relay connection type for `T` (edges { cursor node }, pageInfo, totalCount). */
export function ConnectionType(node, name) {
    let EdgeType = class EdgeType {
        cursor;
        node;
    };
    __decorate([
        Field(),
        __metadata("design:type", String)
    ], EdgeType.prototype, "cursor", void 0);
    __decorate([
        Field(() => node),
        __metadata("design:type", Object)
    ], EdgeType.prototype, "node", void 0);
    EdgeType = __decorate([
        ObjectType(`${name}Edge`)
    ], EdgeType);
    let ConnectionClass = class ConnectionClass {
        edges;
        pageInfo;
        totalCount;
    };
    __decorate([
        Field(() => [EdgeType]),
        __metadata("design:type", Array)
    ], ConnectionClass.prototype, "edges", void 0);
    __decorate([
        Field(() => PageInfo),
        __metadata("design:type", PageInfo)
    ], ConnectionClass.prototype, "pageInfo", void 0);
    __decorate([
        Field(() => Int),
        __metadata("design:type", Number)
    ], ConnectionClass.prototype, "totalCount", void 0);
    ConnectionClass = __decorate([
        ObjectType(`${name}Connection`)
    ], ConnectionClass);
    return ConnectionClass;
}
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;
let PageArgs = class PageArgs {
    first = DEFAULT_PAGE;
    after;
};
__decorate([
    Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE, description: `1–${MAX_PAGE}` }),
    Min(1),
    Max(MAX_PAGE),
    __metadata("design:type", Number)
], PageArgs.prototype, "first", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    IsOptional(),
    IsString(),
    MaxLength(200),
    __metadata("design:type", Object)
], PageArgs.prototype, "after", void 0);
PageArgs = __decorate([
    ArgsType()
], PageArgs);
export { PageArgs };
/** Keyset cursor: opaque base64url of the sort key values (the last one is always the row id). */
export function encodeCursor(values) {
    return Buffer.from(JSON.stringify(values)).toString('base64url');
}
export function decodeCursor(cursor, arity) {
    try {
        const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
            return values;
        }
    }
    catch {
        /* fall through */
    }
    throw badInput('after', '分页游标无效');
}
/** Builds a connection from `first + 1` fetched rows. */
export function toConnection(rows, first, totalCount, cursorOf, map) {
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: map(row) }));
    return {
        edges,
        pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
        totalCount,
    };
}
//# sourceMappingURL=connection.js.map