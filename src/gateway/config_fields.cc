#include "gateway/config_fields.h"

#include <yaml-cpp/yaml.h>

namespace hegui::gateway {

struct ConfigFields::Impl {
  YAML::Node node;
  std::vector<std::unique_ptr<YAML::Node>> children;  // Keeps returned references valid.
};

ConfigFields::ConfigFields(const YAML::Node& node, std::string path, std::string source)
    : impl_(std::make_unique<Impl>()), path_(std::move(path)), source_(std::move(source)) {
  impl_->node = node;
  if (node.IsDefined() && !node.IsNull() && !node.IsMap()) {
    status_ = ErrorAt(node, path_.empty() ? "(root)" : path_, "expected a mapping");
  }
}

ConfigFields::~ConfigFields() = default;

std::string ConfigFields::PathOf(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

Status ConfigFields::ErrorAt(const YAML::Node& node, const std::string& field_path,
                             const std::string& message) const {
  YAML::Mark mark = node.Mark();
  std::string where = source_;
  if (mark.line >= 0) {
    where += ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
  }
  return InvalidArgumentError(where + ": field '" + field_path + "': " + message);
}

void ConfigFields::Fail(Status status) {
  if (status_.ok() && !status.ok()) status_ = std::move(status);
}

bool ConfigFields::Has(const std::string& key) const {
  return impl_->node.IsMap() && impl_->node[key].IsDefined() && !impl_->node[key].IsNull();
}

const YAML::Node& ConfigFields::Child(const std::string& key) {
  read_.insert(key);
  auto child = std::make_unique<YAML::Node>();
  if (impl_->node.IsMap()) *child = impl_->node[key];
  impl_->children.push_back(std::move(child));
  return *impl_->children.back();
}

bool ConfigFields::Bool(const std::string& key, bool fallback) {
  read_.insert(key);
  if (!status_.ok() || !Has(key)) return fallback;
  YAML::Node n = impl_->node[key];
  try {
    return n.as<bool>();
  } catch (const YAML::Exception&) {
    Fail(ErrorAt(n, PathOf(key), "expected true or false"));
    return fallback;
  }
}

int64_t ConfigFields::Int(const std::string& key, int64_t fallback, int64_t min, int64_t max) {
  read_.insert(key);
  if (!status_.ok() || !Has(key)) return fallback;
  YAML::Node n = impl_->node[key];
  std::string range = "[" + std::to_string(min) + ", " + std::to_string(max) + "]";
  try {
    int64_t v = n.as<int64_t>();
    if (v < min || v > max) {
      Fail(ErrorAt(n, PathOf(key), std::to_string(v) + " is outside " + range));
      return fallback;
    }
    return v;
  } catch (const YAML::Exception&) {
    Fail(ErrorAt(n, PathOf(key), "expected an integer in " + range));
    return fallback;
  }
}

double ConfigFields::Double(const std::string& key, double fallback, double min, double max) {
  read_.insert(key);
  if (!status_.ok() || !Has(key)) return fallback;
  YAML::Node n = impl_->node[key];
  try {
    double v = n.as<double>();
    if (!(v >= min && v <= max)) {
      Fail(ErrorAt(n, PathOf(key),
                   "value is outside [" + std::to_string(min) + ", " + std::to_string(max) + "]"));
      return fallback;
    }
    return v;
  } catch (const YAML::Exception&) {
    Fail(ErrorAt(n, PathOf(key), "expected a number"));
    return fallback;
  }
}

std::string ConfigFields::String(const std::string& key, const std::string& fallback) {
  read_.insert(key);
  if (!status_.ok() || !Has(key)) return fallback;
  YAML::Node n = impl_->node[key];
  if (!n.IsScalar()) {
    Fail(ErrorAt(n, PathOf(key), "expected a string"));
    return fallback;
  }
  return n.as<std::string>();
}

std::string ConfigFields::Enum(const std::string& key, const std::string& fallback,
                               const std::vector<std::string>& choices) {
  std::string v = String(key, fallback);
  if (!status_.ok()) return fallback;
  for (const auto& c : choices) {
    if (c == v) return v;
  }
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
  Fail(ErrorAt(impl_->node[key], PathOf(key), "'" + v + "' is not one of: " + list));
  return fallback;
}

std::vector<std::string> ConfigFields::Strings(const std::string& key) {
  read_.insert(key);
  std::vector<std::string> out;
  if (!status_.ok() || !Has(key)) return out;
  YAML::Node n = impl_->node[key];
  if (!n.IsSequence()) {
    Fail(ErrorAt(n, PathOf(key), "expected a list of strings"));
    return out;
  }
  for (size_t i = 0; i < n.size(); ++i) {
    if (!n[i].IsScalar()) {
      Fail(ErrorAt(n[i], PathOf(key) + "[" + std::to_string(i) + "]", "expected a string"));
      return {};
    }
    out.push_back(n[i].as<std::string>());
  }
  return out;
}

Status ConfigFields::Finish() {
  if (!status_.ok()) return status_;
  if (impl_->node.IsMap()) {
    for (auto it = impl_->node.begin(); it != impl_->node.end(); ++it) {
      std::string key = it->first.as<std::string>();
      if (!read_.count(key)) {
        return ErrorAt(it->first, PathOf(key), "unknown field (see docs/config.md)");
      }
    }
  }
  return OkStatus();
}

}  // namespace hegui::gateway
