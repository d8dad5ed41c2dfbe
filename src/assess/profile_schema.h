// The schema of a project profile (docs/profile.md): every field a profile may
// contain, its type, its allowed values and a one-line meaning.
//
// The schema is a constant tree built once; it is what the parser validates
// against, what the evidence checks of the obligation catalogue are checked
// against, and what docs/profile.md documents. Thread-safe (immutable).
#ifndef HEGUI_ASSESS_PROFILE_SCHEMA_H_
#define HEGUI_ASSESS_PROFILE_SCHEMA_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hegui::assess {

enum class FieldKind {
  kBool,
  kInt,         // integer in [min, max]
  kText,        // free text
  kEnum,        // one of `values`
  kEnumList,    // list of distinct `values`
  kObject,      // mapping with `children`
  kObjectList,  // list of mappings, each with `children`
};

struct FieldSpec {
  std::string name;
  FieldKind kind = FieldKind::kText;
  std::string doc;
  std::vector<std::string> values;  // kEnum, kEnumList
  int64_t min = 0;                  // kInt
  int64_t max = 0;                  // kInt
  bool required = false;
  std::vector<FieldSpec> children;  // kObject, kObjectList

  const FieldSpec* Child(std::string_view child_name) const;
};

// The root (an object whose children are the top-level sections).
const FieldSpec& ProfileSchema();

// Resolves a dotted path ("security.log_retention_days"; "data.category"
// descends into the items of the data list). nullptr if there is no such field.
const FieldSpec* FindProfileField(std::string_view dotted_path);

// "boolean", "integer 0..36500", "one of cn, overseas, hybrid", ...
std::string DescribeExpected(const FieldSpec& spec);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_PROFILE_SCHEMA_H_
