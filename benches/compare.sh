#!/usr/bin/env bash
# takeaway at scale against fzf and against its memory target.
#
#   bash benches/compare.sh                 # 100,000 papers
#   PAPERS=10000 RUNS=20 bash benches/compare.sh
#
# Needs fzf, hyperfine and GNU time (/usr/bin/time); installs nothing, says how when one is missing.
# Generates the notes with `cargo run --release --example gen_notes` into a temporary folder (removed at the
# end), builds the release binary, then prints:
#   1. `takeaway --filter Q DIR` next to `cat DIR/*.md | fzf --filter Q` for a few queries (hyperfine,
#      --warmup 2), mean times and the ratio takeaway/fzf, for takeaway three ways: as a user runs it
#      again (its cache of parsed notes, written by the warmup, is read), without the cache
#      (`TAKEAWAY_CACHE=off`: every file parsed, nothing written), and as a first run (the cache emptied
#      before each run: every file parsed and the cache written). The cache lives in the temporary folder.
#      Next to them, two floors under any first run, each as its ratio to each query's fzf:
#      `examples/bare_parse`, a bare pulldown-cmark pass over the same files on every core (read, parse,
#      nothing built), timed once (it does not depend on the query); and `examples/filter_floor`, that
#      parse plus the search's own structures (index, works, query) on the loaded notes, in one process:
#      what a first run would take if the loader added nothing to pulldown-cmark's pass;
#   2. `takeaway --json` on the bundled notes, startup to exit;
#   3. the peak RSS of `takeaway --filter serverless DIR` (the same three ways) and of
#      `takeaway --json DIR > /dev/null` next to the notes' bytes and the target "3x the notes' bytes +
#      30 MB" (MB = 2^20 bytes here), each within the target or over it.
# hyperfine's JSON exports stay in $OUT (default target/compare).
set -euo pipefail

cd "$(dirname "$0")/.."
PAPERS=${PAPERS:-100000}
RUNS=${RUNS:-10}
OUT=${OUT:-target/compare}
QUERIES=("greyhound" "serverless" "kvcache sched")

missing=()
command -v fzf >/dev/null || missing+=(fzf)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    echo "compare.sh: missing: ${missing[*]}" >&2
    echo "install with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 2
fi

mkdir -p "$OUT"
cargo build --release --quiet --bin takeaway --example gen_notes --example bare_parse --example filter_floor
BIN=target/release/takeaway
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# takeaway's cache of parsed notes: here, not in the user's cache folder.
export TAKEAWAY_CACHE=$TMP/cache
DIR=$TMP/notes
target/release/examples/gen_notes --papers "$PAPERS" --out "$DIR"

paper_count=$("$BIN" --json "$DIR" | python3 -c 'import json,sys; print(sum(len(d["papers"]) for d in json.load(sys.stdin)["documents"]))')
if [ "$paper_count" != "$PAPERS" ]; then
    echo "compare.sh: takeaway --json found $paper_count papers, expected $PAPERS" >&2
    exit 1
