#!/usr/bin/env bash
# Builds the Debian packages zenovay-server and zenovay-admin (with their -dbgsym debug
# symbols) from this checkout's files, and judges them: lintian must report no error and
# no warning, and appstreamcli must accept the app's AppStream metadata.
#
# Usage: scripts/package.sh [OUTDIR]        (default OUTDIR: build/packages)
# Installs what it needs first (scripts/deps.sh package). The packages are built by
# debhelper from packaging/debian/ in a copy of the tracked (and new, not ignored) files
# under build/package-src/, so the checkout itself is never touched.
# Install: apt install ./build/packages/zenovay-server_*.deb   (docs/operations.md)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${1:-build/packages}
[[ $out == /* ]] || out=$root/$out

scripts/deps.sh package

version=$(sed -n 's/^project(zenovay VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
changelog_version=$(dpkg-parsechangelog -l packaging/debian/changelog -S Version)
if [[ $version != "$changelog_version" ]]; then
    echo "scripts/package.sh: CMakeLists.txt says version $version, packaging/debian/changelog $changelog_version:" \
        "add a changelog entry (dch -v $version)" >&2
    exit 1
fi

if [[ -n $(git status --porcelain --untracked-files=no) ]]; then
    echo "scripts/package.sh: note: building from uncommitted changes (the packages say version $version all the same)" >&2
fi
work=$root/build/package-src
src=$work/zenovay-$version
rm -rf "$work"
mkdir -p "$src" "$out"
# Packages of earlier builds (any version) go, so OUTDIR holds exactly this build's.
rm -f "$out"/zenovay*.deb "$out"/zenovay*.ddeb "$out"/zenovay*.buildinfo "$out"/zenovay*.changes
# The tracked files as they are in the working tree (deleted ones left out), and new
# files that are not ignored.
git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [[ -e $f ]] && printf '%s\0' "$f"; done |
    tar --null -T - -c | tar -x -C "$src"
cp -r packaging/debian "$src/debian"
# dh_installsystemd takes the units from debian/ (PACKAGE.service, PACKAGE.NAME.unit).
cp packaging/systemd/zenovay-server.service "$src/debian/zenovay-server.service"
cp packaging/systemd/zenovay-backup.service "$src/debian/zenovay-server.zenovay-backup.service"
cp packaging/systemd/zenovay-backup.timer "$src/debian/zenovay-server.zenovay-backup.timer"

if command -v ccache >/dev/null; then # unchanged files are not compiled again
    export CMAKE_C_COMPILER_LAUNCHER=${CMAKE_C_COMPILER_LAUNCHER:-ccache}
    export CMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER:-ccache}
    export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$src} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
fi
log=$out/build.log
echo "== dpkg-buildpackage (log: $log)"
if ! (cd "$src" && DEB_BUILD_OPTIONS="parallel=$(nproc) ${DEB_BUILD_OPTIONS:-}" dpkg-buildpackage -b -us -uc) \
    >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "scripts/package.sh: the package build failed; the whole log is $log" >&2
    exit 1
fi

for f in "$work"/zenovay*_"$version"_*; do
    mv "$f" "$out/"
done
rm -rf "$work"

debs=("$out"/zenovay-server_"$version"_*.deb "$out"/zenovay-admin_"$version"_*.deb)
echo "== lintian"
lintian --fail-on error,warning --info "${debs[@]}"
echo "== appstreamcli"
meta=$(mktemp -d)
trap 'rm -rf "$meta"' EXIT
dpkg-deb -x "$out"/zenovay-admin_"$version"_*.deb "$meta"
appstreamcli validate --no-net "$meta"/usr/share/metainfo/com.zenovay.Admin.metainfo.xml
echo "== packages"
ls -l "$out"/zenovay*_"$version"_*
