#!/usr/bin/env bash
# Applies every automatic fix over the whole tree: ESLint's autofixes, then Prettier (last, so that the
# formatting is Prettier's whatever a fix inserted). Then lists what is left for a person to fix, counted per
# rule; the exit code is ESLint's (0 = `npm run lint` will pass).
set -uo pipefail
cd "$(dirname "$0")/.."
npx eslint --fix . >/dev/null
npx prettier --write --log-level warn .
npx eslint -f json . >.lint-report.json
status=$?
node -e '
  const report = JSON.parse(require("fs").readFileSync(".lint-report.json", "utf8"));
  const perRule = {};
  for (const file of report)
    for (const m of file.messages) {
      perRule[m.ruleId ?? "(parse)"] = (perRule[m.ruleId ?? "(parse)"] ?? 0) + 1;
      console.log(`${file.filePath.slice(process.cwd().length + 1)}:${m.line}:${m.column}  ${m.ruleId}  ${m.message.split("\n")[0]}`);
    }
  const rows = Object.entries(perRule).sort((a, b) => b[1] - a[1]);
  console.log(rows.length ? "\nleft to fix by hand, per rule:" : "ESLint: nothing left to fix.");
  for (const [rule, n] of rows) console.log(`${String(n).padStart(5)}  ${rule}`);
'
rm -f .lint-report.json
exit $status
