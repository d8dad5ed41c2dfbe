// ArticleId: the number of an article of the Cybersecurity Law as amended in
// 2025 (1..81), as a strong type so it cannot be confused with a paragraph,
// item, chapter or 2016 article number.
//
// A default-constructed ArticleId is invalid (number 0). Value type, trivially
// copyable, thread-safe.
#ifndef HEGUI_LAW_ARTICLE_ID_H_
#define HEGUI_LAW_ARTICLE_ID_H_

#include <compare>
#include <string>

namespace hegui::law {

class ArticleId {
 public:
  constexpr ArticleId() = default;
  constexpr explicit ArticleId(int number) : number_(number) {}

  constexpr int number() const { return number_; }
  constexpr bool valid() const { return number_ > 0; }

  // "Art. 23".
  std::string ToString() const { return "Art. " + std::to_string(number_); }

  friend constexpr auto operator<=>(ArticleId, ArticleId) = default;

 private:
  int number_ = 0;
};

// A provision: an article, optionally narrowed to a paragraph (款, 1-based)
// and an item (项, 1-based, of that paragraph's list). 0 means "the whole".
struct ProvisionRef {
  ArticleId article;
  int paragraph = 0;
  int item = 0;

  // "Art. 23"; "Art. 24 para 1" for a paragraph; "Art. 23(3)" for an item of the first
  // paragraph (the usual citation); "Art. 62 para 2 item (1)" for an item of a later one.
  std::string ToString() const;

  friend bool operator==(const ProvisionRef&, const ProvisionRef&) = default;
};

}  // namespace hegui::law

#endif  // HEGUI_LAW_ARTICLE_ID_H_
