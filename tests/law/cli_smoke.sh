#!/usr/bin/env bash
# CLI smoke test of `hegui law`: runs the built binary and checks output and exit codes.
#   cli_smoke.sh PATH_TO_HEGUI
set -uo pipefail
hegui=$1
fail=0
check() {  # check NAME EXPECTED_RC PATTERN -- ARGS...
  local name=$1 want_rc=$2 pattern=$3
  shift 4
  local out rc
  out=$(HEGUI_DATA_DIR=${HEGUI_DATA_DIR} "$hegui" "$@" 2>&1)
  rc=$?
  if [ "$rc" != "$want_rc" ]; then
    echo "FAIL $name: exit $rc, want $want_rc"; echo "$out" | head -5; fail=1; return
  fi
  if ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL $name: output lacks /$pattern/"; echo "$out" | head -5; fail=1; return
  fi
  echo "ok   $name"
}
check show-23 0 '（三）采取监测、记录网络运行状态' -- law show 23
check show-23-english 0 '\(3\) ' -- law show 23
check show-23-chapter 0 'Section 1  第一节 一般规定' -- law show 23
check show-unknown 2 'no article 82' -- law show 82
check show-json 0 '"heading_zh": "第七十一条"' -- law show 71 --format json
check show-2016-split 0 'split' -- law show --2016 69
check show-2016-merged 0 'merged with old Arts. 66 and 70 into new Art. 71' -- law show --2016 64
check show-2016-unknown 2 'no article 80 in the 2016' -- law show --2016 80
check show-new-article 0 'no 2016 counterpart' -- law show 73
check list 0 '^ +81 +Entry into force|^ +81 ' -- law list
check list-json 0 '"chapters"' -- law list --format json
check chapter-6 0 'Chapter 6  第六章 法律责任' -- law chapter 6
check chapter-unknown 2 'no chapter 8' -- law chapter 8
check bad-format 2 'format' -- law list --format xml
check show-penalties 0 'Penalties: PEN-61-1' -- law show 23
check penalties-all 0 'PEN-77' -- law penalties
check penalties-article 0 'PEN-69-3' -- law penalties 69
check penalties-obligation 0 'worst case RMB 10,000,000' -- law penalties CSL-23-3
check penalties-json 0 '"persons_as": "PEN-66-1"' -- law penalties 66 --format json
check penalties-unknown 2 'no article 99' -- law penalties 99
check search-zh 0 'Art. 23\(3\)  \[zh\]' -- law search 网络日志 六个月
check search-en 0 '«network logs»' -- law search network logs
check search-json 0 '"citation": "Art. 39 para 1"' -- law search 境内存储 --format json
check search-nothing 0 'No passage matches' -- law search 区块链
check search-empty 2 'no searchable word' -- law search '!!'
check law-check 0 '^OK$' -- law check
check law-check-json 0 '"ok": true' -- law check --format json
# A mistyped copy of the data must fail law check with exit 1.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "${HEGUI_DATA_DIR:?}" "$tmp/data"
sed -i '0,/fine: {min: 10000, max: 50000, discretionary: true}/s//fine: {min: 10000, max: 60000, discretionary: true}/' \
  "$tmp/data/law/penalties.yaml"
HEGUI_DATA_DIR="$tmp/data" check law-check-mistyped 1 'PEN-61-1 tier base fine: data says RMB 10,000 to RMB 60,000' -- law check
printf 'penalties: [\n' >"$tmp/data/law/penalties.yaml"
HEGUI_DATA_DIR="$tmp/data" check law-check-malformed 2 'penalties.yaml:' -- law check
exit $fail
