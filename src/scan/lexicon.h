// Lexicon: the prohibited-content term list as data (docs/scan.md, "Lexicon").
//
// Text form, UTF-8, one entry per line:
//   term<TAB>category[<TAB>options]        options: comma-separated
//                                           word      whole word (Latin terms)
//                                           pinyin    also match the full pinyin
//                                           initials  also match pinyin initials (whole word)
//   phrase<TAB>allow                       allow-list: suppresses any match
//                                           lying inside this known-safe phrase
//   !category<TAB>name<TAB>article         declares a category and its article
//   # comment, blank lines ignored
// YAML form (.yaml/.yml): {categories: {name: article}, terms: [{term, category,
// options: [..]}], allow: [phrase, ...]}.
//
// Every category must be declared (built-in ones: fraud, gambling, drugs,
// weapons -> CSL-48; pornography, violence, terrorism, extremism, hatred,
// subversion, separatism, disinformation -> CSL-13-2; minors -> CSL-14).
// A malformed line is an InvalidArgument naming file and line.
//
// A Lexicon is a plain value (copyable, not thread-safe to mutate); compile it
// with LexiconMatcher to scan.
#ifndef HEGUI_SCAN_LEXICON_H_
#define HEGUI_SCAN_LEXICON_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status_or.h"

namespace hegui::scan {

struct LexiconEntry {
  std::string term;      // As written in the file.
  std::string category;  // A declared category; empty for an allow-list phrase.
  bool allow = false;    // Allow-list phrase.
  bool whole_word = false;
  bool pinyin = false;
  bool initials = false;
  std::string rule_id;  // "<file name>:<line>", e.g. "default.tsv:12".
};

class Lexicon {
 public:
  // A lexicon with only the built-in categories and no terms.
  Lexicon();

  // Parses the text form; `name` is used in rule ids and error messages.
  static StatusOr<Lexicon> ParseText(std::string_view text, std::string_view name);
  // Parses the YAML form.
  static StatusOr<Lexicon> ParseYaml(std::string_view text, std::string_view name);
  // Reads a file; .yaml/.yml use the YAML form, anything else the text form.
  static StatusOr<Lexicon> LoadFile(const std::string& path);
  // The shipped lexicon, DataDir()/lexicon/default.tsv.
  static StatusOr<Lexicon> LoadDefault();

  // Adds the entries and categories of `other` (its categories win).
  void Merge(const Lexicon& other);

  // Adds one entry; InvalidArgument (message without location) if its term is
  // empty or its category is not declared.
  Status Add(LexiconEntry entry);
  void DeclareCategory(std::string name, std::string article) {
    categories_[std::move(name)] = std::move(article);
  }

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  // Category name -> article id (e.g. "gambling" -> "CSL-48").
  const std::map<std::string, std::string>& categories() const { return categories_; }

 private:
  std::vector<LexiconEntry> entries_;
  std::map<std::string, std::string> categories_;
};

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_LEXICON_H_
