#include "scan/scanner.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace hegui::scan {
namespace {

bool IsWordCharAt(const CharFold& fold, std::string_view s, size_t pos) {
  uint32_t cp;
  int len = DecodeUtf8(reinterpret_cast<const unsigned char*>(s.data()) + pos, s.size() - pos, &cp);
  return len > 0 && (fold.Lookup(cp).flags & CharFold::kWordChar);
}

float ConfidenceOf(LexiconTarget::Form form) {
  switch (form) {
    case LexiconTarget::Form::kTerm:
      return 1.0f;
    case LexiconTarget::Form::kPinyin:
      return 0.7f;
    case LexiconTarget::Form::kInitials:
      return 0.5f;
  }
  return 1.0f;
}

}  // namespace

void SortFindings(std::vector<Finding>* findings) {
  auto less = [](const Finding& a, const Finding& b) {
    return std::tie(a.begin, a.end, a.kind, a.rule_id, a.category) <
           std::tie(b.begin, b.end, b.kind, b.rule_id, b.category);
  };
  std::vector<Finding>& f = *findings;
  if (std::is_sorted(f.begin(), f.end(), less)) return;
  // Sort indices, then move each finding once (a Finding holds five strings).
  std::vector<uint32_t> order(f.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return less(f[a], f[b]); });
  std::vector<Finding> sorted;
  sorted.reserve(f.size());
  for (uint32_t i : order) sorted.push_back(std::move(f[i]));
  f.swap(sorted);
}

StatusOr<std::shared_ptr<const Scanner>> Scanner::Create(ScannerConfig config) {
  HEGUI_ASSIGN_OR_RETURN(Normalizer normalizer, Normalizer::Create(config.normalizer));
  HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<const LexiconMatcher> matcher,
                         LexiconMatcher::Compile(std::move(config.lexicon), normalizer));
  config.lexicon = Lexicon();
  std::unique_ptr<PiDetector> pi;
  if (config.detect_pi) {
    HEGUI_ASSIGN_OR_RETURN(pi, PiDetector::Create(config.pi));
  }
  return std::shared_ptr<const Scanner>(
      new Scanner(std::move(config), normalizer, std::move(matcher), std::move(pi)));
}

bool Scanner::Suppressed(const LiteralHit& hit, const std::vector<LiteralHit>& allow) {
  for (const LiteralHit& a : allow) {
    if (a.begin <= hit.begin && hit.end <= a.end) return true;
  }
  return false;
}

bool Scanner::LexiconSpan(const LiteralHit& hit, const LexiconTarget& target,
                          const NormalizedView& lex, std::string_view original, size_t* b,
                          size_t* e) const {
  std::tie(*b, *e) = lex.SourceSpan(hit.begin, hit.end, original);
  if (!target.whole_word) return true;
  const CharFold& fold = normalizer_.fold();
  if (*b > 0) {
    size_t prev = *b - 1;
    while (prev > 0 && *b - prev < 4 &&
           (static_cast<unsigned char>(original[prev]) & 0xC0) == 0x80) {
      --prev;
    }
    if (IsWordCharAt(fold, original, prev)) return false;
  }
  return *e >= original.size() || !IsWordCharAt(fold, original, *e);
}

void Scanner::FillLexiconFinding(const LexiconTarget& target, size_t b, size_t e,
                                 std::string_view original, uint64_t base, Finding* f) const {
  const LexiconEntry& entry = matcher_->lexicon().entries()[target.entry];
  f->kind = FindingKind::kLexicon;
  f->begin = base + b;
  f->end = base + e;
  f->text.assign(original.substr(b, e - b));
  f->category = entry.category;
  auto it = matcher_->lexicon().categories().find(entry.category);
  if (it != matcher_->lexicon().categories().end()) f->article = it->second;
  f->rule_id = entry.rule_id;
  f->confidence = ConfidenceOf(target.form);
}

