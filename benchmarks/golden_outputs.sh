#!/usr/bin/env bash
# Write the outputs of every command on the seed plan and its scenarios to a folder, so that a
# refactoring can be proven byte for byte: run it before and after, then `diff -r BEFORE AFTER`.
# Usage: benchmarks/golden_outputs.sh OUTDIR   (planner on PATH; ~1 minute)
set -u
out=${1:?usage: golden_outputs.sh OUTDIR}
mkdir -p "$out"
cd "$(dirname "$0")/.."
p=plans/ssiks_it.yaml
run() { local name=$1; shift; planner "$@" >"$out/$name.out" 2>"$out/$name.err"; echo "$?" >"$out/$name.rc"; }
for lang in en nb; do
  run schedule-table-$lang schedule $p --lang $lang
  run schedule-json-$lang schedule $p --format json --lang $lang
  run schedule-csv-$lang schedule $p --format csv --lang $lang
  run whatif-md-$lang whatif $p scenarios/*.yaml --format md --lang $lang
  run whatif-table-$lang whatif $p scenarios/*.yaml --lang $lang
  run explain-17-$lang explain $p 17 --lang $lang
  run explain-44-$lang explain $p 44 --lang $lang
done
run whatif-json whatif $p scenarios/*.yaml --format json
run whatif-set whatif $p --set 16.duration=60 --format md
run validate validate $p
run schedule-scenario schedule $p --scenario scenarios/slow_recruitment.yaml --format json
run export export $p -o "$out/export.xml"
run import import "$out/export.xml" -o "$out/imported.yaml"
for ext in png svg pdf; do
  run gantt-$ext gantt $p -o "$out/gantt.$ext"
  run gantt-links-$ext gantt $p --links -o "$out/gantt-links.$ext"
  run gantt-scen-$ext gantt $p --scenario scenarios/slow_recruitment.yaml -o "$out/gantt-scen.$ext"
done

run gantt-en gantt $p --lang en --status-date 2023-10-31 -o "$out/gantt-en.png"
run load load $p
run load-json load $p --format json
run load-png load $p -o "$out/load"
run level level $p --time-limit 5 --workers 1 -o "$out/levelled.yaml"
run level-json level $p --time-limit 5 --workers 1 --format json
run schedule-levelled schedule "$out/levelled.yaml" --format json
run gantt-levelled gantt "$out/levelled.yaml" -o "$out/gantt-levelled.png"
run export-levelled export "$out/levelled.yaml" -o "$out/export-levelled.xml"
run load-levelled load "$out/levelled.yaml"
# error paths
printf 'project: {name: x, start: 2023-01-02}\ntasks:\n  - {id: 1, name: a, duration: 2, predecessors: [9]}\n' >"$out/bad.yaml"
run bad-validate validate "$out/bad.yaml"
run bad-schedule schedule "$out/bad.yaml"
# the paths of the folder are in some outputs; make them relative
sed -i "s#$out#OUT#g" "$out"/*.out "$out"/*.err 2>/dev/null
ls "$out" | wc -l
