#!/usr/bin/env bash
# Points every citation of the product design at the project's own docs/design.md, whose section numbers are those
# that were cited (§1–§15; the sections that have a file of their own keep a stub there that links on). Comment- and
# description-only: "DESIGN.md §5" becomes "docs/design.md §5" in code comments, GraphQL descriptions (and so the
# schema.graphql snapshot, changed the same way), tests, migrations, docs and the README. Idempotent: run it again
# after a merge brings in more citations. Exits non-zero if anything still names the old file or `../shared`.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files -- src test migrations docs README.md schema.graphql | grep -E '\.(ts|mjs|js|md|graphql)$' || true)
# (?<![\w/.]) leaves an already rewritten "docs/design.md" alone.
[ -n "$files" ] && perl -pi -e 's{(?<![\w/.])DESIGN\.md}{docs/design.md}g' $files
if git grep -nE '(^|[^/a-z])DESIGN\.md|\.\./shared' -- . ':!scripts/cite-docs.sh'; then
  echo "cite-docs: the lines above still cite the working notes" >&2
  exit 1
fi
echo "cite-docs: every citation points at docs/"