void Scanner::FillPiFinding(const PiMatch& m, size_t b, size_t e, std::string_view original,
                            uint64_t base, Finding* f) {
  f->kind = FindingKind::kPersonalInfo;
  f->begin = base + b;
  f->end = base + e;
  f->text.assign(original.substr(b, e - b));
  f->category = PiTypeName(m.type);
  f->article = "CSL-44";
  f->rule_id = m.rule_id;
  f->confidence = m.confidence;
  f->pi_type = m.type;
}

void Scanner::AppendLexiconFinding(const LiteralHit& hit, const LexiconTarget& target,
                                   const NormalizedView& lex, std::string_view original,
                                   uint64_t base, std::vector<Finding>* out) const {
  size_t b, e;
  if (LexiconSpan(hit, target, lex, original, &b, &e)) {
    FillLexiconFinding(target, b, e, original, base, &out->emplace_back());
  }
}

Finding Scanner::InvalidFinding(const InvalidUtf8& run, std::string_view original,
                                uint64_t base) const {
  Finding f;
  f.kind = FindingKind::kInvalidUtf8;
  f.begin = base + run.offset;
  f.end = base + run.offset + run.length;
  f.text = std::string(original.substr(run.offset, run.length));
  f.category = "invalid_utf8";
  f.rule_id = "utf8";
  return f;
}

Finding Scanner::PiFinding(const PiMatch& m, const NormalizedView& pi, std::string_view original,
                           uint64_t base) const {
  auto [b, e] = pi.SourceSpan(m.begin, m.end, original);
  Finding f;
  FillPiFinding(m, b, e, original, base, &f);
  return f;
}

namespace {

// Scan() keeps its views and lists per thread for the next scan (a scan of a
// few MB then neither allocates nor faults in fresh pages); each is freed
// after a scan that made it hold more than this.
constexpr size_t kScratchRetainBytes = 32 << 20;

// A finding before its strings exist: its original span, kind and where the
// rest comes from (a lexicon target, a PI match or an invalid run, by index).
// Scan() orders these and makes each Finding once, in place.
struct Pending {
  uint32_t begin;
  uint32_t end;
  FindingKind kind;
  uint32_t source;
};

template <typename T>
void ReleaseIfAbove(size_t bytes, std::vector<T>* v) {
  if (v->capacity() * sizeof(T) > bytes) std::vector<T>().swap(*v);
}

}  // namespace

