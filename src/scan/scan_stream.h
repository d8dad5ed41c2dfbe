// ScanStream: scans text that arrives in chunks (e.g. SSE deltas of a model
// response) and finds matches that cross chunk borders.
//
// Feed() normalises the new bytes, scans them with the overlap needed for
// matches that began earlier, and reports the findings that have become
// final: no later byte can change them. It also RELEASES the prefix of the
// input that can no longer be part of any match; a gateway forwards only
// released bytes, so a finding is always reported before (or with) the
// release of its bytes, and a finding's bytes are released in one piece.
//
// Batches: with PI detection on, bytes are released only when the detectors
// run, once StreamOptions::pi_batch_bytes new bytes have arrived (and at
// Close). So Feed() does all its work then, in one pass over the batch: a
// Feed() that does not complete a batch only buffers its chunk (no findings,
// nothing released). Without PI detection every Feed() does its work at once.
// Drain() ends a batch early, at a pause of the input.
//
// Hold-back: about the longest lexicon term (in normalised bytes, plus any
// separators inside it), an incomplete UTF-8 character at the end of a chunk,
// and for personal information the bytes after the last resume point (see
// pi/resume_point.h) or PiDetector::MaxMatchBytes(), plus up to
// StreamOptions::pi_batch_bytes not yet run through the detectors. Memory is bounded: when more
// than ScannerConfig::stream_max_hold_back_bytes original bytes would be held (a term stretched by
// thousands of separators), the stream releases the older half anyway and a match spanning that far
// may be missed.
//
// Equivalence: for inputs without such forced releases, the findings of a
// stream fed in any chunking equal Scanner::Scan() of the whole text (as a
// set; Scan() sorts them, a stream reports them as they become final).
//
// Thread-safety: a ScanStream is used by one thread at a time (it may move
// between threads). It keeps its Scanner alive.
#ifndef HEGUI_SCAN_SCAN_STREAM_H_
#define HEGUI_SCAN_SCAN_STREAM_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "scan/finding.h"
#include "scan/lexicon_matcher.h"
#include "scan/mask.h"
#include "scan/normalizer.h"
#include "scan/pi/pi_detector.h"
#include "scan/pi/resume_point.h"

namespace hegui::scan {

class Scanner;

struct StreamOptions {
  bool mask = false;  // StreamUpdate::released is masked with mask_options.
  MaskOptions mask_options;
  // With PI detection on, the stream does its work (and releases bytes) once
  // this many new input bytes have arrived, at Drain() and at Close: larger
  // batches cost less per byte, smaller ones hold back less.
  size_t pi_batch_bytes = 4096;
};

// What one Feed()/Close() produced; overwritten by each call.
struct StreamUpdate {
  std::vector<Finding> findings;  // Newly final findings (offsets from stream start).
  std::string released;           // Newly released original bytes (masked if asked).
  uint64_t released_offset = 0;   // Stream offset of the first released byte.
};

class ScanStream {
 public:
  ScanStream(const ScanStream&) = delete;
  ScanStream& operator=(const ScanStream&) = delete;

  // Adds a chunk (any split, even inside a UTF-8 character). FailedPrecondition
  // after Close().
  Status Feed(std::string_view chunk, StreamUpdate* update);
  // Does now the work a completed batch would do, whatever the batch's size:
  // reports what became final and releases what no later byte can change.
  // For a caller at a natural pause of its input (the end of a network read),
  // so text that trickles in is not held back for a whole batch. Findings are
  // the same whenever it is called. FailedPrecondition after Close().
  Status Drain(StreamUpdate* update);
  // Ends the input: reports what remains and releases everything held.
  Status Close(StreamUpdate* update);

  uint64_t bytes_fed() const { return base_ + buf_.size(); }
  uint64_t bytes_released() const { return released_; }
  // Original bytes currently buffered (held back plus retained context).
  size_t buffered_bytes() const { return buf_.size(); }

 private:
  friend class Scanner;
  struct Candidate {
    LiteralHit hit;
    LexiconTarget target;
  };

  ScanStream(std::shared_ptr<const Scanner> scanner, const StreamOptions& options);
  // Resets `update` to no findings and nothing released (at released_).
  void ReportNothing(StreamUpdate* update) const;
  Status Advance(bool closing, StreamUpdate* update);
  void EmitInvalid(const InvalidUtf8& run, StreamUpdate* update);
  // Keeps what the release step needs of a reported finding.
  void Remember(const Finding& f);
  void RunPi(bool closing, StreamUpdate* update);
  void Trim(size_t release_rel, size_t keep_lex);
  // Where the next PI detection starts: the last resume point if it is not
  // before PiWindowStart(), else PiWindowStart().
  size_t PiScanStart() const;
  // MaxMatchBytes() + MaxContextBytes() before pi_done_, on a character
  // boundary, outside an ASCII run.
  size_t PiWindowStart() const;

  std::shared_ptr<const Scanner> scanner_;
  StreamOptions options_;
  std::string buf_;  // Original bytes from stream offset base_.
  uint64_t base_ = 0;
  size_t consumed_ = 0;  // Bytes of buf_ already normalised.
  NormalizedView lex_;   // Lexicon view of buf_[0, consumed_).
  size_t lex_scanned_ = 0;
  size_t lex_resume_ = 0;  // Where the next lexicon scan starts (LiteralSet::Scan).
  NormalizedView pi_;      // PI view of buf_[0, consumed_) (when PI is on).
  size_t pi_done_ = 0;     // PI matches beginning before this view position are reported.
  // The last resume point seen (pi/resume_point.h), <= pi_done_, with its
  // look-behind kept; kNoResumePoint if none.
  size_t pi_resume_ = kNoResumePoint;
  std::vector<PiMatch> pi_matches_;
  std::vector<Candidate> pending_;           // Lexicon hits not yet final.
  std::vector<LiteralHit> allow_;            // Allow-list hits that may still contain a hit.
  std::optional<InvalidUtf8> open_invalid_;  // Invalid run that may continue.
  // Reported findings whose bytes are not yet released: their spans, and
  // (only when masking) the findings themselves.
  std::vector<std::pair<uint64_t, uint64_t>> unreleased_spans_;
  std::vector<Finding> unreleased_;
  uint64_t released_ = 0;
  bool closed_ = false;
  std::vector<LiteralHit> hits_;
  std::vector<InvalidUtf8> invalid_;
};

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_SCAN_STREAM_H_
