import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * Upper bound of one money amount 金额 in fen accepted as input: 10^13 fen = ¥100,000,000,000 (一千亿元), far below
 * `Number.MAX_SAFE_INTEGER`, so a single amount is an exact JS integer. Sums (balances) are exact bigints.
 */
export const MAX_FEN = 10_000_000_000_000;

const DIGITS = /^-?\d{1,19}$/;

function fromInput(raw: unknown): number {
  let n: number;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && DIGITS.test(raw.trim())) n = Number(raw.trim());
  else throw new GraphQLError('金额应为整数（分），如 123456 或 "123456"');
  if (!Number.isInteger(n) || Math.abs(n) > MAX_FEN) throw new GraphQLError(`金额应为整数（分），绝对值不超过 ${MAX_FEN}`);
  return n;
}

/**
 * `Fen` 分: an integer amount of money in fen (1/100 yuan). Output is a decimal string ("123456" = ¥1,234.56),
 * exact for any amount the database holds (bigint) — GraphQL `Int` stops at 2^31−1 fen (about ¥21 million).
 * Input accepts an integer literal or a decimal string, up to `MAX_FEN` in absolute value.
 */
export const FenScalar = new GraphQLScalarType<number, string>({
  name: 'Fen',
  description: `金额（分） Fen: money as an integer number of fen 分 (1 元 yuan = 100 分). Output is a decimal string ("123456" = ¥1,234.56; exact, no 2^31 limit); input an integer or a decimal string, |amount| ≤ ${MAX_FEN}`,
  serialize(value: unknown): string {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (typeof value === 'string' && DIGITS.test(value)) return value;
    throw new GraphQLError('Fen cannot represent a non-integer value');
  },
  parseValue: fromInput,
  parseLiteral(ast) {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return fromInput(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw new GraphQLError('金额应为整数（分）', { nodes: ast });
  },
});
