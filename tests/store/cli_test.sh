#!/usr/bin/env bash
# CLI test of `hegui users` and `hegui keys`: runs the built binary against a
# fresh SQLite file (and PostgreSQL when HEGUI_TEST_PG is set) and checks
# output, exit codes (docs/exit-codes.md) and that no secret reaches the disk.
#   cli_test.sh PATH_TO_HEGUI
set -uo pipefail
hegui=$(realpath "$1")
tab=$'\t'
work=$(mktemp -d /tmp/hegui-store-cli.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail=0
out=""
check() {  # check NAME EXPECTED_RC PATTERN -- ARGS...
  local name=$1 want_rc=$2 pattern=$3
  shift 4
  local rc
  out=$("$hegui" "$@" 2>&1)
  rc=$?
  if [ "$rc" != "$want_rc" ]; then
    echo "FAIL $name: exit $rc, want $want_rc"; echo "$out" | head -5; fail=1; return 1
  fi
  if ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL $name: output lacks /$pattern/"; echo "$out" | head -5; fail=1; return 1
  fi
  echo "ok   $name"
}

db="$work/hegui.db"
s="sqlite://$db"
check add 0 "created user 1 'Li Lei': role user, identity unverified" -- users add "Li Lei" --store "$s"
check add-admin 0 "role admin" -- users add "Han Meimei" --role admin --store "$s"
check add-duplicate 2 "already_exists: a user named 'Li Lei' already exists" -- users add "Li Lei" --store "$s"
check add-bad-role 2 "unknown role 'root'; expected one of admin, reviewer, auditor, user" -- users add X --role root --store "$s"
check verify 0 'identity verified \(mobile, 20[0-9-]+T' -- users verify 1 --method mobile --store "$s"
check verify-unknown 2 'not_found: user 42 does not exist' -- users verify 42 --method mobile --store "$s"
check verify-no-method 2 'method' -- users verify 1 --store "$s"
check list 0 $'^2\tadmin\tunverified\tHan Meimei$' -- users list --store "$s"
check list-json 0 '"status": "verified"' -- users list --format json --store "$s"

# A key: the token is printed once; the file holds its hash, never the secret.
token=$("$hegui" keys create --user 1 --label laptop --store "$s" 2>"$work/stderr")
rc=$?
if [ $rc != 0 ] || ! [[ $token =~ ^hg_([0-9a-f]{16})_([0-9a-f]{64})$ ]]; then
  echo "FAIL keys-create: exit $rc, token '$token'"; fail=1
else
  echo "ok   keys-create"
  key_id=${BASH_REMATCH[1]}
  secret=${BASH_REMATCH[2]}
  grep -q "shown only this once" "$work/stderr" || { echo "FAIL keys-create: no warning"; fail=1; }
  want_hash=$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)
  got_hash=$(sqlite3 "$db" "SELECT secret_sha256 FROM api_keys WHERE key_id = '$key_id'")
  if [ "$got_hash" = "$want_hash" ]; then echo "ok   keys-hash-stored"; else
    echo "FAIL keys-hash-stored: '$got_hash' != '$want_hash'"; fail=1; fi
  if cat "$db"* | grep -qa "$secret"; then echo "FAIL secret found in $db"; fail=1; else
    echo "ok   secret-not-on-disk"; fi
  check keys-list 0 "^hg_$key_id${tab}1${tab}active${tab}.*${tab}never${tab}laptop$" -- keys list --store "$s"
  check keys-list-user 0 '^KEY_ID' -- keys list --user 2 --store "$s"
  [[ $out == *"$key_id"* ]] && { echo "FAIL keys-list-user: lists another user's key"; fail=1; }
  check keys-json 0 '"key_id": "hg_'"$key_id"'"' -- keys list --format json --store "$s"
  [[ $out == *"$secret"* ]] && { echo "FAIL keys-json: secret in listing"; fail=1; }
  check revoke 0 "revoked API key hg_$key_id of user 1" -- keys revoke "hg_$key_id" --store "$s"
  check revoke-again 2 "failed_precondition: API key hg_$key_id was already revoked" -- keys revoke "$key_id" --store "$s"
  check keys-list-revoked 0 "^hg_$key_id${tab}1${tab}revoked" -- keys list --store "$s"
fi
check revoke-unknown 2 'not_found: API key hg_0000000000000000 does not exist' -- keys revoke hg_0000000000000000 --store "$s"
check revoke-malformed 2 'invalid_argument: key id' -- keys revoke nonsense --store "$s"
check create-unknown-user 2 'user 99 does not exist' -- keys create --user 99 --store "$s"
check create-json 0 '"token": "hg_[0-9a-f]{16}_[0-9a-f]{64}"' -- keys create --user 2 --format json --store "$s"

# Cross-border security assessments (Art. 39).
check assess-add 0 'recorded assessment 1: important_data,personal_information may go to openai-us \(us\) until 2027-07-01T00:00:00.000000Z' -- \
  assessments add --description "CAC 2026-017" --upstream openai-us --region us \
  --data-class personal_information --data-class important_data --valid-until 2027-07-01 --store "$s"
