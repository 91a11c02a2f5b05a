import { GraphQLInputType, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';

/** One malformed value and what it is, for the failure message. */
export interface Malformed {
  label: string;
  value: unknown;
}

const HUGE = 'x'.repeat(200_000);

/**
 * Values no argument of this type may accept: wrong types, NUL, out-of-range numbers and dates, invalid ids,
 * text far beyond any length limit, missing required values. (Emoji and empty strings go only where no text is
 * free: ids, phones, codes, enums — elsewhere they are legitimate input.)
 */
export function malformedFor(type: GraphQLInputType, name: string): Malformed[] {
  const required = isNonNullType(type);
  const inner = required ? (type as { ofType: GraphQLInputType }).ofType : type;
  const named = getNamedType(inner);
  const out: Malformed[] = [];
  if (required) out.push({ label: 'null for a required value', value: null });
  if (isListType(inner)) {
    out.push({ label: 'a string where a list belongs', value: 12345 });
    out.push({ label: '5,000 items', value: Array.from({ length: 5000 }, (_, i) => (isScalarType(named) && named.name === 'ID' ? `id-${i}` : i)) });
    return out;
  }
  if (isEnumType(named)) return [...out, { label: 'an unknown enum value', value: 'NOT_A_VALUE_😀' }, { label: 'a number for an enum', value: 7 }];
  if (isInputObjectType(named))
    return [...out, { label: 'a string for an input object', value: 'x' }, { label: 'an unknown field', value: { __proto__x: 1, evil: true } }];
  switch (named.name) {
    case 'ID':
      return [
        ...out,
        { label: 'an empty id', value: '' },
        { label: 'a non-uuid id', value: "1' OR '1'='1" },
        { label: 'an emoji id', value: '😀' },
        { label: 'the nil uuid', value: '00000000-0000-0000-0000-000000000000' },
        { label: 'a NUL id', value: 'a\u0000b' },
      ];
    case 'Int':
    case 'Fen':
      return [
        ...out,
        { label: '2^31', value: 2 ** 31 },
        { label: '-2^31', value: -(2 ** 31) },
        { label: 'a fraction', value: 1.5 },
        { label: 'a string for an Int', value: 'sixty' },
      ];
    case 'Float':
      return [...out, { label: '1e308', value: 1e308 }, { label: 'a string for a Float', value: 'NaN' }];
    case 'Boolean':
      return [...out, { label: 'a string for a Boolean', value: 'yes' }];
    case 'DateTime':
      return [
        ...out,
        { label: 'year 99999', value: '+099999-01-01T00:00:00Z' },
        { label: 'year 1800', value: '1800-01-01T00:00:00Z' },
        { label: 'not a date', value: '2026-13-45' },
      ];
    default: {
      const strict = /phone|code|password|idNumber|creditCode|certificateNo|token|cursor|after|idempotency/i.test(name);
      out.push({ label: 'a NUL character', value: `a\u0000b` }, { label: '200,000 characters', value: HUGE }, { label: 'a number for a String', value: 42 });
      if (strict) out.push({ label: 'an emoji', value: '😀😀😀' });
      return out;
    }
  }
}
