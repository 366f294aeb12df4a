#!/usr/bin/env bash
# Installs the Debian packages Zenovay needs that are not installed yet.
# Usage: scripts/deps.sh [build|test|run|bench|fuzz|package]   (as root, or with sudo available)
set -euo pipefail

profile=${1:-build}
packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev qtkeychain-qt6-dev
    libqt6sql6-sqlite qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools libgl-dev
    libqt6opengl6-dev libicu-dev libsodium-dev libsystemd-dev libmaxminddb-dev
)
if [[ $profile == test ]]; then
    # nodejs: tests/seed; chromium: the browser test (tests/browser);
    # fonts: the offscreen GUI tests and screenshots render text; iproute2: the IPv6 sign-in
    # test sets up addresses in a private network namespace (tests/server/in_ipv6_namespace.sh).
    # nginx-light, caddy, openssl: the reverse-proxy test runs docs/deploy/ in front of a
    # server (tests/server/tst_reverseproxy.cpp). systemd: systemd-analyze judges the
    # shipped units (tests/packaging/systemd_units.sh).
    # qt6-translations-l10n: Qt's own texts in German (tests/ui/tst_translations.cpp).
    # libmaxmind-db-writer-perl: the tests write a small country database
    # (tests/support/write_country_db.pl) instead of downloading one.
    packages+=(nodejs curl chromium fonts-dejavu-core iproute2 nginx-light caddy openssl systemd
        qt6-translations-l10n libmaxmind-db-writer-perl)
fi
if [[ $profile == fuzz ]]; then
    # scripts/fuzz.sh: clang with libFuzzer and the sanitizer runtimes (libclang-rt-16-dev
    # is only recommended by clang-16, so --no-install-recommends would leave it out), and
    # llvm-16 for llvm-symbolizer (crash reports with file:line).
    packages+=(clang-16 libclang-rt-16-dev llvm-16)
fi
if [[ $profile == package ]]; then
    # scripts/package.sh: debhelper builds the .debs, lintian and appstreamcli judge them.
    packages+=(debhelper dpkg-dev fakeroot lintian appstream)
fi
if [[ $profile == run ]]; then
    # the desktop app's platform plugins (X11/Wayland), a font, and Qt's own texts in
    # the user's language
    packages+=(qt6-qpa-plugins fonts-dejavu-core qt6-translations-l10n)
fi
if [[ $profile == bench ]]; then
    # bench/run.sh: load generator, the nginx ceiling, micro-benchmarks, the raw SQLite
    # ceiling (C API), curl for the analytics timings, sqlite3 for the GROUP BY baseline.
    packages+=(wrk nginx-light libbenchmark-dev libsqlite3-dev sqlite3 curl procps valgrind)
fi

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "zenovay: installing missing Debian packages: ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then
        sudo_cmd=(sudo)
    else
        echo "zenovay: need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