StatusOr<std::vector<Finding>> Scanner::Scan(std::string_view text) const {
  if (text.size() >= std::numeric_limits<uint32_t>::max()) {
    return InvalidArgumentError("text of " + std::to_string(text.size()) +
                                " bytes is too large for Scan(); use OpenStream()");
  }
  thread_local NormalizedView lex;
  thread_local NormalizedView pi;
  thread_local std::vector<LiteralHit> hits;
  thread_local std::vector<PiMatch> pi_matches;
  thread_local std::vector<Pending> pending;
  std::vector<InvalidUtf8> invalid;
  lex.Clear();
  pi.Clear();
  hits.clear();
  pi_matches.clear();
  pending.clear();
  normalizer_.Append(text, 0, true, matcher_->literal_count() > 0 ? &lex : nullptr,
                     pi_ != nullptr ? &pi : nullptr,
                     config_.report_invalid_utf8 ? &invalid : nullptr);
  if (lex.size() > 0) matcher_->Scan(lex.text(), 0, &hits, /*padded=*/true);
  if (pi_ != nullptr) pi_->Detect(pi.text(), &pi_matches);

  // Spans first (each view's lookups move forward), in three runs: lexicon,
  // PI, invalid.
  std::vector<LiteralHit> allow;
  const auto& entries = matcher_->lexicon().entries();
  for (const LiteralHit& h : hits) {
    for (const LexiconTarget* t = matcher_->targets_begin(h.literal);
         t != matcher_->targets_end(h.literal); ++t) {
      if (entries[t->entry].allow) {
        allow.push_back(h);
        break;
      }
    }
  }
  const LexiconTarget* targets = matcher_->targets_begin(0);
  for (const LiteralHit& h : hits) {
    if (!allow.empty() && Suppressed(h, allow)) continue;
    for (const LexiconTarget* t = matcher_->targets_begin(h.literal);
         t != matcher_->targets_end(h.literal); ++t) {
      size_t b, e;
      if (!entries[t->entry].allow && LexiconSpan(h, *t, lex, text, &b, &e)) {
        pending.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e),
                           FindingKind::kLexicon, static_cast<uint32_t>(t - targets)});
      }
    }
  }
  const size_t pi_begin = pending.size();
  for (uint32_t k = 0; k < pi_matches.size(); ++k) {
    auto [b, e] = pi.SourceSpan(pi_matches[k].begin, pi_matches[k].end, text);
    // Its bytes are copied into the finding below; by then they are in the cache.
    __builtin_prefetch(text.data() + b);
    pending.push_back(
        {static_cast<uint32_t>(b), static_cast<uint32_t>(e), FindingKind::kPersonalInfo, k});
  }
  const size_t invalid_begin = pending.size();
  for (uint32_t k = 0; k < invalid.size(); ++k) {
    pending.push_back({static_cast<uint32_t>(invalid[k].offset),
                       static_cast<uint32_t>(invalid[k].offset + invalid[k].length),
                       FindingKind::kInvalidUtf8, k});
  }

  // The order of SortFindings: (begin, end, kind, rule_id, category); the
  // strings are consulted only on ties. Each run is nearly always sorted
  // already (spans map monotonically), so sorting is mostly merging.
  auto rule_and_category = [&](const Pending& p) -> std::pair<std::string_view, std::string_view> {
    switch (p.kind) {
      case FindingKind::kLexicon: {
        const LexiconEntry& entry = entries[targets[p.source].entry];
        return {entry.rule_id, entry.category};
      }
      case FindingKind::kPersonalInfo:
        return {pi_matches[p.source].rule_id, PiTypeName(pi_matches[p.source].type)};
      case FindingKind::kInvalidUtf8:
        break;
    }
    return {"utf8", "invalid_utf8"};
  };
  auto less = [&](const Pending& a, const Pending& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    if (a.kind != b.kind) return a.kind < b.kind;
    return rule_and_category(a) < rule_and_category(b);
  };
  const auto first = pending.begin();
  const auto pi_first = first + static_cast<ptrdiff_t>(pi_begin);
  const auto invalid_first = first + static_cast<ptrdiff_t>(invalid_begin);
  for (auto [b, e] : {std::pair{first, pi_first}, std::pair{pi_first, invalid_first},
                      std::pair{invalid_first, pending.end()}}) {
    if (!std::is_sorted(b, e, less)) std::sort(b, e, less);
  }
  std::inplace_merge(first, pi_first, invalid_first, less);
  std::inplace_merge(first, invalid_first, pending.end(), less);

  std::vector<Finding> findings;
  findings.reserve(pending.size());
  for (const Pending& p : pending) {
    Finding& f = findings.emplace_back();
    switch (p.kind) {
      case FindingKind::kLexicon:
        FillLexiconFinding(targets[p.source], p.begin, p.end, text, 0, &f);
        break;
      case FindingKind::kPersonalInfo:
        FillPiFinding(pi_matches[p.source], p.begin, p.end, text, 0, &f);
        break;
      case FindingKind::kInvalidUtf8:
        f = InvalidFinding(invalid[p.source], text, 0);
        break;
    }
  }
  lex.ReleaseIfAbove(kScratchRetainBytes);
  pi.ReleaseIfAbove(kScratchRetainBytes);
  ReleaseIfAbove(kScratchRetainBytes, &hits);
  ReleaseIfAbove(kScratchRetainBytes, &pi_matches);
  ReleaseIfAbove(kScratchRetainBytes, &pending);
  return findings;
}

std::unique_ptr<ScanStream> Scanner::OpenStream(const StreamOptions& options) const {
  return std::unique_ptr<ScanStream>(new ScanStream(shared_from_this(), options));
}

}  // namespace hegui::scan
