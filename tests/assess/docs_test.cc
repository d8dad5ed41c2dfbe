// docs/profile.md documents every profile field, fact and derived count the
// code knows (so the documentation cannot fall behind the schema).
#include <gtest/gtest.h>

#include "assess/facts.h"
#include "assess/profile_schema.h"
#include "core/file.h"

namespace hegui::assess {
namespace {

void Paths(const FieldSpec& s, const std::string& prefix, std::vector<std::string>* out) {
  for (const FieldSpec& c : s.children) {
    std::string path = prefix.empty() ? c.name : prefix + "." + c.name;
    out->push_back(path);
    if (c.kind == FieldKind::kObject) Paths(c, path, out);
    if (c.kind == FieldKind::kObjectList) Paths(c, path + "[]", out);
  }
}

TEST(ProfileDocsTest, EveryFieldFactAndCountIsDocumented) {
  auto doc = ReadFileToString(std::string(HEGUI_SOURCE_DIR) + "/docs/profile.md");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::vector<std::string> paths;
  Paths(ProfileSchema(), "", &paths);
  EXPECT_GT(paths.size(), 100u);
  for (const auto& p : paths) EXPECT_NE(doc->find("`" + p + "`"), std::string::npos) << p;
  for (const auto& [name, what] : FactNames()) {
    EXPECT_NE(doc->find("`" + name + "`"), std::string::npos) << name;
  }
  for (const auto& [name, what] : DerivedNames()) {
    EXPECT_NE(doc->find("`derived." + name + "`"), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace hegui::assess
