#!/usr/bin/env bash
# The Debian package as a user gets it: installs it with apt-get (which pulls in what
# dpkg-shlibdeps computed), runs the installed /usr/bin/threadlab (--version, --list, headless
# runs with exports in the model and the CPython engine, a lesson file as its argument), checks
# the desktop entry, metainfo, icons and man page, and that a *.threadlab.json file is of
# ThreadLab's MIME type and opens in ThreadLab (MIME and desktop databases, xdg-mime), then
# removes it and checks that nothing of it is left.
# Usage: tests/package/check-package.sh PATH/threadlab_VERSION_ARCH.deb   (make package-check)
# Needs root or password-less sudo; refuses to touch a threadlab package installed beforehand.
set -euo pipefail

fail() { echo "check-package: $*" >&2; exit 1; }
step() { echo "check-package: $*"; }

[ $# -eq 1 ] || { echo "usage: $0 PATH/threadlab_VERSION_ARCH.deb" >&2; exit 2; }
deb="$(realpath -e "$1" 2>/dev/null)" || fail "$1: no such package file"

if [ "$(id -u)" = 0 ]; then SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo)
else fail "installing the package needs root or password-less sudo; run it as root (sudo make package-check)"
fi
if dpkg-query -W -f='${Status}' threadlab 2>/dev/null | grep -q "install ok installed"; then
    fail "a threadlab package is already installed here; remove it first (sudo apt-get remove threadlab): this test installs and removes its own"
fi

work="$(mktemp -d)"
installed=0
cleanup() {
    if [ "$installed" = 1 ]; then
        echo "check-package: removing the package after a failure" >&2
        DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get remove --purge -y -qq threadlab >/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

version="$(dpkg-deb -f "$deb" Version)"
release="$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$(dirname "$0")/../../resources/io.github.threadlab.metainfo.xml" | head -n1)"
[ "$release" = "$version" ] || fail "the metainfo's newest release is \"$release\", the package's version \"$version\""
dpkg-deb -f "$deb" Depends | grep -q "libqt6core6" || fail "Depends does not name Qt (not computed by dpkg-shlibdeps?): $(dpkg-deb -f "$deb" Depends)"
dpkg-deb -f "$deb" Recommends | grep -qw python3 || fail "python3 is not recommended"

step "installing $deb"
installed=1
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; fail "apt-get could not install $deb"; }
dpkg -L threadlab | sort >"$work/files"

for f in /usr/bin/threadlab /usr/bin/threadlab-worker \
         /usr/share/threadlab/python/threadlab_runtime.py /usr/share/threadlab/python/threadlab_calibrate.py \
         /usr/share/applications/threadlab.desktop /usr/share/metainfo/io.github.threadlab.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/threadlab.svg /usr/share/icons/hicolor/256x256/apps/threadlab.png \
         /usr/share/mime/packages/threadlab-scenario.xml /usr/share/man/man1/threadlab.1.gz; do
    grep -qx "$f" "$work/files" || fail "the package does not install $f"
done
file -b /usr/share/icons/hicolor/256x256/apps/threadlab.png | grep -q "PNG image data, 256 x 256" \
    || fail "the 256 px icon is not a 256x256 PNG"
zcat /usr/share/man/man1/threadlab.1.gz | grep -qF 'export\-trace' || fail "the man page does not list the options"
appstreamcli validate --no-net /usr/share/metainfo/io.github.threadlab.metainfo.xml >"$work/as.log" 2>&1 \
    || { cat "$work/as.log" >&2; fail "appstreamcli rejects the installed metainfo"; }
desktop-file-validate /usr/share/applications/threadlab.desktop || fail "the desktop entry is not valid"

# The installed program, run by a user with a home of its own (its cache goes there).
export HOME="$work/home"
mkdir -p "$HOME"
unset XDG_CACHE_HOME QT_QPA_PLATFORM
step "running /usr/bin/threadlab"
/usr/bin/threadlab --version | grep -qF "$version" || fail "threadlab --version does not say $version"
/usr/bin/threadlab --list >"$work/list"
grep -q "^io-bound	" "$work/list" || fail "threadlab --list does not list io-bound"
/usr/bin/threadlab --run io-bound --time-scale 0.05 --results "$work/model.json" --export-png "$work/model.png" \
    >"$work/model.out" || fail "the headless model run of io-bound failed (exit $?)"
