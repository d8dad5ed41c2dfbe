#include "audit/record_codec.h"

#include <cctype>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/json_string.h"
#include "core/utf8.h"

namespace hegui::audit {

using nlohmann::ordered_json;

namespace {

Status CheckText(std::string_view field, std::string_view value) {
  if (!IsValidUtf8(value)) {
    return InvalidArgumentError("record: field '" + std::string(field) + "' is not UTF-8");
  }
  return OkStatus();
}

}  // namespace

StatusOr<std::string> EncodeRecord(const Record& record, SubjectKeyStore* keys) {
  // Written by hand rather than through a JSON DOM: every appending thread runs
  // this, and the key order is part of the format (record_codec.h).
  if (record.actor.empty()) return InvalidArgumentError("record: field 'actor' is required");
  HEGUI_RETURN_IF_ERROR(CheckText("actor", record.actor));
  HEGUI_RETURN_IF_ERROR(CheckText("subject", record.subject));
  std::string_view body;
  if (record.built_body) {
    // A JsonObjectText is one compact JSON object by construction: no parse.
    if (!record.body.empty()) {
      return InvalidArgumentError("record: 'body' and 'built_body' are both set");
    }
    body = record.built_body->text();
  } else {
    body = record.body;
    while (!body.empty() && std::isspace(static_cast<unsigned char>(body.front())))
      body.remove_prefix(1);
    while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back())))
      body.remove_suffix(1);
    if (body.empty()) body = "{}";
    if (body.front() != '{' || !nlohmann::json::accept(body)) {
      return InvalidArgumentError("record: field 'body' must be a JSON object (UTF-8)");
    }
  }
  if (!record.sealed.empty()) {
    if (record.subject.empty()) {
      return InvalidArgumentError("record: sealed fields need a 'subject' whose key seals them");
    }
    if (keys == nullptr) return InternalError("record: no key store to seal fields with");
  }
  std::string out;
  out.reserve(96 + record.actor.size() + record.subject.size() + body.size());
  out += "{\"v\":1,\"kind\":\"";
  out += RecordKindName(record.kind);
  out += "\",\"time\":\"";
  out += FormatRecordTime(record.time);
  out += "\",\"actor\":";
  AppendJsonString(&out, record.actor);
  if (!record.subject.empty()) {
    out += ",\"subject\":";
    AppendJsonString(&out, record.subject);
  }
  out += ",\"body\":";
  out += body;
  if (!record.sealed.empty()) {
    out += ",\"sealed\":{";
    bool first = true;
    for (const auto& [field, plain] : record.sealed) {
      HEGUI_RETURN_IF_ERROR(CheckText("sealed field name", field));
      HEGUI_ASSIGN_OR_RETURN(std::string v, keys->Seal(record.subject, field, plain));
      if (!first) out += ',';
      first = false;
      AppendJsonString(&out, field);
      out += ':';
      AppendJsonString(&out, v);
    }
    out += '}';
  }
  out += '}';
  return out;
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

StatusOr<RecordHead> DecodeRecordHead(std::string_view payload) {
  constexpr std::string_view kPrefix = "{\"v\":1,\"kind\":\"";
  constexpr std::string_view kTime = "\",\"time\":\"";
  constexpr size_t kTimeLen = 27;  // 2026-11-30T00:00:00.000000Z
  if (payload.substr(0, kPrefix.size()) == kPrefix) {
    size_t kind_end = payload.find('"', kPrefix.size());
    if (kind_end != std::string_view::npos && payload.substr(kind_end, kTime.size()) == kTime &&
        payload.size() > kind_end + kTime.size() + kTimeLen &&
        payload[kind_end + kTime.size() + kTimeLen] == '"') {
      StatusOr<RecordKind> kind =
          ParseRecordKind(payload.substr(kPrefix.size(), kind_end - kPrefix.size()));
      StatusOr<RecordTime> time =
          ParseRecordTime(payload.substr(kind_end + kTime.size(), kTimeLen));
      if (kind.ok() && time.ok()) {
        if (!nlohmann::json::accept(payload)) return DataLossError("record payload is not JSON");
        return RecordHead{*kind, *time};
      }
    }
  }
  HEGUI_ASSIGN_OR_RETURN(StoredRecord r, DecodeRecord(payload));
  return RecordHead{r.kind, r.time};
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
