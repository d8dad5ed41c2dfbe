#include "scan/lexicon_matcher.h"

#include <hs/hs.h>

#include <atomic>
#include <unordered_map>

#include "scan/pinyin.h"

namespace hegui::scan {
namespace {

std::atomic<uint64_t> next_matcher_id{1};

// Per-thread Vectorscan scratch, grown for whichever database the thread last
// used; freed when the thread exits.
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  uint64_t matcher_id = 0;
  ~ThreadScratch() {
    if (scratch != nullptr) hs_free_scratch(scratch);
  }
};
thread_local ThreadScratch tls_scratch;

struct ScanContext {
  std::vector<LiteralHit>* hits;
  size_t min_end;
  const uint32_t* offsets;
};

int OnMatch(unsigned int id, unsigned long long /*from*/, unsigned long long to,
            unsigned int /*flags*/, void* ctx) {
  auto* c = static_cast<ScanContext*>(ctx);
  if (to > c->min_end) {
    uint32_t len = c->offsets[id + 1] - c->offsets[id];
    c->hits->push_back({id, static_cast<uint32_t>(to - len), static_cast<uint32_t>(to)});
  }
  return 0;
}

}  // namespace

StatusOr<std::unique_ptr<const LexiconMatcher>> LexiconMatcher::Compile(
    Lexicon lexicon, const Normalizer& normalizer) {
  auto m = std::unique_ptr<LexiconMatcher>(new LexiconMatcher());
  m->lexicon_ = std::move(lexicon);
  m->id_ = next_matcher_id.fetch_add(1);
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

  std::vector<const char*> exprs(literals.size());
  std::vector<size_t> lens(literals.size());
  std::vector<unsigned> ids(literals.size());
  std::vector<unsigned> flags(literals.size(), 0);
  for (size_t i = 0; i < literals.size(); ++i) {
    exprs[i] = m->literals_.data() + m->literal_offsets_[i];
    lens[i] = literals[i].size();
    ids[i] = static_cast<unsigned>(i);
  }
  literals.clear();
  index.clear();
  hs_compile_error_t* error = nullptr;
  hs_error_t rc = hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(),
                                       static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr,
                                       &m->db_, &error);
  if (rc != HS_SUCCESS) {
    std::string msg = error != nullptr && error->message != nullptr ? error->message : "unknown";
    int bad = error != nullptr ? error->expression : -1;
    hs_free_compile_error(error);
    std::string where;
    if (bad >= 0) {
      const LexiconTarget& t = m->targets_[m->target_offsets_[static_cast<size_t>(bad)]];
      where = m->lexicon_.entries()[t.entry].rule_id + ": ";
    }
    return InternalError(where + "Vectorscan cannot compile the lexicon: " + msg);
  }
  // Literals inside allow-list phrases: how far each phrase reaches past them.
  std::vector<LiteralHit> inner;
  for (uint32_t id = 0; id < m->literal_count(); ++id) {
    bool allow = false;
    for (const LexiconTarget* t = m->targets_begin(id); t != m->targets_end(id); ++t) {
      allow = allow || m->lexicon_.entries()[t->entry].allow;
    }
    if (!allow) continue;
    inner.clear();
    HEGUI_RETURN_IF_ERROR(m->Scan(m->literal(id), 0, &inner));
    for (const LiteralHit& h : inner) {
      uint32_t reach = static_cast<uint32_t>(m->literal(id).size()) - h.end;
      uint32_t& slot = m->allow_reach_[h.literal];
      slot = std::max(slot, reach);
    }
  }
  return std::unique_ptr<const LexiconMatcher>(std::move(m));
}

LexiconMatcher::~LexiconMatcher() {
  if (db_ != nullptr) hs_free_database(db_);
}

Status LexiconMatcher::Scan(std::string_view text, size_t min_end,
                            std::vector<LiteralHit>* hits) const {
  if (db_ == nullptr || text.empty()) return OkStatus();
  ThreadScratch& tls = tls_scratch;
  if (tls.matcher_id != id_) {
    if (hs_alloc_scratch(db_, &tls.scratch) != HS_SUCCESS) {
      return ResourceExhaustedError("cannot allocate Vectorscan scratch space");
    }
    tls.matcher_id = id_;
  }
  ScanContext ctx{hits, min_end, literal_offsets_.data()};
  hs_error_t rc =
      hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, tls.scratch, OnMatch, &ctx);
  if (rc != HS_SUCCESS)
    return InternalError("Vectorscan scan failed with code " + std::to_string(rc));
  return OkStatus();
}

size_t LexiconMatcher::MemoryBytes() const {
  size_t db = 0;
  if (db_ != nullptr) hs_database_size(db_, &db);
  return db + literals_.size() + literal_offsets_.size() * 4 + target_offsets_.size() * 4 +
         targets_.size() * sizeof(LexiconTarget);
}

}  // namespace hegui::scan
