// ConfigFields: reads the fields of one YAML mapping of the gateway's
// configuration, with errors that name the file, line, column and field.
//
// Every getter takes a default used when the key is absent and checks the
// type and range when present. The first error is kept and later calls do
// nothing; Finish() also reports keys nobody asked for (a typo must not be
// silently ignored). Message shape:
//   "gateway.yaml:12:5: field 'pipeline[2].rate_limit.requests_per_minute':
//    expected an integer in [1, 1000000]"
// Not thread-safe; used only while a configuration is validated.
#ifndef HEGUI_GATEWAY_CONFIG_FIELDS_H_
#define HEGUI_GATEWAY_CONFIG_FIELDS_H_

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/status.h"

namespace YAML {
class Node;
}  // namespace YAML

namespace hegui::gateway {

class ConfigFields {
 public:
  // `node` may be null/absent (all defaults) or must be a mapping. `path` is
  // the dotted field path of the mapping ("" for the root).
  ConfigFields(const YAML::Node& node, std::string path, std::string source);
  ~ConfigFields();

  bool Bool(const std::string& key, bool fallback);
  int64_t Int(const std::string& key, int64_t fallback, int64_t min, int64_t max);
  double Double(const std::string& key, double fallback, double min, double max);
  std::string String(const std::string& key, const std::string& fallback);
  // One of `choices`.
  std::string Enum(const std::string& key, const std::string& fallback,
                   const std::vector<std::string>& choices);
  std::vector<std::string> Strings(const std::string& key);
  bool Has(const std::string& key) const;
  // The child node (for nested mappings and lists); marks the key as read.
  const YAML::Node& Child(const std::string& key);

  // The dotted path of `key` below this mapping.
  std::string PathOf(const std::string& key) const;
  // "source:line:col: field 'path': message" for `node`.
  Status ErrorAt(const YAML::Node& node, const std::string& field_path,
                 const std::string& message) const;
  // Records an error found by the caller (kept if it is the first).
  void Fail(Status status);

  const std::string& source() const { return source_; }
  const std::string& path() const { return path_; }
  bool ok() const { return status_.ok(); }
  // The first error, or an error for an unknown key, or OK.
  Status Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string path_;
  std::string source_;
  Status status_;
  std::set<std::string> read_;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_CONFIG_FIELDS_H_
