#!/usr/bin/env bash
# Runs the libFuzzer targets of a fuzz build tree (see tests/fuzz/CMakeLists.txt), one after the
# other, each for SECONDS:
#   tests/fuzz/run-fuzzers.sh BUILD_DIR [SECONDS] [TARGET...]
# TARGET is wiredecoder, wiredemux, scenarioloader or workerjob (default: all four).
# Each fuzzer works on a scratch copy of its seeds under BUILD_DIR/fuzz-run/<target>/, so the
# inputs it finds never land in the repository. The seeds are those the corpus replays read (see
# tests/fuzz/CMakeLists.txt): corpus/<target>/, and for scenarioloader also tests/data/malformed,
# tests/data/valid and resources/scenarios. Prints what each one did; exits non-zero if
# any of them found a crash, a leak, a timeout or a broken invariant. Its inputs stay in
# BUILD_DIR/fuzz-run/<target>/artifacts/: copy them to tests/fuzz/findings/ and report them.
set -euo pipefail

usage() {
    echo "usage: $0 BUILD_DIR [SECONDS] [wiredecoder|wiredemux|scenarioloader|workerjob ...]" >&2
    exit 2
}

[[ $# -ge 1 ]] || usage
build=$(cd "$1" && pwd)
seconds=${2:-60}
[[ $seconds =~ ^[0-9]+$ && $seconds -gt 0 ]] || usage
shift $(($# >= 2 ? 2 : 1))
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(wiredecoder wiredemux scenarioloader workerjob)

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)

# The folders whose files seed a target (those that exist).
seed_dirs_for() {
    local dirs=("$here/corpus/$1")
    if [[ $1 == scenarioloader ]]; then
        dirs+=("$source_dir/tests/data/malformed" "$source_dir/tests/data/valid" "$source_dir/resources/scenarios")
    fi
    local d
    for d in "${dirs[@]}"; do
        [[ -d $d ]] && echo "$d"
    done
    return 0
}

# Longest input per target: well past the decoder's 32 KiB line limit (so it is exercised), and
# 64 KiB for scenario files (real ones are 3–5 KiB; the 1 MiB file limit is tested elsewhere).
# FUZZ_MAX_LEN overrides it for every target run, e.g. FUZZ_MAX_LEN=32768 keeps the decoder's
# lines within its limit while a finding about longer lines is still open.
max_len_for() {
    if [[ -n ${FUZZ_MAX_LEN:-} ]]; then
        echo "$FUZZ_MAX_LEN"
        return
    fi
    case $1 in
    wiredecoder | wiredemux) echo 98304 ;;
    scenarioloader) echo 65536 ;;
    workerjob) echo 16384 ;;
    *) echo "unknown target: $1" >&2; usage ;;
    esac
}

find_binary() {
    local candidate
    for candidate in "$build/bin/fuzz_$1" "$build/tests/fuzz/fuzz_$1" "$build/fuzz/fuzz_$1"; do
        if [[ -x $candidate ]]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

# UBSan only reports and carries on unless told to stop; libFuzzer must see it as a crash.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1}
export QT_QPA_PLATFORM=offscreen

failed=0
for target in "${targets[@]}"; do
    max_len=$(max_len_for "$target")
    if ! binary=$(find_binary "$target"); then
        echo "$target: no fuzz_$target in $build (configure with -DTHREADLAB_FUZZ=ON and clang++)" >&2
        failed=1
        continue
    fi
    run="$build/fuzz-run/$target"
    rm -rf "$run"
    mkdir -p "$run/corpus" "$run/artifacts"
    while IFS= read -r dir; do
        find "$dir" -maxdepth 1 -type f -exec cp -t "$run/corpus/" {} +
    done < <(seed_dirs_for "$target")
    log="$run/fuzz.log"

    seeds=$(find "$run/corpus" -type f | wc -l)
    echo "== $target: ${seconds}s, max_len $max_len, $seeds seeds"
    status=0
    "$binary" "$run/corpus" \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=25 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$run/artifacts/" >"$log" 2>&1 || status=$?

    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    last=$(grep -E '^#[0-9]+' "$log" | grep 'cov:' | tail -n 1 || true)
    artifacts=$(find "$run/artifacts" -type f -printf '%f\n' | sort)
    echo "   runs: ${execs:-?}"
    echo "   last: ${last:-(no status line)}"
    if [[ $status -ne 0 || -n $artifacts ]]; then
        failed=1
        echo "   FOUND SOMETHING (exit status $status); log: $log"
        for a in $artifacts; do
            echo "   artifact: $run/artifacts/$a"
        done
        grep -E 'ERROR: |SUMMARY: |runtime error: |deadly signal' "$log" | head -n 5 | sed 's/^/   /' || true
    else
        echo "   nothing found"
    fi
done
exit "$failed"
