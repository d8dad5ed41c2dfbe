// The payload bytes of one audit record: how a Record is written into a
// segment frame and read back (docs/audit-format.md "Record payload").
//
// The payload is one UTF-8 JSON object with keys in this fixed order:
//   {"v":1,"kind":K,"time":T,"actor":A[,"subject":S],"body":{...}[,"sealed":{F:V,...}]}
// Sealed values are produced by SubjectKeyStore::Seal(). The leaf hash is over
// these exact bytes, so they are never rewritten once stored.
// Thread-safety: free functions; the key store's own rules apply.
#ifndef HEGUI_AUDIT_RECORD_CODEC_H_
#define HEGUI_AUDIT_RECORD_CODEC_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "audit/record.h"
#include "audit/subject_key_store.h"
#include "core/status_or.h"

namespace hegui::audit {

// A record as read back from the log; sealed fields still sealed.
struct StoredRecord {
  RecordKind kind = RecordKind::kModelCall;
  RecordTime time{};
  std::string actor;
  std::string subject;
  std::string body;                           // Compact JSON object text.
  std::map<std::string, std::string> sealed;  // Field -> sealed value.
};

// Validates `record` (actor set, body a JSON object, subject present when
// fields are sealed; a built_body is not parsed again) and encodes it, sealing fields with `keys`
// (may be null only when nothing is sealed). InvalidArgument naming the field otherwise.
StatusOr<std::string> EncodeRecord(const Record& record, SubjectKeyStore* keys);

// DataLoss naming the field when `payload` is not a record.
StatusOr<StoredRecord> DecodeRecord(std::string_view payload);

// What verification needs from a record, read faster than DecodeRecord: the
// payload is checked to be well-formed JSON and kind and time are read from
// the fixed prefix {"v":1,"kind":K,"time":T,... (falling back to a full decode
// when the prefix is not in that form). DataLoss as DecodeRecord.
struct RecordHead {
  RecordKind kind = RecordKind::kModelCall;
  RecordTime time{};
};
StatusOr<RecordHead> DecodeRecordHead(std::string_view payload);

// One JSON object for export/SIEM: index, time, kind, actor, subject, body and
// "pi" with each sealed field opened ("[shredded]" once the key is destroyed).
// `keys` may be null: sealed fields then read "[sealed]".
std::string RecordToJson(uint64_t index, const StoredRecord& record, const SubjectKeyStore* keys);

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_RECORD_CODEC_H_