fi
all_bytes=$(find "$DIR" -name '*.md' -type f -print0 | xargs -0 cat | wc -c)
conf_bytes=$(cat "$DIR"/*.md | wc -c)
echo
echo "notes: $PAPERS papers, $(find "$DIR" -name '*.md' | wc -l) files, $all_bytes bytes ($conf_bytes in $DIR/*.md, what fzf reads)"
echo "machine: $(nproc) cores; $(fzf --version | head -1 | sed 's/^/fzf /'); $(hyperfine --version)"

# 1. --filter against fzf --filter, and the parse alone.
slug() { echo "$1" | tr -c 'a-zA-Z0-9\n' '_'; }
echo
hyperfine --warmup 2 --runs "$RUNS" --style basic --export-json "$OUT/bare-parse.json" \
    -n "pulldown-cmark alone" "target/release/examples/bare_parse '$DIR' > /dev/null"
for q in "${QUERIES[@]}"; do
    s=$(slug "$q")
    echo
    echo "== query: $q  (takeaway: $("$BIN" --filter "$q" "$DIR" | wc -l) papers; fzf: $(cat "$DIR"/*.md | fzf --filter "$q" | wc -l) lines)"
    # -i: takeaway exits 1 when nothing matches, fzf too.
    hyperfine --warmup 2 --runs "$RUNS" -i --style basic \
        --export-json "$OUT/filter-$s.json" \
        -n takeaway "$BIN --filter '$q' '$DIR' > /dev/null" \
        -n "takeaway, no cache" "TAKEAWAY_CACHE=off $BIN --filter '$q' '$DIR' > /dev/null" \
        -n fzf "cat '$DIR'/*.md | fzf --filter '$q' > /dev/null"
    hyperfine --runs "$RUNS" -i --style basic --prepare "rm -rf '$TAKEAWAY_CACHE'" \
        --export-json "$OUT/filter-$s-first.json" \
        -n "takeaway, first run" "$BIN --filter '$q' '$DIR' > /dev/null"
    # The floor under a first run, in one process: the parse alone plus the index, the works and the
    # query on the loaded notes (medians; see examples/filter_floor.rs).
    RUNS=5 target/release/examples/filter_floor "$DIR" "$q" | tee "$OUT/floor-$s.txt"
done

# 2. --json on the bundled notes, startup to exit.
echo
hyperfine --warmup 3 --runs 50 -N --style basic --export-json "$OUT/json-bundled.json" \
    -n "takeaway --json (bundled)" "$BIN --json"

# 3. Peak RSS of --json at $PAPERS papers.
/usr/bin/time -v -o "$TMP/time-json.txt" "$BIN" --json "$DIR" > /dev/null
/usr/bin/time -v -o "$TMP/time-filter.txt" "$BIN" --filter serverless "$DIR" > /dev/null
TAKEAWAY_CACHE=off /usr/bin/time -v -o "$TMP/time-filter-off.txt" "$BIN" --filter serverless "$DIR" > /dev/null
rm -rf "$TAKEAWAY_CACHE"
/usr/bin/time -v -o "$TMP/time-filter-first.txt" "$BIN" --filter serverless "$DIR" > /dev/null
rss_kb() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"; }
wall() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1"; }

python3 - "$OUT" "$all_bytes" "$(rss_kb "$TMP/time-json.txt")" "$(wall "$TMP/time-json.txt")" \
    "$(rss_kb "$TMP/time-filter.txt")" "$(rss_kb "$TMP/time-filter-off.txt")" \
    "$(rss_kb "$TMP/time-filter-first.txt")" "$PAPERS" "${QUERIES[@]}" <<'EOF'
import json, re, sys
out, notes_bytes, rss_json_kb, wall_json, rss_filter_kb, rss_off_kb, rss_first_kb, papers = sys.argv[1:9]
queries = sys.argv[9:]
notes_bytes, rss_json, rss_filter = int(notes_bytes), int(rss_json_kb) * 1024, int(rss_filter_kb) * 1024
rss_off, rss_first = int(rss_off_kb) * 1024, int(rss_first_kb) * 1024
MiB = 1024 * 1024

def slug(q):
    return re.sub(r"[^a-zA-Z0-9]", "_", q)

print(f"\n== takeaway --filter vs fzf --filter at {int(papers):,} papers (hyperfine means)\n")
print("takeaway: as run again (cache read) / no cache (TAKEAWAY_CACHE=off) / first run (cache written)\n")
bare = json.load(open(f"{out}/bare-parse.json"))["results"][0]
print(f"pulldown-cmark alone over the same files (examples/bare_parse): {bare['mean']*1e3:.1f} ± {bare['stddev']*1e3:.1f} ms\n")
print(f"| query | fzf (ms) | takeaway (ms) | / fzf | no cache (ms) | / fzf | first run (ms) | / fzf | parse alone / fzf | parse + search / fzf |")
print(f"| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for q in queries:
    r = {x["command"]: x for x in json.load(open(f"{out}/filter-{slug(q)}.json"))["results"]}
    r.update({x["command"]: x for x in json.load(open(f"{out}/filter-{slug(q)}-first.json"))["results"]})
    f = r["fzf"]
    cells = [f"{f['mean']*1e3:.1f} ± {f['stddev']*1e3:.1f}"]
    for name in ("takeaway", "takeaway, no cache", "takeaway, first run"):
        t = r[name]
        cells += [f"{t['mean']*1e3:.1f} ± {t['stddev']*1e3:.1f}", f"{t['mean']/f['mean']:.2f}"]
    cells.append(f"{bare['mean']/f['mean']:.2f}")
    floor = dict(kv.split("=") for kv in open(f"{out}/floor-{slug(q)}.txt").read().splitlines()[-1].split()[1:])
    cells.append(f"{float(floor['floor'])/1e3/f['mean']:.2f}")
    print(f"| {q} | " + " | ".join(cells) + " |")

j = json.load(open(f"{out}/json-bundled.json"))["results"][0]
print(f"\n== takeaway --json on the bundled notes: {j['mean']*1e3:.2f} ms mean ({j['min']*1e3:.2f} min, {j['max']*1e3:.2f} max)")

target = 3 * notes_bytes + 30 * MiB
print(f"\n== peak RSS at {int(papers):,} papers (/usr/bin/time -v)\n")
print(f"| what | bytes | MiB |")
print(f"| --- | ---: | ---: |")
print(f"| notes (every *.md loaded) | {notes_bytes:,} | {notes_bytes/MiB:.1f} |")
print(f"| target: 3 x notes + 30 MiB | {target:,} | {target/MiB:.1f} |")
print(f"| takeaway --json DIR > /dev/null (wall {wall_json}) | {rss_json:,} | {rss_json/MiB:.1f} |")
print(f"| takeaway --filter serverless DIR | {rss_filter:,} | {rss_filter/MiB:.1f} |")
print(f"| the same, no cache | {rss_off:,} | {rss_off/MiB:.1f} |")
print(f"| the same, first run | {rss_first:,} | {rss_first/MiB:.1f} |")
for what, rss in (("--filter", rss_filter), ("--filter, no cache", rss_off),
                  ("--filter, first run", rss_first), ("--json", rss_json)):
    print(f"\n{what} peak RSS / target = {rss/target:.2f} ({'within' if rss <= target else 'OVER'} the target); "
          f"peak RSS / notes bytes = {rss/notes_bytes:.2f}", end="")
print()
EOF
