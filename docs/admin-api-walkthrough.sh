#!/usr/bin/env bash
# The admin API from an empty data directory, with curl alone:
#   set up, sign in, create a second user, create a team, make the second user a member,
#   set the team's plan, create a website, create a scoped key (shown once), list keys
#   (prefixes only), revoke the key.
#
# Usage: docs/admin-api-walkthrough.sh [BASE_URL]        (default http://127.0.0.1:8080)
#   ZENOVAY_ADMIN_EMAIL / ZENOVAY_ADMIN_PASSWORD choose the first user's credentials
#   (a random password is generated and printed otherwise).
# Start a fresh server first, e.g.: zenovay-server --data-dir "$(mktemp -d)" --listen 127.0.0.1:8080
set -euo pipefail

base=${1:-http://127.0.0.1:8080}
api="$base/api/admin/v1"
admin_email=${ZENOVAY_ADMIN_EMAIL:-admin@example.com}
admin_password=${ZENOVAY_ADMIN_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}
member_email=member-$$@example.com
member_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
token=""
body_file=$(mktemp)
trap 'rm -f "$body_file"' EXIT

step() { printf '\n== %s\n' "$*"; }
# A JSON string literal's contents: backslashes and quotes escaped.
esc() {
    local s=${1//\\/\\\\}
    printf '%s' "${s//\"/\\\"}"
}
die() { printf 'walkthrough: %s\n' "$*" >&2; exit 1; }

# call METHOD PATH [JSON_BODY]: prints the response body; fails unless the status is 2xx.
call() {
    local method=$1 path=$2 data=${3:-} status
    local args=(-sS -X "$method" -o "$body_file" -w '%{http_code}' -H 'Accept: application/json')
    [[ -n $token ]] && args+=(-H "Authorization: Bearer $token")
    [[ -n $data ]] && args+=(-H 'Content-Type: application/json' --data-binary "$data")
    status=$(curl "${args[@]}" "$api$path") || die "cannot reach $api$path"
    if [[ $status != 2?? ]]; then
        die "$method $path answered $status: $(cat "$body_file")"
    fi
    cat "$body_file"
}

# get FIELD JSON [OBJECT]: a string field of the (compact) JSON the server sends,
# optionally inside the named flat sub-object ("team", "user").
get() {
    local field=$1 json=$2 object=${3:-}
    if [[ -n $object ]]; then
        json=$(printf '%s' "$json" | sed -n "s/.*\"$object\":{\([^}]*\)}.*/\1/p")
    fi
    printf '%s' "$json" | sed -n "s/.*\"$field\":\"\([^\"]*\)\".*/\1/p"
}

step "1. Set up the server (first user = server admin, with a first team)"
setup=$(call POST /setup "{\"email\":\"$(esc "$admin_email")\",\"name\":\"Admin\",\"password\":\"$(esc "$admin_password")\"}")
echo "$setup"
[[ -z ${ZENOVAY_ADMIN_PASSWORD:-} ]] && echo "(admin password, generated: $admin_password)"

step "2. Sign in"
login=$(call POST /login "{\"email\":\"$(esc "$admin_email")\",\"password\":\"$(esc "$admin_password")\"}")
token=$(get token "$login")
[[ $token == zvs_* ]] || die "no session token in: $login"
echo "signed in; session expires $(get expires_at "$login")"

step "3. Create a second user"
user=$(call POST /users "{\"email\":\"$member_email\",\"name\":\"Second User\",\"password\":\"$member_password\"}")
echo "$user"
member_id=$(get id "$user")

step "4. Create a team"
team=$(call POST /teams '{"name":"Walkthrough Team"}')
echo "$team"
team_id=$(get id "$team")

step "5. Make the second user a member"
call POST "/teams/$team_id/members" "{\"email\":\"$member_email\",\"role\":\"member\"}"
echo

step "6. Set the team's plan (server admin only)"
call PATCH "/teams/$team_id" '{"plan":"pro"}'
echo

step "7. Create a website"
website=$(call POST /websites "{\"team_id\":\"$team_id\",\"name\":\"Example shop\",\"url\":\"https://shop.example.com\"}")
echo "$website"
echo "tracking code: $(get tracking_code "$website")"

step "8. Create a scoped key (read+write, this team only) - the full key is shown this once"
expiry=$(date -u -d '+90 days' +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || true)
expires_field=${expiry:+,\"expires_at\":\"$expiry\"}
created=$(call POST /keys "{\"name\":\"Walkthrough key\",\"permissions\":[\"read\",\"write\"],\"team_access\":[\"$team_id\"],\"billing_team_id\":\"$team_id\"$expires_field}")
key=$(get key "$created")
key_id=$(get id "$created")
prefix=$(get prefix "$created")
[[ $key == zv_* && ${#key} -eq 41 ]] || die "no key in: $created"
echo "key (copy it now, it is never shown again): $key"
echo "key id $key_id, prefix $prefix"

step "9. List keys (prefix only)"
listed=$(call GET /keys)
echo "$listed"
[[ $listed == *"$prefix"* ]] || die "the key's prefix is not listed"
[[ $listed != *"$key"* ]] || die "the full key appeared in the list"

step "10. Revoke the key"
revoked=$(call POST "/keys/$key_id/revoke")
echo "$revoked"
revoked_at=$(get revoked_at "$revoked")
[[ -n $revoked_at ]] || die "the key was not revoked"

printf '\nwalkthrough complete: user %s is a member of team %s (plan pro); key %s revoked at %s\n' \
    "$member_id" "$team_id" "$prefix" "$revoked_at"
