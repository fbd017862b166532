#!/usr/bin/env bash
# Checks of the source tree's shape that anyone can run (ctest runs them as check_structure):
#  1. the Qt-free libraries (core/tasks, core/wire) include no Qt header and nothing from the
#     Qt libraries' folders, so threadlab-worker stays a plain C++ program;
#  2. no function in app/, core/ or ui/ is longer than MAX_FUNCTION_LINES (100) lines, by
#     Universal Ctags' start and end lines.
# Usage: tests/structure/check-structure.sh [SOURCE_DIR]
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/../.." && pwd)}"
max="${MAX_FUNCTION_LINES:-100}"
cd "$root"
status=0

# 1. What the Qt-free libraries may include: the C++ library and each other.
qtfree_dirs=(core/tasks core/wire)
while IFS= read -r hit; do
    echo "check-structure: $hit: a Qt-free library includes a Qt header"
    status=1
done < <(grep -rnE '^\s*#\s*include\s*<Q[A-Za-z]*' "${qtfree_dirs[@]}" || true)
while IFS= read -r hit; do
    echo "check-structure: $hit: a Qt-free library includes a header from outside core/tasks and core/wire"
    status=1
done < <(grep -rnE '^\s*#\s*include\s*"' "${qtfree_dirs[@]}" | grep -vE '#\s*include\s*"(tasks|wire)/' || true)

# 2. Function lengths.
if ! command -v ctags >/dev/null || ! ctags --version 2>/dev/null | grep -q 'Universal Ctags'; then
    echo "check-structure: Universal Ctags is needed (Debian package universal-ctags)"
    exit 2
fi
while IFS=$'\t' read -r name file rest; do
    line=$(grep -oE 'line:[0-9]+' <<<"$rest" | cut -d: -f2)
    end=$(grep -oE 'end:[0-9]+' <<<"$rest" | cut -d: -f2 || true)
    [ -n "$line" ] && [ -n "$end" ] || continue
    length=$((end - line + 1))
    if [ "$length" -gt "$max" ]; then
        echo "check-structure: $file:$line: $name is $length lines long (at most $max)"
        status=1
    fi
done < <(ctags -R --languages=C++ --kinds-C++=f --fields=+ne -o - app core ui 2>/dev/null)

if [ "$status" -eq 0 ]; then
    echo "check-structure: the Qt-free libraries include no Qt; no function is longer than $max lines"
fi
exit "$status"
