#include "scan/scan_stream.h"

#include <algorithm>

#include "scan/pi/resume_point.h"
#include "scan/scanner.h"

namespace hegui::scan {
namespace {

// Bytes of original context kept before the oldest position a future match
// can start at (whole-word checks look at the preceding character).
constexpr size_t kLeftContextBytes = 16;
// The fewest bytes Trim() drops at once (see there).
constexpr size_t kTrimBytes = 8192;

}  // namespace

ScanStream::ScanStream(std::shared_ptr<const Scanner> scanner, const StreamOptions& options)
    : scanner_(std::move(scanner)), options_(options) {}

Status ScanStream::Feed(std::string_view chunk, StreamUpdate* update) {
  if (closed_) return FailedPreconditionError("ScanStream::Feed after Close");
  buf_.append(chunk);
  const size_t batch =
      std::min(options_.pi_batch_bytes, scanner_->config().stream_max_hold_back_bytes);
  if (scanner_->pi_detector() != nullptr && buf_.size() - consumed_ < batch) {
    // Nothing could be released before the detectors run: wait for the batch
    // (never longer than the memory bound allows).
    ReportNothing(update);
    return OkStatus();
  }
  return Advance(false, update);
}

Status ScanStream::Drain(StreamUpdate* update) {
  if (closed_) return FailedPreconditionError("ScanStream::Drain after Close");
  if (buf_.size() == consumed_) {
    // Nothing arrived since the last run: it released all it could.
    ReportNothing(update);
    return OkStatus();
  }
  return Advance(false, update);
}

Status ScanStream::Close(StreamUpdate* update) {
  if (closed_) return FailedPreconditionError("ScanStream::Close called twice");
  closed_ = true;
  return Advance(true, update);
}

void ScanStream::Remember(const Finding& f) {
  unreleased_spans_.push_back({f.begin, f.end});
  if (options_.mask) unreleased_.push_back(f);
}

void ScanStream::EmitInvalid(const InvalidUtf8& run, StreamUpdate* update) {
  update->findings.push_back(scanner_->InvalidFinding(run, buf_, base_));
  Remember(update->findings.back());
}

void ScanStream::ReportNothing(StreamUpdate* update) const {
  update->findings.clear();
  update->released.clear();
  update->released_offset = released_;
}

Status ScanStream::Advance(bool closing, StreamUpdate* update) {
  ReportNothing(update);
  const Normalizer& normalizer = scanner_->normalizer();
  const LexiconMatcher& matcher = scanner_->matcher();
  const auto& entries = matcher.lexicon().entries();
  const size_t max_lit = matcher.max_literal_bytes();

  // 1. Normalise the complete characters that arrived.
  invalid_.clear();
  const PiDetector* pi = scanner_->pi_detector();
  consumed_ += normalizer.Append(
      std::string_view(buf_).substr(consumed_), static_cast<uint32_t>(consumed_), closing,
      matcher.literal_count() > 0 ? &lex_ : nullptr, pi != nullptr ? &pi_ : nullptr,
      scanner_->config().report_invalid_utf8 ? &invalid_ : nullptr);
  for (const InvalidUtf8& run : invalid_) {
    if (open_invalid_ && open_invalid_->offset + open_invalid_->length == run.offset) {
      open_invalid_->length += run.length;
      continue;
    }
    if (open_invalid_) EmitInvalid(*open_invalid_, update);
    open_invalid_ = run;
  }
  if (open_invalid_ && (closing || open_invalid_->offset + open_invalid_->length < consumed_)) {
    EmitInvalid(*open_invalid_, update);
    open_invalid_.reset();
  }

  // 2. Scan the new part of the lexicon view, with enough overlap for hits
  //    that began before it; only hits ending in the new part are new.
  if (lex_.size() > lex_scanned_ && max_lit > 0) {
    // Resume where the previous scan left positions open (a key cut off by
    // the end, or a matched key of a longer literal), not a whole longest
    // term back.
    size_t start = std::min(lex_resume_, lex_scanned_);
    hits_.clear();
    size_t resume =
        matcher.Scan(lex_.text().substr(start), lex_scanned_ - start, &hits_, /*padded=*/true);
    // A literal beginning before size - max_lit + 1 lies wholly in the view.
    lex_resume_ = std::max(start + resume, lex_.size() >= max_lit ? lex_.size() - max_lit + 1 : 0);
    for (LiteralHit h : hits_) {
      h.begin += static_cast<uint32_t>(start);
      h.end += static_cast<uint32_t>(start);
      bool allow_added = false;
      for (const LexiconTarget* t = matcher.targets_begin(h.literal);
           t != matcher.targets_end(h.literal); ++t) {
        if (entries[t->entry].allow) {
          if (!allow_added) allow_.push_back(h);
          allow_added = true;
        } else {
          pending_.push_back({h, *t});
        }
      }
    }
  }
  lex_scanned_ = lex_.size();

  // 3. Report hits that no later byte can change: every allow-list phrase
  //    that could contain them has been seen, and for whole-word terms the
  //    next character is known.
  std::vector<Candidate> still_pending;
  for (const Candidate& c : pending_) {
    bool final = closing || lex_.size() >= c.hit.end + matcher.AllowReach(c.hit.literal);
    if (final && !closing && c.target.whole_word) {
      final = lex_.SourceSpan(c.hit.begin, c.hit.end, buf_).second < consumed_;
    }
    if (!final) {
      still_pending.push_back(c);
      continue;
    }
    if (Scanner::Suppressed(c.hit, allow_)) continue;
    size_t before = update->findings.size();
    scanner_->AppendLexiconFinding(c.hit, c.target, lex_, buf_, base_, &update->findings);
    if (update->findings.size() > before) Remember(update->findings.back());
  }
  pending_.swap(still_pending);

  if (pi != nullptr) RunPi(closing, update);

  // 4. Release what can no longer be part of a match.
  size_t keep_lex = lex_.size();  // Lexicon view position future hits may start at.
  if (max_lit > 0) keep_lex = lex_.size() >= max_lit ? lex_.size() - max_lit + 1 : 0;
  size_t release = buf_.size();
  if (!closing) {
    release = consumed_;
    if (keep_lex < lex_.size()) release = std::min<size_t>(release, lex_.source(keep_lex));
    for (const Candidate& c : pending_) {
      release = std::min<size_t>(release, lex_.source(c.hit.begin));
    }
    if (open_invalid_) release = std::min(release, open_invalid_->offset);
    if (pi != nullptr && pi_done_ < pi_.size()) {
      release = std::min<size_t>(release, pi_.source(pi_done_));
    }
    size_t limit = scanner_->config().stream_max_hold_back_bytes;
    if (consumed_ - std::min(release, consumed_) > limit) {
      // Bound memory: release the older half of the held bytes regardless.
      release = consumed_ - limit / 2;
      while (release < consumed_ && (static_cast<unsigned char>(buf_[release]) & 0xC0) == 0x80) {
        ++release;
      }
      std::erase_if(pending_,
                    [&](const Candidate& c) { return lex_.source(c.hit.begin) < release; });
      keep_lex = std::max(keep_lex, lex_.IndexAtOrAfter(release));
      if (pi != nullptr) {
        pi_done_ = std::max(pi_done_, pi_.IndexAtOrAfter(release));
      }
    }
    // Never cut a reported finding in two.
    for (bool moved = true; moved;) {
      moved = false;
      for (const auto& [begin, end] : unreleased_spans_) {
        if (begin < base_ + release && base_ + release < end && begin >= released_) {
          release = begin - base_;
          moved = true;
        }
      }
    }
    release = std::max<size_t>(release, released_ - base_);
  }
  std::string_view out =
      std::string_view(buf_).substr(released_ - base_, base_ + release - released_);
  update->released_offset = released_;
  if (options_.mask) {
    update->released = MaskText(out, released_, unreleased_, options_.mask_options);
  } else {
    update->released.assign(out);  // Reuses the caller's buffer.
  }
  released_ = base_ + release;
  std::erase_if(unreleased_, [&](const Finding& f) { return f.end <= released_; });
  std::erase_if(unreleased_spans_,
                [&](const std::pair<uint64_t, uint64_t>& f) { return f.second <= released_; });

  // 5. Drop what is neither held back nor needed as context.
  if (!closing) Trim(release, keep_lex);
  return OkStatus();
}

void ScanStream::RunPi(bool closing, StreamUpdate* update) {
  const PiDetector& pi = *scanner_->pi_detector();
  const size_t n = pi_.size();
  const std::string_view text = pi_.text();
  const size_t start = PiScanStart();
  const bool resumed = start == pi_resume_;
  // Matches beginning before `limit` cannot change any more: a match and the
  // bytes that decide its end fit in MaxMatchBytes(), and no byte after a
  // resume point changes the matches before it (resume_point.h).
  const size_t m = pi.MaxMatchBytes();
  size_t limit = closing ? n : (n >= m ? n - m + 1 : 0);
  if (!closing) {
    // A resume point before the next window start would not be used.
    const size_t span = m + pi.MaxContextBytes();
    const size_t floor = std::max(start, limit > span ? limit - span : 0);
    if (size_t resume = LastResumePoint(text, floor); resume != kNoResumePoint) {
      pi_resume_ = resume;
      limit = std::max(limit, resume);
    }
  }
  if (limit <= pi_done_) return;
  pi_matches_.clear();
  if (resumed) {
    // Continue the scan where it can stop; the bytes before are look-behind.
    pi.Detect(text, start, &pi_matches_);
  } else {
    pi.Detect(text.substr(start), &pi_matches_);
    for (PiMatch& match : pi_matches_) {
      match.begin += start;
      match.end += start;
    }
  }
  for (const PiMatch& match : pi_matches_) {
    if (match.begin < pi_done_ || match.begin >= limit) continue;
    update->findings.push_back(scanner_->PiFinding(match, pi_, buf_, base_));
    Remember(update->findings.back());
  }
  pi_done_ = limit;
}

size_t ScanStream::PiScanStart() const {
  const size_t window = PiWindowStart();
  return pi_resume_ != kNoResumePoint && pi_resume_ >= window ? pi_resume_ : window;
}

size_t ScanStream::PiWindowStart() const {
  const PiDetector& pi = *scanner_->pi_detector();
  // A candidate competing with a match at pi_done_ may begin up to
  // MaxMatchBytes() earlier and needs its own context before it.
  size_t context = pi.MaxContextBytes() + pi.MaxMatchBytes();
  size_t start = pi_done_ > context ? pi_done_ - context : 0;
  std::string_view text = pi_.text();
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  // Do not start inside a run of ASCII (a number, an address, an e-mail): a
  // cut-off tail could read as a different candidate and shadow a real match.
  size_t floor = start > pi.MaxMatchBytes() ? start - pi.MaxMatchBytes() : 0;
  while (start > floor && static_cast<unsigned char>(text[start - 1]) < 0x80 &&
         text[start - 1] != '\n') {
    --start;
  }
  return start;
}

void ScanStream::Trim(size_t release_rel, size_t keep_lex) {
  size_t lex_floor = keep_lex;
  for (const Candidate& c : pending_) lex_floor = std::min<size_t>(lex_floor, c.hit.begin);
  std::erase_if(allow_, [&](const LiteralHit& a) { return a.end <= lex_floor; });
  // Amortise: trim in large steps (checked first with the bound `keep` can
  // at most reach, so that most calls cost nothing): at least half the
  // buffer, and at least kTrimBytes (less under a small memory bound), so
  // that the bytes kept are moved once per several batches, not per batch.
  const size_t min_trim = std::min(kTrimBytes, scanner_->config().stream_max_hold_back_bytes / 4);
  auto worth_it = [&](size_t keep) { return keep >= min_trim && keep * 2 >= buf_.size(); };
  if (release_rel <= kLeftContextBytes || !worth_it(release_rel - kLeftContextBytes)) return;
  for (const LiteralHit& a : allow_) lex_floor = std::min<size_t>(lex_floor, a.begin);
  size_t keep = std::min(release_rel, lex_floor < lex_.size() ? lex_.source(lex_floor) : consumed_);
  const bool pi_on = scanner_->pi_detector() != nullptr;
  if (pi_on) {
    size_t start = PiScanStart();
    // Keep what the detectors look back at from there (context words).
    start = start > kResumeLookBehindBytes ? start - kResumeLookBehindBytes : 0;
    if (start < pi_.size()) keep = std::min<size_t>(keep, pi_.source(start));
  }
  keep = keep > kLeftContextBytes ? keep - kLeftContextBytes : 0;
  if (!worth_it(keep)) return;
  size_t drop_lex = lex_.IndexAtOrAfter(keep);
  if (pi_on) {
    size_t drop_pi = pi_.IndexAtOrAfter(keep);
    pi_.DropFront(drop_pi, static_cast<uint32_t>(keep));
    pi_done_ -= drop_pi;
    // A resume point whose look-behind was dropped is no longer usable.
    pi_resume_ = pi_resume_ != kNoResumePoint && pi_resume_ >= drop_pi + kResumeLookBehindBytes
                     ? pi_resume_ - drop_pi
                     : kNoResumePoint;
  }
  lex_.DropFront(drop_lex, static_cast<uint32_t>(keep));
  buf_.erase(0, keep);
  base_ += keep;
  consumed_ -= keep;
  lex_scanned_ -= drop_lex;
  lex_resume_ = lex_resume_ > drop_lex ? lex_resume_ - drop_lex : 0;
  for (Candidate& c : pending_) {
    c.hit.begin -= static_cast<uint32_t>(drop_lex);
    c.hit.end -= static_cast<uint32_t>(drop_lex);
  }
  for (LiteralHit& a : allow_) {
    a.begin -= static_cast<uint32_t>(drop_lex);
    a.end -= static_cast<uint32_t>(drop_lex);
  }
  if (open_invalid_) open_invalid_->offset -= keep;
}

}  // namespace hegui::scan
