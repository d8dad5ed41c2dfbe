#include "law/mapping_2016.h"

#include <charconv>

namespace hegui::law {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(pos));
      return out;
    }
    out.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

bool ParseNumberOrDash(std::string_view field, int* out) {
  if (field == "-") {
    *out = 0;
    return true;
  }
  auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), *out);
  return ec == std::errc() && ptr == field.data() + field.size() && *out > 0;
}

}  // namespace

StatusOr<std::vector<MappingRow>> ParseMapping2016(std::string_view tsv,
                                                   std::string_view source_name) {
  constexpr size_t kColumns = 8;
  std::vector<MappingRow> rows;
  int line_no = 0;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t nl = tsv.find('\n', pos);
    if (nl == std::string_view::npos) nl = tsv.size();
    std::string_view line = tsv.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    auto error = [&](const std::string& what) {
      return InvalidArgumentError(std::string(source_name) + ":" + std::to_string(line_no) + ": " +
                                  what);
    };
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != kColumns) {
      return error("expected " + std::to_string(kColumns) + " tab-separated columns, got " +
                   std::to_string(f.size()));
    }
    if (line_no == 1) {
      if (f[0] != "old_2016" || f[2] != "new_2025" || f[4] != "change") {
        return error("header must start with old_2016, old_heading, new_2025, new_heading, change");
      }
      continue;
    }
    MappingRow row;
    row.line = line_no;
    if (!ParseNumberOrDash(f[0], &row.old_number)) return error("old_2016: not a number or '-'");
    if (!ParseNumberOrDash(f[2], &row.new_number)) return error("new_2025: not a number or '-'");
    if (!ParseNumberOrDash(f[5], &row.decision_item)) {
      return error("decision_item: not a number or '-'");
    }
    if (row.old_number == 0 && row.new_number == 0) return error("row maps nothing to nothing");
    row.change = std::string(f[4]);
    row.text_check = std::string(f[6]);
    row.note = std::string(f[7]);
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return InvalidArgumentError(std::string(source_name) + ": no rows");
  return rows;
}

}  // namespace hegui::law
