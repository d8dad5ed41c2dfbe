#include "audit/record_codec.h"

#include <nlohmann/json.hpp>

namespace hegui::audit {

using nlohmann::ordered_json;

StatusOr<std::string> EncodeRecord(const Record& record, SubjectKeyStore* keys) {
  if (record.actor.empty()) return InvalidArgumentError("record: field 'actor' is required");
  ordered_json body = ordered_json::object();
  if (!record.body.empty()) {
    try {
      body = ordered_json::parse(record.body);
    } catch (const nlohmann::json::exception& e) {
      return InvalidArgumentError(std::string("record: field 'body' is not JSON: ") + e.what());
    }
    if (!body.is_object())
      return InvalidArgumentError("record: field 'body' must be a JSON object");
  }
  ordered_json j;
  j["v"] = 1;
  j["kind"] = RecordKindName(record.kind);
  j["time"] = FormatRecordTime(record.time);
  j["actor"] = record.actor;
  if (!record.subject.empty()) j["subject"] = record.subject;
  j["body"] = std::move(body);
  if (!record.sealed.empty()) {
    if (record.subject.empty()) {
      return InvalidArgumentError("record: sealed fields need a 'subject' whose key seals them");
    }
    if (keys == nullptr) return InternalError("record: no key store to seal fields with");
    ordered_json sealed = ordered_json::object();
    for (const auto& [field, plain] : record.sealed) {
      HEGUI_ASSIGN_OR_RETURN(std::string v, keys->Seal(record.subject, field, plain));
      sealed[field] = v;
    }
    j["sealed"] = std::move(sealed);
  }
  try {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgumentError(std::string("record: text is not UTF-8: ") + e.what());
  }
}

StatusOr<StoredRecord> DecodeRecord(std::string_view payload) {
  ordered_json j;
  try {
    j = ordered_json::parse(payload);
  } catch (const nlohmann::json::exception&) {
    return DataLossError("record payload is not JSON");
  }
  auto bad = [](const std::string& field) {
    return DataLossError("record payload: field '" + field + "' missing or malformed");
  };
  if (!j.is_object()) return DataLossError("record payload is not a JSON object");
  if (!j.contains("v") || j["v"] != 1) return bad("v");
  StoredRecord r;
  if (!j.contains("kind") || !j["kind"].is_string()) return bad("kind");
  StatusOr<RecordKind> kind = ParseRecordKind(j["kind"].get<std::string>());
  if (!kind.ok()) return bad("kind");
  r.kind = *kind;
  if (!j.contains("time") || !j["time"].is_string()) return bad("time");
  StatusOr<RecordTime> t = ParseRecordTime(j["time"].get<std::string>());
  if (!t.ok()) return bad("time");
  r.time = *t;
  if (!j.contains("actor") || !j["actor"].is_string()) return bad("actor");
  r.actor = j["actor"].get<std::string>();
  if (j.contains("subject")) {
    if (!j["subject"].is_string()) return bad("subject");
    r.subject = j["subject"].get<std::string>();
  }
  if (!j.contains("body") || !j["body"].is_object()) return bad("body");
  r.body = j["body"].dump();
  if (j.contains("sealed")) {
    if (!j["sealed"].is_object()) return bad("sealed");
    for (const auto& [k, v] : j["sealed"].items()) {
      if (!v.is_string()) return bad("sealed." + k);
      r.sealed[k] = v.get<std::string>();
    }
  }
  return r;
}

std::string RecordToJson(uint64_t index, const StoredRecord& record, const SubjectKeyStore* keys) {
  ordered_json j;
  j["index"] = index;
  j["time"] = FormatRecordTime(record.time);
  j["kind"] = RecordKindName(record.kind);
  j["actor"] = record.actor;
  j["subject"] = record.subject;
  j["body"] = ordered_json::parse(record.body);
  ordered_json pi = ordered_json::object();
  for (const auto& [field, sealed] : record.sealed) {
    if (keys == nullptr) {
      pi[field] = "[sealed]";
      continue;
    }
    StatusOr<std::optional<std::string>> plain = keys->Unseal(record.subject, field, sealed);
    if (!plain.ok()) {
      pi[field] = "[unreadable: " + plain.status().message() + "]";
    } else {
      pi[field] = plain->has_value() ? **plain : std::string(kShreddedText);
    }
  }
  if (!record.sealed.empty()) j["pi"] = std::move(pi);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace hegui::audit
