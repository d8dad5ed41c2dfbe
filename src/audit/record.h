// Record: one audit-log event as the caller gives it to Log::Append().
//
// What is logged (CSL Art. 23 item (3), Art. 49, Art. 45): who acted (actor),
// on whose personal information (subject, when there is one), what happened
// (kind + a JSON object body) and when. Personal information goes in `sealed`,
// never in `body`: each sealed field is encrypted with AES-256-GCM under the
// subject's own key (subject_key_store.h), so that shredding the key erases it
// while the hash chain stays intact.
//
// Example:
//   audit::Record r;
//   r.kind = audit::RecordKind::kModelCall;
//   r.actor = "key:7f3a";
//   r.subject = "user:1042";
//   r.body = R"({"model":"qwen-max","status":200,"latency_ms":812})";
//   r.sealed["prompt"] = prompt_text;
// Value type.
#ifndef HEGUI_AUDIT_RECORD_H_
#define HEGUI_AUDIT_RECORD_H_

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/json_object_writer.h"
#include "core/status_or.h"

namespace hegui::audit {

enum class RecordKind {
  kModelCall,
  kAbnormalOutput,
  kInterfaceFailure,
  kPermissionChange,
  kDataAccess,
  kHumanOverride,
  kSecurityIncident,
  kConfigChange,
  kComplaint,
  kPiRequest,
  kRetentionPurge,  // Written by Log::Purge(); callers may not append it.
};

// "model_call", "abnormal_output", ... (the names used on disk and in the CLI).
std::string_view RecordKindName(RecordKind kind);
StatusOr<RecordKind> ParseRecordKind(std::string_view name);

using RecordTime = std::chrono::time_point<std::chrono::system_clock, std::chrono::microseconds>;

struct Record {
  RecordKind kind = RecordKind::kModelCall;
  RecordTime time{};    // The epoch (default) means "now", stamped by Append().
  std::string actor;    // Who acted: an API key id, a user, "system". Required.
  std::string subject;  // The data subject, or empty. Required when `sealed` is not empty.
  std::string body;     // A JSON object as text; empty means {}. Parsed to check it.
  // Set instead of `body` by code that built the object with a
  // JsonObjectWriter (the gateway's model_call records): it is a JSON object
  // by construction, so Append() copies it without parsing it again. External
  // input (imports, the CLI) goes in `body`. Not both.
  std::optional<JsonObjectText> built_body;
  std::map<std::string, std::string> sealed;  // Field name -> personal information (UTF-8).
};

// "2026-11-30T02:59:00.123456Z".
std::string FormatRecordTime(RecordTime t);
// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SSZ" and with ".ffffff" fraction (1-6 digits).
StatusOr<RecordTime> ParseRecordTime(std::string_view text);

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_RECORD_H_
