#include "assess/profile_parser.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "assess/profile_schema.h"
#include "core/file.h"

namespace hegui::assess {
namespace {

class Parser {
 public:
  explicit Parser(const std::string& source) : source_(source) {}

  Status Error(const YAML::Node& at, const std::string& what) const {
    const YAML::Mark m = at.Mark();
    if (m.is_null()) return InvalidArgumentError(source_ + ": " + what);
    return InvalidArgumentError(source_ + ":" + std::to_string(m.line + 1) + ":" +
                                std::to_string(m.column + 1) + ": " + what);
  }

  static std::string Join(const std::string& prefix, const std::string& name) {
    return prefix.empty() ? name : prefix + "." + name;
  }

  static std::string Shown(const YAML::Node& n) {
    if (n.IsScalar()) return "'" + n.Scalar() + "'";
    if (n.IsSequence()) return "a list";
    if (n.IsMap()) return "a mapping";
    return "nothing";
  }

  Status WrongValue(const YAML::Node& n, const std::string& path, const FieldSpec& spec) const {
    return Error(n,
                 "field '" + path + "': expected " + DescribeExpected(spec) + "; got " + Shown(n));
  }

  // Parses `n` (non-null) as `spec` into `out`.
  Status Value(const YAML::Node& n, const std::string& path, const FieldSpec& spec,
               ProfileNode* out) const {
    out->line = n.Mark().line + 1;
    out->column = n.Mark().column + 1;
    switch (spec.kind) {
      case FieldKind::kBool: {
        if (!n.IsScalar() || (n.Scalar() != "true" && n.Scalar() != "false")) {
          return WrongValue(n, path, spec);
        }
        out->kind = ProfileNode::Kind::kBool;
        out->boolean = n.Scalar() == "true";
        return OkStatus();
      }
      case FieldKind::kInt: {
        if (!n.IsScalar()) return WrongValue(n, path, spec);
        const std::string& s = n.Scalar();
        int64_t v = 0;
        auto r = std::from_chars(s.data(), s.data() + s.size(), v);
        if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < spec.min || v > spec.max) {
          return WrongValue(n, path, spec);
        }
        out->kind = ProfileNode::Kind::kInt;
        out->integer = v;
        return OkStatus();
      }
      case FieldKind::kText: {
        if (!n.IsScalar()) return WrongValue(n, path, spec);
        out->kind = ProfileNode::Kind::kText;
        out->text = n.Scalar();
        return OkStatus();
      }
      case FieldKind::kEnum: {
        if (!n.IsScalar()) return WrongValue(n, path, spec);
        if (std::find(spec.values.begin(), spec.values.end(), n.Scalar()) == spec.values.end()) {
          return WrongValue(n, path, spec);
        }
        out->kind = ProfileNode::Kind::kText;
        out->text = n.Scalar();
        return OkStatus();
      }
      case FieldKind::kEnumList: {
        if (!n.IsSequence()) return WrongValue(n, path, spec);
        out->kind = ProfileNode::Kind::kList;
        for (const YAML::Node& e : n) {
          if (!e.IsScalar() ||
              std::find(spec.values.begin(), spec.values.end(), e.Scalar()) == spec.values.end()) {
            return Error(
                e, "field '" + path + "': expected each element to be one of " +
                       [&] {
                         std::string s;
                         for (const auto& v : spec.values) s += (s.empty() ? "" : ", ") + v;
                         return s;
                       }() +
                       "; got " + Shown(e));
          }
          if (std::find(out->list.begin(), out->list.end(), e.Scalar()) != out->list.end()) {
            return Error(e, "field '" + path + "': '" + e.Scalar() + "' is listed twice");
          }
          out->list.push_back(e.Scalar());
        }
        return OkStatus();
      }
      case FieldKind::kObject:
        out->kind = ProfileNode::Kind::kObject;
        return Object(n, path, spec, out);
      case FieldKind::kObjectList: {
        if (!n.IsSequence()) return WrongValue(n, path, spec);
        out->kind = ProfileNode::Kind::kObjectList;
        for (size_t i = 0; i < n.size(); ++i) {
          ProfileNode item;
          item.kind = ProfileNode::Kind::kObject;
          HEGUI_RETURN_IF_ERROR(Object(n[i], path + "[" + std::to_string(i) + "]", spec, &item));
          out->items.push_back(std::move(item));
        }
        return OkStatus();
      }
    }
    return InternalError("unhandled field kind");
  }

