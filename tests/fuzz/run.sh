#!/usr/bin/env bash
# Runs the libFuzzer targets (build them first: cmake --preset fuzz && cmake --build --preset fuzz).
#
#   tests/fuzz/run.sh [SECONDS]   each target for SECONDS (default 60)
#
# Each target first replays tests/fuzz/regressions/<target>/ (every input that
# ever found a defect), then fuzzes from its seeds: for the loader the story,
# the bad corpus and tests/fuzz/story.dict; for links and the navigator inputs
# made here from the story's ids; for the whole app (fuzz_app) calls with
# ids, names and text of every kind; for numbers (fuzz_number, number_text and
# text_format against glibc) texts that strtod finds hard. The corpus grows in build/fuzz/work/ between
# runs. Prints executions and coverage per target; on a finding it prints the
# report, leaves the input in build/fuzz/work/findings-*, and exits 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-60}"
bin=build/fuzz/tests/fuzz
work=build/fuzz/work
seeds="$work/seeds"
rm -rf "$seeds" && mkdir -p "$seeds/loader" "$seeds/link" "$seeds/navigator" "$seeds/app" "$seeds/number"
python3 tests/bad/make_corpus.py "$work/bad" >/dev/null   # the bad corpus, as the tests write it
cp data/*.json tests/data/*.json "$work"/bad/*.json "$seeds/loader/"
python3 - "$seeds" data/metallic-rouge.json <<'PY'
import json, os, random, sys
seeds, story = sys.argv[1], json.load(open(sys.argv[2], encoding='utf-8'))
steps = [s['id'] for s in story['steps']] + [a for s in story['steps'] for a in s.get('aliases', [])]
entities = [e['id'] for e in story['entities']]
for i, step in enumerate(steps):
    with open(os.path.join(seeds, 'link', f'{i}'), 'w') as f:
        f.write(f'#/{step}' + (f'/{entities[i % len(entities)]}' if i % 2 else ''))
rng = random.Random(7)
for i in range(16):
    with open(os.path.join(seeds, 'navigator', f'{i}'), 'wb') as f:
        f.write(bytes(rng.randrange(256) for _ in range(2 * rng.randrange(4, 64))))
# The app: each text call (query, filter, link, ids) with text of every kind.
texts = [s.encode() for s in steps[:6] + entities[:6]] + ['日本'.encode() * 14, '\u202e'.encode() * 9, b'kind:character', b'members:neans']
for i, t in enumerate(texts):
    with open(os.path.join(seeds, 'app', f'{i}'), 'wb') as f:
        f.write(bytes([i % 5, len(t)]) + t + bytes([5, 13, 40, 0, 2]) + t[:2])
PY
shopt -s nullglob
status=0
# Numbers: texts strtod finds hard (ties, long digit runs, the limits) and doubles' bits.
for n in 0 1.5 -0.0e-0 2.4703282292062327e-324 1.7976931348623158e308 9007199254740993 \
         0.1000000000000000055511151231257827 7.0064923216240854e-46 3.4028235677973366e38 \
         ' +.5e+3x' inf -Infinity 'nan(x)' 1e400 123456789012345678901234567890e-50; do
  printf '%s' "$n" > "$seeds/number/$(printf '%s' "$n" | md5sum | cut -c1-8)"
done
for t in loader link navigator app number; do
  exe="$bin/fuzz_$t"
  regressions=(tests/fuzz/regressions/$t/*)
  if [ ${#regressions[@]} -gt 0 ]; then
    if ! "$exe" "${regressions[@]}" > "$work/$t-regressions.log" 2>&1; then
      echo "fuzz_$t: a regression input fails again:"; tail -40 "$work/$t-regressions.log"; exit 1
    fi
  fi
  corpus="$work/corpus-$t"
  mkdir -p "$corpus"
  extra=()
  [ "$t" = loader ] && extra=(-dict=tests/fuzz/story.dict)
  [ "$t" = navigator ] && extra=(-max_len=4096)
  [ "$t" = app ] && extra=(-max_len=2048)
  [ "$t" = number ] && extra=(-max_len=1024)
  if "$exe" "${extra[@]}" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$work/findings-$t-" "$corpus" "$seeds/$t" > "$work/$t.log" 2>&1; then
    execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$work/$t.log")
    cov=$(grep -o 'cov: [0-9]*' "$work/$t.log" | tail -1 | awk '{print $2}')
    echo "fuzz_$t: ${execs} executions in ${secs} s, coverage ${cov} edges, ${#regressions[@]} regression inputs, no finding"
  else
    echo "fuzz_$t: FINDING"; grep -v '^#' "$work/$t.log" | tail -60; status=1
  fi
done
exit $status
