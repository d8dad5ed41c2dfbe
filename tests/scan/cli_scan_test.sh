#!/usr/bin/env bash
# End-to-end checks of `hegui scan`: exit codes, formats, masking, lexicon
# errors, stdin in bounded memory. Usage: cli_scan_test.sh HEGUI_BINARY
set -euo pipefail
hegui=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_rc() {  # expect_rc CODE CMD...
  local want=$1; shift
  set +e; "$@" >"$work/out" 2>"$work/err"; local rc=$?; set -e
  [ "$rc" = "$want" ] || fail "$* -> exit $rc, want $want; stderr: $(cat "$work/err")"
}

echo "今天天气很好" >"$work/clean.txt"
expect_rc 0 "$hegui" scan "$work/clean.txt"

printf '他说要买冰\xe2\x80\x8b毒，手机13812345678\n' >"$work/bad.txt"
expect_rc 1 "$hegui" scan "$work/bad.txt"
grep -q 'lexicon drugs (CSL-48)' "$work/out" || fail "text format: $(cat "$work/out")"
grep -q 'personal_info mobile_phone' "$work/out" || fail "PI missing: $(cat "$work/out")"

expect_rc 1 "$hegui" scan --format jsonl "$work/bad.txt"
grep -q '"category":"drugs"' "$work/out" || fail "jsonl: $(cat "$work/out")"

expect_rc 1 "$hegui" scan --mask "$work/bad.txt"
grep -q '他说要买\[BLOCKED:drugs\]，手机138\*\*\*\*5678' "$work/out" || fail "mask: $(cat "$work/out")"

printf 'ok\tdrugs\nbroken-line\n' >"$work/lex.tsv"
expect_rc 2 "$hegui" scan --lexicon "$work/lex.tsv" "$work/clean.txt"
grep -q 'lex.tsv:2' "$work/err" || fail "lexicon error: $(cat "$work/err")"

printf '天气\tweather\n' >"$work/cat.tsv"
expect_rc 2 "$hegui" scan --lexicon "$work/cat.tsv" "$work/clean.txt"

printf '!category\tweather\tCSL-13-2\n天气\tweather\n' >"$work/ok.tsv"
expect_rc 1 "$hegui" scan --lexicon "$work/ok.tsv" "$work/clean.txt"

printf 'abc\xff\xfedef' >"$work/invalid.txt"
expect_rc 2 "$hegui" scan "$work/invalid.txt"
grep -q ':3-5: invalid_utf8' "$work/out" || fail "invalid utf8: $(cat "$work/out")"

expect_rc 2 "$hegui" scan "$work/does-not-exist"

# Bounded memory on stdin: feeding 64 MiB must not need more memory than feeding
# 8 MiB (plus slack). Comparing two runs of the same binary keeps the check
# meaningful under AddressSanitizer too, whose fixed overhead is ~300 MiB.
peak_rss_kib() {
  head -c $(($1 << 20)) /dev/zero | tr '\0' 'a' |
    /usr/bin/time -f '%M' -o "$work/rss" "$hegui" scan >/dev/null 2>&1 || true
  tail -1 "$work/rss"
}
small_kb=$(peak_rss_kib 8)
large_kb=$(peak_rss_kib 64)
[ "$large_kb" -lt $((small_kb + 32 * 1024)) ] ||
  fail "stdin scan memory grew with input: ${small_kb} KiB for 8 MiB, ${large_kb} KiB for 64 MiB"
echo "cli_scan_test: ok"
