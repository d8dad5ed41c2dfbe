// Profile: a validated project profile (docs/profile.md), as a typed value
// tree that mirrors the schema in profile_schema.h.
//
// Invariant: every node present in the tree was checked against its
// FieldSpec by the parser (ParseProfile), so a Bool() on a boolean field never
// sees text. A field the author left out, or set to null (`~`), is absent:
// "unanswered". Accessors return std::nullopt for unanswered fields; nothing
// is defaulted silently. Immutable after parsing; safe to read from many
// threads.
#ifndef HEGUI_ASSESS_PROFILE_H_
#define HEGUI_ASSESS_PROFILE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hegui::assess {

struct ProfileNode {
  enum class Kind { kBool, kInt, kText, kList, kObject, kObjectList };
  Kind kind = Kind::kObject;
  bool boolean = false;
  int64_t integer = 0;
  std::string text;                           // kText (also enum values)
  std::vector<std::string> list;              // kList (enum lists)
  std::map<std::string, ProfileNode> fields;  // kObject
  std::vector<ProfileNode> items;             // kObjectList
  int line = 0;                               // 1-based position in the source
  int column = 0;

  const ProfileNode* Find(std::string_view dotted_path) const;
  std::optional<bool> Bool(std::string_view path) const;
  std::optional<int64_t> Int(std::string_view path) const;
  std::optional<std::string> Text(std::string_view path) const;
  // nullptr when unanswered.
  const std::vector<std::string>* List(std::string_view path) const;
  // Empty when unanswered; check Find() to tell "empty" from "unanswered".
  const std::vector<ProfileNode>& Items(std::string_view path) const;
};

class Profile {
 public:
  Profile(std::string source, ProfileNode root)
      : source_(std::move(source)), root_(std::move(root)) {}

  // The file name (or label) the profile was read from.
  const std::string& source() const { return source_; }
  const ProfileNode& root() const { return root_; }
  std::string name() const { return root_.Text("project.name").value_or(source_); }

  const ProfileNode* Find(std::string_view path) const { return root_.Find(path); }
  std::optional<bool> Bool(std::string_view path) const { return root_.Bool(path); }
  std::optional<int64_t> Int(std::string_view path) const { return root_.Int(path); }
  std::optional<std::string> Text(std::string_view path) const { return root_.Text(path); }
  const std::vector<std::string>* List(std::string_view path) const { return root_.List(path); }
  const std::vector<ProfileNode>& Items(std::string_view path) const { return root_.Items(path); }

 private:
  std::string source_;
  ProfileNode root_;
};

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_PROFILE_H_