/usr/bin/threadlab --run io-bound --engine cpython --time-scale 0.1 --results "$work/cpython.json" \
    >"$work/cpython.out" || fail "the headless CPython run of io-bound failed (exit $?): is the runtime found under /usr/share/threadlab/python?"
python3 - "$work/model.json" "$work/cpython.json" <<'PY' || fail "the results files are not what they should be"
import json, sys
for path, engine in zip(sys.argv[1:], ("model", "cpython")):
    with open(path) as f:
        results = json.load(f)
    variants = results["variants"]
    assert results["scenario"] == "io-bound", path
    # A model run's results keep their form (no engine key); a CPython run names its engine.
    assert variants and all(v["elapsed_ms"] > 0 and v.get("engine", "model") == engine for v in variants), path
assert "version" in results["python"], "the CPython run does not say which Python ran it"
PY
file -b "$work/model.png" | grep -q "PNG image data" || fail "the exported chart is not a PNG"
# A lesson file opens in ThreadLab: it loads, and as the only argument (as a desktop passes it)
# the window opens with it (offscreen, closed after its first paint).
cp "$(dirname "$0")/../data/valid/minimal.json" "$work/lesson.threadlab.json"
/usr/bin/threadlab --scenario-file "$work/lesson.threadlab.json" --list | grep -q . \
    || fail "threadlab --scenario-file FILE --list failed"
# The window logs a file it refuses ("refused scenario file: …"): none here.
QT_QPA_PLATFORM=offscreen THREADLAB_QUIT_AFTER_FIRST_PAINT=1 timeout 60 /usr/bin/threadlab "$work/lesson.threadlab.json" \
    >"$work/window.log" 2>&1 || { cat "$work/window.log" >&2; fail "threadlab FILE did not open the window"; }
if grep -q "refused scenario file" "$work/window.log"; then
    cat "$work/window.log" >&2
    fail "the window refused $work/lesson.threadlab.json"
fi

# Double-click: dpkg's triggers have put the type into the MIME database and ThreadLab into the
# desktop database as the program for it.
grep -qx "application/x-threadlab-scenario:\*\.threadlab\.json" <(cut -d: -f2- /usr/share/mime/globs2) \
    || fail "the MIME database does not know *.threadlab.json (update-mime-database did not run?)"
grep -q "^application/x-threadlab-scenario=.*threadlab\.desktop" /usr/share/applications/mimeinfo.cache \
    || fail "the desktop database does not open application/x-threadlab-scenario with threadlab.desktop"
# What a file manager asks (xdg-utils, with libfile-mimeinfo-perl's mimetype reading the database).
type="$(xdg-mime query filetype "$work/lesson.threadlab.json")"
[ "$type" = application/x-threadlab-scenario ] || fail "xdg-mime gives $work/lesson.threadlab.json the type \"$type\""
opener="$(xdg-mime query default application/x-threadlab-scenario)"
[ "$opener" = threadlab.desktop ] || fail "xdg-mime opens application/x-threadlab-scenario with \"$opener\""

step "removing the package"
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get remove --purge -y -qq threadlab >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; fail "apt-get could not remove threadlab"; }
installed=0
left=""
while IFS= read -r f; do
    [ -d "$f" ] && continue # folders shared with other packages (/usr/bin, /usr/share/…)
    if [ -e "$f" ] || [ -L "$f" ]; then left="$left $f"; fi
done <"$work/files"
[ -z "$left" ] || fail "left behind after removal:$left"
[ ! -e /usr/share/threadlab ] || fail "/usr/share/threadlab is left behind after removal"
! grep -q "threadlab-scenario" /usr/share/mime/globs2 || fail "the MIME type is still known after removal"
step "installed, ran and removed $(basename "$deb")"
