#!/usr/bin/env bash
# Lays the fuzzers' seed corpora in fuzz/corpus/ (not committed): our own fixtures and notes, and every
# notes file of ../shared (corpus, foreign, foreign-next) when it is beside the project. For `entry`,
# each list item's line of those files is a seed of its own (small inputs, many shapes).
set -euo pipefail
cd "$(dirname "$0")"
shared="$(cd ../.. && pwd)/shared"
mkdir -p corpus/loader corpus/entry
sources=(../notes ../tests/fixtures)
for d in corpus foreign foreign-next; do [ -d "$shared/$d" ] && sources+=("$shared/$d"); done
n=0
while IFS= read -r -d '' f; do
  cp "$f" "corpus/loader/$(sha1sum "$f" | cut -c1-16).md"
  # Each entry line: a bullet or numbered item's text, without its marker.
  { grep -E '^\s*([-*+]|[0-9]+\.) ' "$f" || true; } | sed -E 's/^\s*([-*+]|[0-9]+\.) //' |
    while IFS= read -r line; do
      printf '%s' "$line" > "corpus/entry/$(printf '%s' "$line" | sha1sum | cut -c1-16)"
    done
  n=$((n + 1))
done < <(find "${sources[@]}" -name '*.md' -print0)
echo "seeded from $n files: $(ls corpus/loader | wc -l) loader seeds, $(ls corpus/entry | wc -l) entry seeds"
