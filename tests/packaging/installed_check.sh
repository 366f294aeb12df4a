#!/usr/bin/env bash
# Runs inside a machine where the zenovay-server and zenovay-admin packages were just
# installed with apt (tests/packaging/fresh_install.sh runs it in a pristine Debian 12
# root): what the packages put there, and a server started as the service starts it,
# answering /healthz, backing up and checking its data, and stopping cleanly.
set -euo pipefail
fail() { echo "installed_check: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "installed"
for p in zenovay-server zenovay-admin libqt6sql6-sqlite; do
    dpkg-query -W -f='${Package} ${Version} ${Status}\n' "$p" | grep -q "install ok installed" || fail "$p not installed"
done
version=$(zenovay-server --version) || fail "zenovay-server --version exited $?"
echo "$version"
want="zenovay $(dpkg-query -W -f='${Version}' zenovay-server)"
[[ $version == "$want" ]] || fail "zenovay-server --version said '$version', not '$want'"
admin_version=$(QT_QPA_PLATFORM=offscreen zenovay-admin --version 2>/dev/null) || fail "zenovay-admin --version failed"
echo "$admin_version"

step "files"
for f in /etc/zenovay/zenovay.ini /lib/systemd/system/zenovay-server.service \
    /lib/systemd/system/zenovay-backup.service /lib/systemd/system/zenovay-backup.timer \
    /usr/share/man/man1/zenovay-server.1.gz /usr/share/man/man1/zenovay-admin.1.gz \
    /usr/share/doc/zenovay-server/operations.md /usr/share/doc/zenovay-server/copyright \
    /usr/share/applications/com.zenovay.Admin.desktop \
    /usr/share/metainfo/com.zenovay.Admin.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/com.zenovay.Admin.svg \
    /usr/share/icons/hicolor/256x256/apps/com.zenovay.Admin.png; do
    [[ -s $f ]] || fail "$f missing"
done
grep -qx /etc/zenovay/zenovay.ini /var/lib/dpkg/info/zenovay-server.conffiles || fail "zenovay.ini is not a conffile"
# The maintainer scripts enabled the service (systemd is not running here, so nothing
# was started) and left the backup timer for the administrator to enable.
[[ -L /etc/systemd/system/multi-user.target.wants/zenovay-server.service ]] || fail "zenovay-server.service not enabled"
[[ ! -e /etc/systemd/system/timers.target.wants/zenovay-backup.timer ]] || fail "the backup timer was enabled"
# The server package pulls in no GUI libraries.
if ldd /usr/bin/zenovay-server | grep -E 'Widgets|Gui|Charts|keychain'; then fail "zenovay-server links GUI libraries"; fi
file_type=$(od -An -c -N4 /usr/bin/zenovay-server | tr -d ' ')
[[ $file_type == *ELF* ]] || fail "zenovay-server is not an ELF binary"

step "the commands find the service's data directory through its configuration"
status=0
out=$(zenovay-server check --config /etc/zenovay/zenovay.ini 2>&1) || status=$?
echo "$out"
# Nothing has run as the service here, so there is no database yet: NOT FOUND, exit 1,
# for /var/lib/zenovay (not the calling user's own folder).
[[ $status -eq 1 && $out == *"NOT FOUND"*"/var/lib/zenovay"* ]] || fail "check --config did not look in /var/lib/zenovay"

step "a server as the service runs it (its configuration, an unprivileged user)"
data=/tmp/zenovay-data
mkdir -p "$data" && chown nobody:nogroup "$data"
setpriv --reuid=nobody --regid=nogroup --clear-groups \
    zenovay-server --config /etc/zenovay/zenovay.ini --data-dir "$data" >/tmp/server.log 2>&1 &
pid=$!
for _ in $(seq 100); do
    grep -q "serving" /tmp/server.log && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
done
cat /tmp/server.log
grep -q 'serving "http://127.0.0.1:8080"' /tmp/server.log || fail "the server did not start on 127.0.0.1:8080"
exec 3<>/dev/tcp/127.0.0.1/8080
printf 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
response=$(timeout 10 cat <&3)
exec 3<&-
echo "$response"
[[ $response == "HTTP/1.1 200 "* ]] || fail "/healthz did not answer 200"
[[ $response == *'"status":"ok"'* ]] || fail "/healthz body"

step "backup and check while it runs"
setpriv --reuid=nobody --regid=nogroup --clear-groups \
    zenovay-server backup --data-dir "$data" --out /tmp/zenovay-data/installed.zvbackup
setpriv --reuid=nobody --regid=nogroup --clear-groups zenovay-server check --data-dir "$data"

step "stop"
kill -TERM $pid
status=0
wait $pid || status=$?
[[ $status -eq 0 ]] || fail "the server exited $status on SIGTERM"
echo "installed_check: OK"
