#include "scan/lexicon_matcher.h"

#include <unordered_map>

#include "scan/pinyin.h"

namespace hegui::scan {

StatusOr<std::unique_ptr<const LexiconMatcher>> LexiconMatcher::Compile(
    Lexicon lexicon, const Normalizer& normalizer) {
  auto m = std::unique_ptr<LexiconMatcher>(new LexiconMatcher());
  m->lexicon_ = std::move(lexicon);
  std::unique_ptr<PinyinGenerator> pinyin;

  std::unordered_map<std::string, uint32_t> index;
  std::vector<std::vector<LexiconTarget>> targets;
  std::vector<std::string> literals;
  auto add = [&](std::string literal, LexiconTarget target) {
    auto [it, inserted] = index.emplace(literal, static_cast<uint32_t>(literals.size()));
    if (inserted) {
      literals.push_back(std::move(literal));
      targets.emplace_back();
    }
    targets[it->second].push_back(target);
  };
  const auto& entries = m->lexicon_.entries();
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const LexiconEntry& e = entries[i];
    std::string form = normalizer.LexiconForm(e.term);
    if (form.empty()) {
      return InvalidArgumentError(e.rule_id + ": term '" + e.term +
                                  "' has no letter, digit or ideograph after normalisation");
    }
    add(std::move(form), {i, LexiconTarget::Form::kTerm, e.whole_word});
    if (e.pinyin || e.initials) {
      if (pinyin == nullptr) {
        HEGUI_ASSIGN_OR_RETURN(pinyin, PinyinGenerator::Create());
      }
      PinyinForms forms = pinyin->Generate(e.term);
      if (e.pinyin && !forms.full.empty()) {
        add(normalizer.LexiconForm(forms.full), {i, LexiconTarget::Form::kPinyin, e.whole_word});
      }
      if (e.initials && forms.initials.size() >= 2) {
        add(normalizer.LexiconForm(forms.initials), {i, LexiconTarget::Form::kInitials, true});
      }
    }
  }

  m->literal_offsets_.reserve(literals.size() + 1);
  m->target_offsets_.reserve(literals.size() + 1);
  m->literal_offsets_.push_back(0);
  m->target_offsets_.push_back(0);
  for (size_t i = 0; i < literals.size(); ++i) {
    m->literals_ += literals[i];
    m->max_literal_bytes_ = std::max(m->max_literal_bytes_, literals[i].size());
    m->literal_offsets_.push_back(static_cast<uint32_t>(m->literals_.size()));
    m->targets_.insert(m->targets_.end(), targets[i].begin(), targets[i].end());
    m->target_offsets_.push_back(static_cast<uint32_t>(m->targets_.size()));
  }
  if (literals.empty()) return std::unique_ptr<const LexiconMatcher>(std::move(m));

  std::vector<std::string_view> views(literals.size());
  for (uint32_t i = 0; i < literals.size(); ++i) views[i] = m->literal(i);
  literals.clear();
  index.clear();
  m->set_ = LiteralSet::Build(views);
  // Literals inside allow-list phrases: how far each phrase reaches past them.
  std::vector<LiteralHit> inner;
  for (uint32_t id = 0; id < m->literal_count(); ++id) {
    bool allow = false;
    for (const LexiconTarget* t = m->targets_begin(id); t != m->targets_end(id); ++t) {
      allow = allow || m->lexicon_.entries()[t->entry].allow;
    }
    if (!allow) continue;
    inner.clear();
    m->Scan(m->literal(id), 0, &inner);
    for (const LiteralHit& h : inner) {
      uint32_t reach = static_cast<uint32_t>(m->literal(id).size()) - h.end;
      uint32_t& slot = m->allow_reach_[h.literal];
      slot = std::max(slot, reach);
    }
  }
  return std::unique_ptr<const LexiconMatcher>(std::move(m));
}

size_t LexiconMatcher::MemoryBytes() const {
  return set_.MemoryBytes() + literals_.size() + literal_offsets_.size() * 4 +
         target_offsets_.size() * 4 + targets_.size() * sizeof(LexiconTarget);
}

}  // namespace hegui::scan
