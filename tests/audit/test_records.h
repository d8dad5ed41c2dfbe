// Records for the evidence-log tests: small, distinct and numbered so a test
// can tell which record came back.
#ifndef HEGUI_TESTS_AUDIT_TEST_RECORDS_H_
#define HEGUI_TESTS_AUDIT_TEST_RECORDS_H_

#include <string>

#include "audit/record.h"

namespace hegui::audit {

// A model_call record by "key:test" whose body is {"n":i}.
inline Record ModelCall(int i) {
  Record r;
  r.kind = RecordKind::kModelCall;
  r.actor = "key:test";
  r.body = "{\"n\":" + std::to_string(i) + "}";
  return r;
}

}  // namespace hegui::audit

#endif  // HEGUI_TESTS_AUDIT_TEST_RECORDS_H_
