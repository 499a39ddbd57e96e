#!/usr/bin/env bash
# Builds one libFuzzer target with swiftc -sanitize=fuzzer,address and runs it.
#
#   scripts/fuzz.sh TARGET [SECONDS]     TARGET: wire | markdown | charts (default 30 s)
#
# The modules a target needs are compiled from Sources/ into .build-fuzz/ (not through
# SwiftPM, which cannot add the fuzzer runtime to a library): wire = ArtifactaCore,
# charts = ArtifactaCore + ArtifactaCharts, markdown = the Notebooks files of ArtifactaSite
# with the system cmark-gfm. Seeds come from Fuzz/corpus/TARGET; inputs the fuzzer finds
# go to .build-fuzz/corpus/TARGET, crashes to .build-fuzz/crashes/. Prints libFuzzer's
# final stats; exits non-zero when a crash was found.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh wire|markdown|charts [SECONDS]}
seconds=${2:-30}
out=.build-fuzz
mkdir -p "$out/modules" "$out/corpus/$target" "$out/crashes"
flags=(-O -g -parse-as-library -sanitize=fuzzer,address -swift-version 6 -I "$out/modules")

# Compiles a module of the package into an object file, when its sources changed.
module() {
    local name=$1; shift
    local object="$out/$name.o"
    if [ ! -f "$object" ] || [ -n "$(find "$@" -newer "$object" -print -quit)" ]; then
        echo "compiling $name" >&2
        swiftc "${flags[@]}" -wmo -c -module-name "$name" -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
            $(find "$@" -name '*.swift' | sort) -o "$object"
    fi
}

binary="$out/fuzz-$target"
case "$target" in
    wire)
        module ArtifactaCore Sources/ArtifactaCore
        swiftc "${flags[@]}" -module-name FuzzWire Fuzz/wire.swift "$out/ArtifactaCore.o" -o "$binary"
        ;;
    charts)
        module ArtifactaCore Sources/ArtifactaCore
        module ArtifactaCharts Sources/ArtifactaCharts
        swiftc "${flags[@]}" -module-name FuzzCharts Fuzz/charts.swift Fuzz/MarkupCheck.swift \
            "$out/ArtifactaCore.o" "$out/ArtifactaCharts.o" -o "$binary"
        ;;
    markdown)
        # The renderer escapes text with the charts' XMLText, so that module comes along.
        module ArtifactaCore Sources/ArtifactaCore
        module ArtifactaCharts Sources/ArtifactaCharts
        notebooks=Sources/ArtifactaSite/Notebooks
        swiftc "${flags[@]}" -module-name FuzzMarkdown -I Sources/CCmarkGFM Fuzz/markdown.swift Fuzz/MarkupCheck.swift \
            "$notebooks"/MarkdownRenderer.swift "$notebooks"/MathExtractor.swift "$notebooks"/TeXToMathML.swift \
            "$notebooks"/TeXTokenizer.swift "$notebooks"/TeXSymbols.swift "$notebooks"/MathAlphabet.swift \
            "$out/ArtifactaCore.o" "$out/ArtifactaCharts.o" -lcmark-gfm -lcmark-gfm-extensions -o "$binary"
        ;;
    *) echo "unknown fuzz target $target (wire, markdown, charts)" >&2; exit 2 ;;
esac

echo "fuzzing $target for ${seconds}s" >&2
exec "$binary" -max_total_time="$seconds" -print_final_stats=1 -max_len=8192 -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$out/crashes/$target-" "$out/corpus/$target" "Fuzz/corpus/$target"
