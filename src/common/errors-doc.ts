import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ERROR_CATALOGS, ErrorSpec } from './errors.js';

/**
 * Generates `docs/errors.md` from the error catalogs (`src/<module>/<module>.errors.ts`, each declared with
 * `defineErrors`). `npm run docs:errors` writes it; `errors-doc.spec.ts` fails when the committed file is stale.
 */

function catalogFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? catalogFiles(join(dir, e.name)) : /\.errors\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** Imports every `*.errors.ts` under `srcDir`, so that each catalog registers itself in `ERROR_CATALOGS`. */
export async function loadCatalogs(srcDir: string): Promise<string[]> {
  const files = catalogFiles(srcDir).sort();
  for (const file of files) await import(pathToFileURL(file).href);
  return files.map((f) => relative(srcDir, f));
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
// A placeholder that reads as `{n}` both as a value and as a list (messages may join a list argument).
const placeholder = (i: number) => Object.assign([`{${i + 1}}`], { toString: () => `{${i + 1}}` });
const sample = (spec: ErrorSpec) => (typeof spec.message === 'string' ? spec.message : `${spec.message.length ? spec.message(...Array.from({ length: spec.message.length }, (_, i) => placeholder(i))) : spec.message()}`);

/** The Markdown of `docs/errors.md`: one table per module, entries by reason. */
export function renderErrorsDoc(): string {
  const lines = [
    '# Errors',
    '',
    '<!-- Generated from the error catalogs (src/<module>/<module>.errors.ts) by `npm run docs:errors`; do not edit. -->',
    '',
    'Every GraphQL error carries `extensions.code`; refusals of a rule also carry a stable `extensions.reason`',
    'and, for BAD_USER_INPUT, `extensions.fields`. Clients match on `reason`, never on the (Chinese) message.',
    '`{1}`, `{2}` … stand for values filled in at run time.',
    '',
  ];
  for (const module of [...ERROR_CATALOGS.keys()].sort()) {
    lines.push(`## ${module}`, '', '| reason | code | field | message | meaning |', '|---|---|---|---|---|');
    const specs = Object.values(ERROR_CATALOGS.get(module)!).sort((a, b) => a.reason.localeCompare(b.reason) || sample(a).localeCompare(sample(b)));
    for (const spec of specs) {
      lines.push(`| \`${spec.reason}\` | ${spec.code} | ${spec.field ? `\`${spec.field}\`` : ''} | ${cell(sample(spec))} | ${cell(spec.meaning)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

// `node dist/src/common/errors-doc.js` (npm run docs:errors) writes docs/errors.md.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.cwd();
  await loadCatalogs(join(root, 'dist', 'src'));
  writeFileSync(join(root, 'docs', 'errors.md'), renderErrorsDoc());
}
