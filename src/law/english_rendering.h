// Loader of hegui's English rendering of the statute, data/law/csl-2025-en.yaml
// (format in docs/law-data.md):
//   chapters: [{number, title, sections: [{number, title}]}]
//   articles: [{article: N, title: "...", paragraphs: [{text: "...", items: ["..."]}]}]
//
// The rendering may be incomplete (it is written in parts); completeness and
// structural agreement with the Chinese text are checked by law check, not here.
// Malformed YAML or a wrong type is an error naming file:line:column.
// Pure function, thread-safe.
#ifndef HEGUI_LAW_ENGLISH_RENDERING_H_
#define HEGUI_LAW_ENGLISH_RENDERING_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status_or.h"
#include "law/article.h"

namespace hegui::law {

struct EnglishRendering {
  struct SectionTitle {
    int number = 0;
    std::string title;
  };
  struct ChapterTitle {
    int number = 0;
    std::string title;
    std::vector<SectionTitle> sections;
  };
  std::vector<ChapterTitle> chapters;
  std::map<int, ArticleText> articles;  // By article number.
  std::vector<int> duplicate_articles;  // Numbers that appeared more than once (first kept).
};

[[nodiscard]] StatusOr<EnglishRendering> ParseEnglishRendering(std::string_view yaml,
                                                               std::string_view source_name);

}  // namespace hegui::law

#endif  // HEGUI_LAW_ENGLISH_RENDERING_H_
