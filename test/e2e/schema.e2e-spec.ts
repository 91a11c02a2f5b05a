import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/** schema.graphql at the root is the committed contract; `npm run schema` rewrites it after a change. */
describe('schema.graphql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('matches the schema the code generates', () => {
    const sdl = printSchema(t.app.get(GraphQLSchemaHost).schema) + '\n';
    const file = join(process.cwd(), 'schema.graphql');
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(file, sdl);
    expect(readFileSync(file, 'utf8')).toBe(sdl);
  });
});
