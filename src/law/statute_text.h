// Parser of the Chinese statute text as shipped in data/law/csl-2025-zh.txt
// (and the 2016 text in csl-2016-zh.txt).
//
// Format (docs/law-data.md): an optional provenance header of lines starting
// with "#", ended by a line starting with "# ===="; then the title and the
// promulgation note; then, one per line (blank lines ignored, leading Markdown
// "#" marks ignored):
//   第N章 <title>          a chapter
//   第N节 <title>          a section of the current chapter
//   第N条 [text]           an article; text on the same line is its first paragraph
//   （N）text              an item of the current article's last paragraph
//   text                   a new paragraph of the current article
// N is a Chinese numeral. Articles, chapters, sections and items must be
// numbered consecutively from one; a violation is an error naming the line.
//
// Pure function, thread-safe.
#ifndef HEGUI_LAW_STATUTE_TEXT_H_
#define HEGUI_LAW_STATUTE_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status_or.h"
#include "law/article.h"

namespace hegui::law {

struct StatuteText {
  std::string title;  // "中华人民共和国网络安全法".
  std::vector<Chapter> chapters;
  std::vector<Article> articles;  // articles[i].id.number() == i + 1; `en` is empty.
};

// Parses `text`; `source_name` (a path) prefixes error messages as "name:line: ...".
[[nodiscard]] StatusOr<StatuteText> ParseStatuteText(std::string_view text,
                                                     std::string_view source_name);

// "（三）" for 3: the item marker the statute uses.
std::string ItemMarkerZh(int item);

// Formats 1..99999 as a Chinese numeral the way the statute writes article
// numbers (十, 十五, 二十, 八十一, 一百零五).
std::string FormatChineseNumber(int number);

}  // namespace hegui::law

#endif  // HEGUI_LAW_STATUTE_TEXT_H_
