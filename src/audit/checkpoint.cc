#include "audit/checkpoint.h"

#include "audit/base64.h"

namespace hegui::audit {

std::string Checkpoint::Text() const {
  std::string t = origin + "\n" + std::to_string(size) + "\n" + Base64Encode(root.view()) + "\n";
  for (const std::string& e : extensions) t += e + "\n";
  return t;
}

StatusOr<Checkpoint> Checkpoint::Parse(std::string_view text) {
  auto bad = [](int line, const std::string& why) {
    return InvalidArgumentError("checkpoint line " + std::to_string(line) + ": " + why);
  };
  if (text.empty() || text.back() != '\n') return bad(1, "text must end in a newline");
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    lines.push_back(text.substr(0, eol));
    text.remove_prefix(eol + 1);
  }
  if (lines.size() < 3) return bad(static_cast<int>(lines.size()) + 1, "missing line");
  Checkpoint c;
  c.origin = std::string(lines[0]);
  if (c.origin.empty()) return bad(1, "empty origin");
  if (lines[1].empty() || lines[1].size() > 19 || (lines[1].size() > 1 && lines[1][0] == '0')) {
    return bad(2, "tree size is not a decimal number");
  }
  for (char ch : lines[1]) {
    if (ch < '0' || ch > '9') return bad(2, "tree size is not a decimal number");
    c.size = c.size * 10 + (ch - '0');
  }
  StatusOr<std::string> raw = Base64Decode(lines[2]);
  if (!raw.ok() || raw->size() != 32) return bad(3, "root is not base64 of 32 bytes");
  c.root = *Hash::FromBytes(*raw);
  for (size_t i = 3; i < lines.size(); ++i) {
    if (lines[i].empty()) return bad(static_cast<int>(i) + 1, "empty extension line");
    c.extensions.emplace_back(lines[i]);
  }
  return c;
}

}  // namespace hegui::audit
