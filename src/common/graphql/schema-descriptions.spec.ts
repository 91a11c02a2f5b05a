import {
  buildSchema,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Client teams read the schema as their documentation (issue 17): every type, field, argument, input field, enum
 * type and enum value of the committed `schema.graphql` carries a description. graphql-js's own scalars and
 * introspection types are theirs to document.
 */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const blank = (text: string | null | undefined) => !text?.trim();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
    } else if (isUnionType(type)) {
      // A union has no members of its own to describe; its type description was checked above.
    }
  }
  return missing;
}

describe('schema.graphql descriptions', () => {
  const schema = buildSchema(readFileSync(join(process.cwd(), 'schema.graphql'), 'utf8'));

  it('finds a missing description (the check itself works)', () => {
    const probe = buildSchema('"""查询 query"""\ntype Query {\n  """有说明 described"""\n  a(x: Int): Int\n  b: E\n}\nenum E { ONE }');
    expect(undescribed(probe)).toEqual(['Query.a(x)', 'Query.b', 'E', 'E.ONE']);
  });

  it('describes every type, field, argument, input field and enum value', () => {
    expect(undescribed(schema)).toEqual([]);
  });
});
