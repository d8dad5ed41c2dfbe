#include "core/data_dir.h"

#include <sys/stat.h>

#include <cstdlib>

namespace hegui {
namespace {

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string WithoutTrailingSlash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

}  // namespace

std::string DataDir() {
  if (const char* env = std::getenv("HEGUI_DATA_DIR"); env != nullptr && *env != '\0') {
    return WithoutTrailingSlash(env);
  }
  if (IsDirectory(HEGUI_BUILD_DATA_DIR)) return WithoutTrailingSlash(HEGUI_BUILD_DATA_DIR);
  return "/usr/share/hegui";
}

}  // namespace hegui
