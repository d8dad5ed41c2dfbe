// Parses and strictly validates a project profile (YAML, docs/profile.md).
//
// Every error is InvalidArgument and names the source, line and column:
//   copilot.yaml:7:3: unknown field 'security.log_retension_days'; did you mean
//   'log_retention_days'? copilot.yaml:9:24: field 'deployment.exposure': expected one of internal,
//   partners, public; got 'intranet' copilot.yaml:4:1: malformed YAML: illegal map value
// Unknown fields, duplicate keys, wrong types and out-of-range values are all
// rejected; null (`~` or an empty value) means "unanswered". Pure functions;
// thread-safe.
#ifndef HEGUI_ASSESS_PROFILE_PARSER_H_
#define HEGUI_ASSESS_PROFILE_PARSER_H_

#include <string>
#include <string_view>

#include "assess/profile.h"
#include "core/status_or.h"

namespace hegui::assess {

// Largest profile accepted (bytes).
inline constexpr size_t kMaxProfileBytes = size_t{1} << 20;

StatusOr<Profile> ParseProfile(std::string_view yaml, const std::string& source);
StatusOr<Profile> LoadProfileFile(const std::string& path);

// Levenshtein distance between two ASCII strings (used for "did you mean").
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_PROFILE_PARSER_H_
