// TestDir: a fresh temporary directory for one test, removed afterwards.
#ifndef HEGUI_TESTS_AUDIT_TEST_DIR_H_
#define HEGUI_TESTS_AUDIT_TEST_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <string>

namespace hegui::audit {

class TestDir {
 public:
  TestDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "hegui-audit-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
    path_ += "/log";
  }
  ~TestDir() { std::filesystem::remove_all(std::filesystem::path(path_).parent_path()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace hegui::audit

#endif  // HEGUI_TESTS_AUDIT_TEST_DIR_H_
