import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CATALOGS } from './errors.js';
import { loadCatalogs, renderErrorsDoc } from './errors-doc.js';

const ROOT = process.cwd();

describe('docs/errors.md', () => {
  beforeAll(async () => {
    await loadCatalogs(join(ROOT, 'src'));
  });

  it('lists every catalog of the registry modules', () => {
    for (const module of ['people', 'volunteers', 'organizations', 'social-workers', 'resources', 'charity', 'auth'])
      expect(ERROR_CATALOGS.has(module)).toBe(true);
  });

  it('gives every entry a reason and a meaning', () => {
    for (const catalog of ERROR_CATALOGS.values()) {
      for (const spec of Object.values(catalog)) {
        expect(spec.reason).toMatch(/^[A-Z][A-Z0-9_]+$/);
        expect(spec.meaning.length).toBeGreaterThan(0);
      }
    }
  });

  it('is current (run `npm run docs:errors` after changing a catalog)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'errors.md'), 'utf8')).toBe(renderErrorsDoc());
  });
});