  Status Object(const YAML::Node& n, const std::string& path, const FieldSpec& spec,
                ProfileNode* out) const {
    if (!n.IsMap()) {
      return Error(n, (path.empty() ? std::string("profile") : "field '" + path + "'") +
                          ": expected a mapping; got " + Shown(n));
    }
    out->line = n.Mark().line + 1;
    out->column = n.Mark().column + 1;
    std::set<std::string> seen;
    for (const auto& kv : n) {
      if (!kv.first.IsScalar()) return Error(kv.first, "field names must be plain words");
      const std::string key = kv.first.Scalar();
      const std::string key_path = Join(path, key);
      if (!seen.insert(key).second) {
        return Error(kv.first, "field '" + key_path + "' appears twice");
      }
      const FieldSpec* child = spec.Child(key);
      if (child == nullptr) return UnknownField(kv.first, key_path, key, spec);
      if (kv.second.IsNull()) continue;  // unanswered
      ProfileNode value;
      HEGUI_RETURN_IF_ERROR(Value(kv.second, key_path, *child, &value));
      out->fields.emplace(key, std::move(value));
    }
    for (const FieldSpec& child : spec.children) {
      if (child.required && !out->fields.contains(child.name)) {
        return Error(n,
                     "missing required field '" + Join(path, child.name) + "' (" + child.doc + ")");
      }
    }
    return OkStatus();
  }

  Status UnknownField(const YAML::Node& at, const std::string& key_path, const std::string& key,
                      const FieldSpec& spec) const {
    const FieldSpec* best = nullptr;
    size_t best_distance = 0;
    for (const FieldSpec& c : spec.children) {
      size_t d = EditDistance(key, c.name);
      if (best == nullptr || d < best_distance) {
        best = &c;
        best_distance = d;
      }
    }
    std::string msg = "unknown field '" + key_path + "'";
    if (best != nullptr) msg += "; did you mean '" + best->name + "'?";
    return Error(at, msg);
  }

 private:
  const std::string& source_;
};

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

StatusOr<Profile> ParseProfile(std::string_view yaml, const std::string& source) {
  if (yaml.size() > kMaxProfileBytes) {
    return InvalidArgumentError(source + ": profile larger than " +
                                std::to_string(kMaxProfileBytes) + " bytes");
  }
  Parser parser(source);
  ProfileNode root;
  try {
    const YAML::Node doc = YAML::Load(std::string(yaml));
    if (doc.IsNull()) return InvalidArgumentError(source + ": the profile is empty");
    HEGUI_RETURN_IF_ERROR(parser.Object(doc, "", ProfileSchema(), &root));
  } catch (const YAML::Exception& e) {
    return InvalidArgumentError(source + ":" + std::to_string(e.mark.line + 1) + ":" +
                                std::to_string(e.mark.column + 1) + ": malformed YAML: " + e.msg);
  }
  return Profile(source, std::move(root));
}

StatusOr<Profile> LoadProfileFile(const std::string& path) {
  StatusOr<std::string> text = ReadFileToString(path, kMaxProfileBytes);
  if (!text.ok()) {
    if (text.status().code() == StatusCode::kNotFound) {
      return InvalidArgumentError(text.status().message());
    }
    return text.status();
  }
  return ParseProfile(*text, path);
}

}  // namespace hegui::assess
