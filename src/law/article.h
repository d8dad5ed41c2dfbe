// The text of one article of the Cybersecurity Law, and the chapters and
// sections that group the articles.
//
// Invariant (kept by the loaders): paragraphs and items are in statute order;
// an item belongs to the paragraph that introduces it (the lead-in ending in
// "："); Chinese text is the official text verbatim, line by line, with the item
// marker （一） split off into the item's number. Plain values, thread-safe to
// read.
#ifndef HEGUI_LAW_ARTICLE_H_
#define HEGUI_LAW_ARTICLE_H_

#include <optional>
#include <string>
#include <vector>

#include "law/article_id.h"

namespace hegui::law {

// One paragraph (款) in one language: its text and its enumerated items (项).
struct Paragraph {
  std::string text;
  std::vector<std::string> items;  // Without the （一） marker; item n is items[n - 1].
};

// An article's text in one language.
struct ArticleText {
  std::string title;  // Empty for the Chinese text (the statute has no article titles).
  std::vector<Paragraph> paragraphs;
};

struct Article {
  ArticleId id;
  std::string heading_zh;         // "第二十三条".
  int chapter = 0;                // 1-based.
  int section = 0;                // 1-based within the chapter; 0 if the chapter has no sections.
  ArticleText zh;                 // Official Chinese text.
  std::optional<ArticleText> en;  // hegui's English rendering; absent while not yet written.
};

struct Section {
  int number = 0;
  std::string title_zh;
  std::string title_en;  // Empty while the English rendering lacks it.
  ArticleId first;
  ArticleId last;
};

struct Chapter {
  int number = 0;
  std::string title_zh;
  std::string title_en;
  std::vector<Section> sections;  // Empty for chapters without sections.
  ArticleId first;
  ArticleId last;
};

}  // namespace hegui::law

#endif  // HEGUI_LAW_ARTICLE_H_
