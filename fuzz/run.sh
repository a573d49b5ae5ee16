#!/bin/sh
# Fuzzes one importer from the kept corpus, then merges what it found back into a minimal
# corpus in tests/data/io/fuzzcorpus/<importer>/ (replayed by tests/io/fuzzcorpus_test.cpp).
#   fuzz/run.sh <csv|graphml|kumu|loopy|vensim|xmile|native|dot|gexf|ballots|round> [seconds]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
target=$1
seconds=${2:-120}
kept="$root/tests/data/io/fuzzcorpus/$target"
work="$here/build/corpus-$target"
mkdir -p "$work" "$here/build/crashes-$target"
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
"$here/build/fuzz_$target" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
  -dict="$here/dicts/$target.dict" -artifact_prefix="$here/build/crashes-$target/" \
  -print_final_stats=1 "$work" "$kept" 2>&1 | tail -n 12
# Keep the smallest set of inputs that covers what all of them cover.
merged="$here/build/merged-$target"
rm -rf "$merged" && mkdir -p "$merged"
"$here/build/fuzz_$target" -merge=1 -max_len=8192 "$merged" "$kept" "$work" 2>&1 | tail -n 1
rm -rf "$kept" && mv "$merged" "$kept"
