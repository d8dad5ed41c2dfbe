#include "law/article_search.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "law/internal/utf8.h"

namespace hegui::law {
namespace {

bool IsStopWord(std::string_view w) {
  static const std::set<std::string_view> kStop = {
      "a",    "an",   "and", "are",   "as",   "at",  "be",    "by",   "for", "from",
      "has",  "have", "in",  "is",    "it",   "its", "of",    "on",   "or",  "shall",
      "such", "that", "the", "their", "this", "to",  "which", "with", "who", "law"};
  return kStop.contains(w);
}

std::string Stem(std::string word) {
  if (word.size() > 4 && word.ends_with("ies")) return word.substr(0, word.size() - 3) + "y";
  if (word.size() > 3 && word.ends_with("s") && !word.ends_with("ss") && !word.ends_with("us")) {
    word.pop_back();
  }
  return word;
}

}  // namespace

std::vector<SearchTerm> SearchTerms(std::string_view text) {
  std::vector<SearchTerm> out;
  // Current Han run: (begin, end) of each character.
  std::vector<std::pair<size_t, size_t>> han;
  auto flush_han = [&] {
    if (han.size() == 1) {
      out.push_back({"u:" + std::string(text.substr(han[0].first, han[0].second - han[0].first)),
                     han[0].first, han[0].second});
    }
    for (size_t i = 0; i + 1 < han.size(); ++i) {
      out.push_back({std::string(text.substr(han[i].first, han[i + 1].second - han[i].first)),
                     han[i].first, han[i + 1].second});
    }
    han.clear();
  };
  size_t word_begin = std::string_view::npos;
  std::string word;
  auto flush_word = [&](size_t end) {
    if (!word.empty() && !IsStopWord(word)) out.push_back({Stem(word), word_begin, end});
    word.clear();
    word_begin = std::string_view::npos;
  };
  for (size_t pos = 0; pos < text.size();) {
    size_t len = 1;
    char32_t cp = internal::DecodeAt(text, pos, &len);
    if (internal::IsHan(cp)) {
      flush_word(pos);
      han.emplace_back(pos, pos + len);
    } else {
      flush_han();
      bool alnum = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
      if (alnum) {
        if (word.empty()) word_begin = pos;
        word.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
      } else {
        flush_word(pos);
      }
    }
    pos += len;
  }
  flush_han();
  flush_word(text.size());
  return out;
}

std::string SearchHit::Highlighted(std::string_view open, std::string_view close) const {
  std::string out;
  size_t pos = 0;
  for (const auto& [begin, end] : spans) {
    out.append(text, pos, begin - pos);
    out.append(open);
    out.append(text, begin, end - begin);
    out.append(close);
    pos = end;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

ArticleSearch::ArticleSearch(const ArticleCatalogue& catalogue) {
  auto add = [&](ProvisionRef where, bool english, const std::string& text) {
    if (text.empty()) return;
    Passage p{where, english, text, SearchTerms(text)};
    passages_.push_back(std::move(p));
  };
  for (const Article& a : catalogue.articles()) {
    for (int lang = 0; lang < 2; ++lang) {
      const bool english = lang == 1;
      if (english && !a.en) continue;
      const ArticleText& t = english ? *a.en : a.zh;
      for (size_t i = 0; i < t.paragraphs.size(); ++i) {
        const int para = static_cast<int>(i) + 1;
        add({a.id, para, 0}, english, t.paragraphs[i].text);
        for (size_t k = 0; k < t.paragraphs[i].items.size(); ++k) {
          add({a.id, para, static_cast<int>(k) + 1}, english, t.paragraphs[i].items[k]);
        }
      }
    }
  }
  double total = 0;
  for (size_t i = 0; i < passages_.size(); ++i) {
    total += static_cast<double>(passages_[i].terms.size());
    std::unordered_map<std::string, int> tf;
    for (const SearchTerm& t : passages_[i].terms) ++tf[t.term];
    for (const auto& [term, n] : tf) postings_[term].push_back({i, n});
  }
  average_length_ = passages_.empty() ? 0 : total / static_cast<double>(passages_.size());
}

std::vector<SearchHit> ArticleSearch::Search(std::string_view query, size_t limit) const {
  constexpr double kK1 = 1.2;
  constexpr double kB = 0.75;
  std::set<std::string> terms;
  for (const SearchTerm& t : SearchTerms(query)) terms.insert(t.term);
  std::unordered_map<size_t, double> scores;
  const double n = static_cast<double>(passages_.size());
  for (const std::string& term : terms) {
    auto it = postings_.find(term);
    if (it == postings_.end()) continue;
    const double df = static_cast<double>(it->second.size());
    const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    for (const Posting& p : it->second) {
      const double len = static_cast<double>(passages_[p.passage].terms.size());
      const double f = p.frequency;
      scores[p.passage] += idf * f * (kK1 + 1) / (f + kK1 * (1 - kB + kB * len / average_length_));
    }
  }
  std::vector<std::pair<size_t, double>> ranked(scores.begin(), scores.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (ranked.size() > limit) ranked.resize(limit);
  std::vector<SearchHit> hits;
  for (const auto& [index, score] : ranked) {
    const Passage& p = passages_[index];
    SearchHit hit{p.where, p.english, p.text, score, {}};
    std::vector<std::pair<size_t, size_t>> spans;
    for (const SearchTerm& t : p.terms) {
      if (terms.contains(t.term)) spans.emplace_back(t.begin, t.end);
    }
    std::sort(spans.begin(), spans.end());
    for (const auto& s : spans) {
      // Merge overlapping spans (bigrams) and spans only whitespace apart (English phrases).
      const bool adjacent = !hit.spans.empty() && s.first >= hit.spans.back().second &&
                            p.text.find_first_not_of(" \t", hit.spans.back().second) >= s.first;
      if (!hit.spans.empty() && (s.first <= hit.spans.back().second || adjacent)) {
        hit.spans.back().second = std::max(hit.spans.back().second, s.second);
      } else {
        hit.spans.push_back(s);
      }
    }
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace hegui::law
