#!/usr/bin/env bash
# Installs the built packages into a pristine Debian 12 root with apt, the way a user
# does (apt-get install ./zenovay-server_*.deb ./zenovay-admin_*.deb, dependencies from
# the Debian archive), then runs tests/packaging/installed_check.sh there, with only
# loopback networking. Uses ../shared/tools/fresh-machine.sh beside the project (root).
#
# Usage: tests/packaging/fresh_install.sh [DEBDIR]   (default build/packages, from
#        scripts/package.sh). The project's committed HEAD supplies the check script.
set -euo pipefail
cd "$(dirname "$0")/../.."
debs=${1:-build/packages}
fresh=${FRESH_MACHINE:-../shared/tools/fresh-machine.sh}
[[ -x $fresh ]] || { echo "fresh_install.sh: $fresh not found" >&2; exit 2; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$debs"/zenovay-server_*.deb "$debs"/zenovay-admin_*.deb "$stage"/
FRESH_NETNS=1 FRESH_TIMEOUT=${FRESH_TIMEOUT:-900} \
    FRESH_PREPARE='export DEBIAN_FRONTEND=noninteractive; apt-get update -qq &&
        apt-get install -y -qq --no-install-recommends /root/shared/zenovay-server_*.deb /root/shared/zenovay-admin_*.deb' \
    "$fresh" . "$stage" bash tests/packaging/installed_check.sh