check assess-bad-date 2 'valid-until: time .2027-13-01. is not YYYY-MM-DD' -- \
  assessments add --description d --upstream u --region us --data-class x --valid-until 2027-13-01 --store "$s"
check assess-list 0 "^1${tab}openai-us${tab}us${tab}2027-07-01T00:00:00.000000Z${tab}important_data,personal_information${tab}CAC 2026-017$" -- assessments list --store "$s"
check assess-json 0 '"data_classes": \[' -- assessments list --format json --store "$s"

# Admin changes as evidence: --audit-dir appends permission_change /
# config_change records; the display name is sealed, not in the clear.
alog="$work/audit"
s2="sqlite://$work/audited.db"
if "$hegui" audit init "$alog" --origin hegui.test/audit >/dev/null 2>&1; then
  a=(--audit-dir "$alog" --actor admin:alice --store "$s2")
  check audited-add 0 "created user 1 'Audited Person'" -- users add "Audited Person" --role reviewer "${a[@]}"
  check audited-verify 0 'verified' -- users verify 1 --method mobile "${a[@]}"
  check audited-key 0 '^hg_' -- keys create --user 1 "${a[@]}"
  audited_key=$(grep -oE '^hg_[0-9a-f]{16}' <<<"$out")
  check audited-revoke 0 'revoked' -- keys revoke "$audited_key" "${a[@]}"
  check audited-assessment 0 'recorded assessment 1' -- assessments add --description d \
    --upstream up --region us --data-class personal_information --valid-until 2030-01-01 "${a[@]}"
  check audit-log-missing 2 "opening audit log '$work/nope' \(nothing was changed\)" -- \
    users add "Not Added" --audit-dir "$work/nope" --store "$s2"
  check audit-log-missing-no-change 0 'Audited Person' -- users list --store "$s2"
  [[ $out == *"Not Added"* ]] && { echo "FAIL audit-log-missing: the user was added anyway"; fail=1; }
  check audit-verify 0 '' -- audit verify "$alog"
  export=$("$hegui" audit export "$alog" 2>&1)
  n_perm=$(grep -c '"permission_change"' <<<"$export")
  n_conf=$(grep -c '"config_change"' <<<"$export")
  if [ "$n_perm" = 4 ] && [ "$n_conf" = 1 ]; then echo "ok   audit-records"; else
    echo "FAIL audit-records: $n_perm permission_change (want 4), $n_conf config_change (want 1)"
    echo "$export" | head -5; fail=1; fi
  for action in user_created identity_verified api_key_created api_key_revoked \
                security_assessment_recorded; do
    grep -q "$action" <<<"$export" || { echo "FAIL audit-records: no $action"; fail=1; }
  done
  grep -q 'admin:alice' <<<"$export" || { echo "FAIL audit-records: actor missing"; fail=1; }
  if grep -rqa 'Audited Person' "$alog"; then echo "FAIL display name in clear in the log"; fail=1; else
    echo "ok   audit-name-sealed"; fi
else
  echo "FAIL audit init"; fail=1
fi

# Where the store is.
HEGUI_STORE="$s" check env-store 0 'Li Lei' -- users list
mkdir "$work/cwd"
(cd "$work/cwd" && unset HEGUI_STORE; check default-store 0 "created user 1 'Zhou'" -- users add Zhou) || fail=1
[ -f "$work/cwd/hegui.db" ] || { echo "FAIL default-store: no ./hegui.db"; fail=1; }
check bad-url 2 "store URL 'mysql://x' names no known backend" -- users list --store mysql://x
check missing-dir 3 'unavailable: cannot open SQLite database' -- users list --store "sqlite://$work/no/such/dir.db"
sqlite3 "$db" "INSERT INTO schema_migrations VALUES (99, 'future', 0)"
check newer-schema 2 'schema is at version 99, newer than this hegui binary' -- users list --store "$s"

# The same commands against PostgreSQL, in a private schema.
if [ -n "${HEGUI_TEST_PG:-}" ]; then
  schema="hegui_cli_$$"
  psql -q "$HEGUI_TEST_PG" -c "CREATE SCHEMA $schema" >/dev/null
  pg="$HEGUI_TEST_PG options='-csearch_path=$schema'"
  check pg-add 0 "created user 1 'Li Lei'" -- users add "Li Lei" --store "$pg"
  check pg-duplicate 2 "a user named 'Li Lei' already exists" -- users add "Li Lei" --store "$pg"
  check pg-verify 0 'verified \(id_card' -- users verify 1 --method id_card --store "$pg"
  check pg-key 0 '^hg_[0-9a-f]{16}_[0-9a-f]{64}$' -- keys create --user 1 --store "$pg"
  check pg-list 0 $'\t1\tactive\t' -- keys list --store "$pg"
  psql -q "$HEGUI_TEST_PG" -c "SET client_min_messages = warning; DROP SCHEMA $schema CASCADE" >/dev/null
else
  echo "skip PostgreSQL CLI checks: HEGUI_TEST_PG is not set"
fi
exit $fail
