#!/bin/sh
# Builds the importer fuzzers (clang + libFuzzer, ASan + UBSan) into fuzz/build/. Optional: not
# part of the CMake build or scripts/test. Needs clang and libclang-rt-14-dev (libFuzzer).
#   fuzz/build.sh                      build all (FUZZ_TARGETS="gexf dot" fuzz/build.sh: some)
#   fuzz/run.sh kumu 120               fuzz one importer for 120 s (see run.sh)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/build"
mkdir -p "$out/obj"
flags="-std=c++20 -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -I$root $(pkg-config --cflags harfbuzz freetype2 fontconfig)"
# The library once, instrumented for coverage, then one small harness object per importer.
sources="$root/model/*.cpp $root/io/csv.cpp $root/io/importutil.cpp $root/io/importcsv.cpp \
  $root/io/importgraphml.cpp $root/io/importgexf.cpp $root/io/importkumu.cpp $root/io/ballots.cpp $root/io/importloopy.cpp \
  $root/io/importvensim.cpp $root/io/vensimequations.cpp $root/io/equationsign.cpp $root/io/equationlexer.cpp $root/io/vensimsketch.cpp $root/io/importxmile.cpp \
  $root/io/mapfile.cpp $root/io/mapreader.cpp $root/io/mapdata.cpp $root/io/mapstories.cpp $root/io/fileutil.cpp $root/io/platform_posix.cpp \
  $root/io/importdot.cpp $root/layout/dotgraph.cpp $root/layout/graphviz.cpp \
  $root/layout/textmetrics.cpp $root/layout/fontshaper.cpp"
objs=""
for src in $sources; do
  obj="$out/obj/$(basename "$(dirname "$src")")_$(basename "$src" .cpp).o"
  # Rebuild when the source or any project header changed: a stale object with an old struct
  # layout shows up as a bogus memory error.
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ -n "$(find "$root/model" "$root/io" "$root/layout" -name '*.h' -newer "$obj" | head -n 1)" ]; then
    clang++ $flags -fsanitize=fuzzer-no-link -c "$src" -o "$obj"
  fi
  objs="$objs $obj"
done
for target in ${FUZZ_TARGETS:-csv graphml kumu loopy vensim xmile native dot gexf ballots round}; do
  upper=$(echo "$target" | tr a-z A-Z)
  clang++ $flags -fsanitize=fuzzer -DFUZZ_$upper "$here/fuzz_importer.cpp" $objs -lpugixml $(pkg-config --libs libcgraph libgvc harfbuzz freetype2 fontconfig) \
    -o "$out/fuzz_$target"
done
echo "built: $(ls "$out" | grep fuzz_ | tr '\n' ' ')"
