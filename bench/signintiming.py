#!/usr/bin/env python3
"""How long a wrong sign-in takes, by the kind of account the email names.

Issue 13: the time of a 401 must not tell whether an email has an account, nor whether
that account still has a password hash from an older release. Starts a real
zenovay-server on loopback in a temporary data directory with three accounts:

  argon2   created through the admin API (a plain Argon2id hash),
  legacy   its hash replaced, server stopped, by a PBKDF2-SHA256 hash with 150,000
           rounds as releases before the Argon2id change wrote them (the server wraps it
           in Argon2id at the next start),
  unknown  an email no account has,

then sends ROUNDS wrong sign-ins for each, interleaved, one at a time, and prints the
median and 90th percentile of the answer times. With --upgrade-legacy the legacy
account signs in once first (its hash becomes plain Argon2id, so no PBKDF2 hash is left
and no sign-in pays PBKDF2 rounds any more).

  bench/signintiming.py SERVER_BINARY [--rounds 15] [--upgrade-legacy]
"""
import argparse
import base64
import hashlib
import http.client
import json
import os
import re
import sqlite3
import statistics
import subprocess
import tempfile
import time

PASSWORD = "correct horse battery staple"


def start(binary, data_dir, config):
    proc = subprocess.Popen([binary, "--data-dir", data_dir, "--listen", "127.0.0.1:0", "--config", config],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 60
    for line in proc.stdout:
        m = re.search(r"listening on https?://127\.0\.0\.1:(\d+)", line)
        if m:
            return proc, int(m.group(1))
        if time.time() > deadline:
            break
    proc.kill()
    raise SystemExit("server did not start")


def stop(proc):
    proc.terminate()
    proc.wait(timeout=30)


def call(port, method, path, body=None, token=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, "/api/admin/v1" + path, json.dumps(body) if body is not None else None, headers)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, (json.loads(data) if data else None)


def pbkdf2_hash(password, rounds):
    salt = os.urandom(16)
    dk = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, rounds, 32)
    b64 = lambda b: base64.b64encode(b).decode().rstrip("=")
    return f"pbkdf2-sha256${rounds}${b64(salt)}${b64(dk)}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--upgrade-legacy", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = os.path.join(tmp, "data")
        config = os.path.join(tmp, "zenovay.ini")
        with open(config, "w") as f:
            f.write("[auth]\nrequests_per_minute = 100000\nfailures_before_ban = 1000\n"
                    "account_failures_before_lock = 1000\n")
        proc, port = start(args.binary, data_dir, config)
        try:
            status, _ = call(port, "POST", "/setup",
                             {"email": "admin@example.com", "name": "Admin", "password": PASSWORD})
            assert status == 201, status
            status, body = call(port, "POST", "/login", {"email": "admin@example.com", "password": PASSWORD})
            token = body["token"]
            for email in ("argon2@example.com", "legacy@example.com"):
                status, _ = call(port, "POST", "/users", {"email": email, "name": "U", "password": PASSWORD},
                                 token)
                assert status == 201, status
        finally:
            stop(proc)
        db = sqlite3.connect(os.path.join(data_dir, "zenovay.db"))
        db.execute("UPDATE users SET password_hash = ? WHERE email = 'legacy@example.com'",
                   (pbkdf2_hash(PASSWORD, 150000),))
        db.commit()
        db.close()
        proc, port = start(args.binary, data_dir, config)
        try:
            db = sqlite3.connect(os.path.join(data_dir, "zenovay.db"))
            stored = db.execute("SELECT password_hash FROM users WHERE email = 'legacy@example.com'").fetchone()[0]
            db.close()
            print("legacy account's stored hash after the start:", stored.split("$", 1)[0])
            if args.upgrade_legacy:
                status, _ = call(port, "POST", "/login", {"email": "legacy@example.com", "password": PASSWORD})
                assert status == 200, status
            kinds = {"argon2": "argon2@example.com", "legacy": "legacy@example.com",
                     "unknown": "nobody@example.com"}
            times = {k: [] for k in kinds}
            for _ in range(args.rounds):
                for kind, email in kinds.items():
                    t = time.perf_counter()
                    status, body = call(port, "POST", "/login", {"email": email, "password": "wrong password"})
                    times[kind].append((time.perf_counter() - t) * 1000)
                    assert status == 401 and body["code"] == "INVALID_CREDENTIALS", (status, body)
            print(f"{'account':<10}{'median ms':>12}{'p90 ms':>10}")
            for kind, v in times.items():
                v.sort()
                print(f"{kind:<10}{statistics.median(v):>12.1f}{v[int(0.9 * (len(v) - 1))]:>10.1f}")
        finally:
            stop(proc)


if __name__ == "__main__":
    main()
