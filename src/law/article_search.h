// ArticleSearch: ranked full-text search over the statute, Chinese and
// English, at the level of passages (one paragraph's lead-in text, or one
// item).
//
// Terms: Chinese (Han) text is cut into overlapping character bigrams (a lone
// Han character is a unigram), so 日志 finds 网络日志 without a dictionary;
// English is lower-cased words with a light plural strip (logs -> log) and
// common function words dropped. Ranking is Okapi BM25 (k1 = 1.2, b = 0.75)
// over passages; ties break by article order.
//
// Build once from a catalogue (O(total text)); the index copies the text it
// needs, so it does not borrow the catalogue. Search is O(passages matching a
// term); const methods are thread-safe.
//
// Example:
//   ArticleSearch index(catalogue);
//   for (const SearchHit& hit : index.Search("网络日志 六个月", 5)) ...
#ifndef HEGUI_LAW_ARTICLE_SEARCH_H_
#define HEGUI_LAW_ARTICLE_SEARCH_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "law/article_catalogue.h"

namespace hegui::law {

// One term of a text and where it is (byte offsets into that text).
struct SearchTerm {
  std::string term;
  size_t begin = 0;
  size_t end = 0;
};

// Splits text into search terms as described above. UTF-8 input.
std::vector<SearchTerm> SearchTerms(std::string_view text);

struct SearchHit {
  ProvisionRef where;  // Article, paragraph, and item (0 for a paragraph's lead-in).
  bool english = false;
  std::string text;  // The passage.
  double score = 0;
  std::vector<std::pair<size_t, size_t>> spans;  // Matched byte ranges of `text`, merged, in order.

  // `text` with each span wrapped in `open` ... `close`.
  std::string Highlighted(std::string_view open, std::string_view close) const;
};

class ArticleSearch {
 public:
  explicit ArticleSearch(const ArticleCatalogue& catalogue);

  // The best `limit` passages for `query` (best first); empty if no term of
  // the query occurs anywhere.
  std::vector<SearchHit> Search(std::string_view query, size_t limit) const;

  size_t passage_count() const { return passages_.size(); }

 private:
  struct Passage {
    ProvisionRef where;
    bool english = false;
    std::string text;
    std::vector<SearchTerm> terms;
  };
  struct Posting {
    size_t passage = 0;
    int frequency = 0;
  };

  std::vector<Passage> passages_;
  std::unordered_map<std::string, std::vector<Posting>> postings_;
  double average_length_ = 0;
};

}  // namespace hegui::law

#endif  // HEGUI_LAW_ARTICLE_SEARCH_H_
