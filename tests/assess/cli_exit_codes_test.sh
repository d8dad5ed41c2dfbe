#!/usr/bin/env bash
# `hegui assess` exit codes: 0 no gaps, 1 gaps, 2 invalid input (docs/exit-codes.md).
#   cli_exit_codes_test.sh HEGUI_BINARY SOURCE_DIR
set -uo pipefail
hegui=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
expect() {  # expect CODE DESCRIPTION -- ARGS...
  local want=$1 what=$2
  shift 3
  "$hegui" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL: $what: exit $got, want $want"; cat "$work/err"; fail=1
  else
    echo "ok: $what (exit $got)"
  fi
}
expect 1 "example with gaps" -- assess "$src/examples/public-chatbot.yaml"
expect 1 "portfolio with gaps" -- assess "$src/examples/" --format json
expect 2 "missing file" -- assess "$work/nope.yaml"
printf 'version: 1\nproject: {name: X}\nsecurity: {log_retension_days: 9}\n' >"$work/typo.yaml"
expect 2 "unknown field" -- assess "$work/typo.yaml"
grep -q "typo.yaml:3:12: unknown field 'security.log_retension_days'; did you mean 'log_retention_days'?" "$work/err" \
  || { echo "FAIL: message: $(cat "$work/err")"; fail=1; }
printf 'version: 1\nproject: {name: X\n' >"$work/broken.yaml"
expect 2 "malformed YAML" -- assess "$work/broken.yaml"
grep -q "broken.yaml:[0-9]*:[0-9]*: malformed YAML" "$work/err" || { echo "FAIL: $(cat "$work/err")"; fail=1; }
expect 2 "bad format" -- assess "$src/examples/public-chatbot.yaml" --format pdf
# A fully compliant internal tool: no gaps, exit 0.
cat >"$work/clean.yaml" <<'YAML'
version: 1
project: {name: Clean internal tool}
deployment: {region: cn, cloud: on-premises, exposure: internal}
service: {kinds: [internal_productivity], provided_to_others: false, critical_network_equipment: false}
sector: {industry: manufacturing, cii_designated: false, serves_cii_customers: false}
users: {personal_info_subjects: 0}
data:
  - {name: manuals, category: general, stored_in: cn, leaves_china: false}
security:
  owner: Ops lead
  internal_rules: true
  mlps_level: 2
  mlps_filed: true
  access_control: true
  anti_malware: true
  intrusion_detection: true
  log_coverage: [model_calls, permission_changes, abnormal_outputs, interface_failures, data_access, human_overrides, security_incidents]
  log_retention_days: 180
  vulnerability_sla_days: 14
  incident_plan: true
  incident_escalation: pager to ops lead
  incident_reporting: true
  data_classification: true
  backup: true
  encryption_at_rest: true
  encryption_in_transit: true
  publishes_security_info: false
content: {acceptable_use_policy: true, complaint_channel: true, complaint_response_days: 5}
governance: {legal_review: true, lawful_assistance_procedure: true, regulator_liaison: Legal, rectification_order: false}
vendors: []
YAML
expect 0 "no gaps" -- assess "$work/clean.yaml"
expect 0 "html to a file" -- assess "$work/clean.yaml" --format html -o "$work/r.html"
grep -q "<svg\|No gaps: no exposure to chart" "$work/r.html" || { echo "FAIL: html report"; fail=1; }
exit $fail
