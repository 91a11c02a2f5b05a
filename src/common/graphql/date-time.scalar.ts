import { GraphQLISODateTime } from '@nestjs/graphql';
import { GraphQLScalarType } from 'graphql';

/**
 * `DateTime` 日期时间: Nest's ISO date-time scalar with the same parsing and serialization, described for client
 * developers (time zones, calendar days). Mapped to `Date` fields through `buildSchemaOptions.scalarsMap`.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLISODateTime.toConfig(),
  description:
    '日期时间 DateTime: an instant as an ISO 8601 string. Output is always UTC (e.g. 2026-12-03T01:30:00.000Z); input accepts ISO 8601 with a time zone offset (e.g. 2026-12-03T09:30:00+08:00). Calendar days, months and weekdays in this API are counted in Asia/Shanghai (UTC+8).',
});
