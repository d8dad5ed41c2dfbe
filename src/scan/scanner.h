// Scanner: a compiled scanning policy — the lexicon and the detectors — that
// finds prohibited content and invalid UTF-8 in text, reporting ORIGINAL
// byte offsets. It reports only; actions (allow, mask, block, review) belong
// to the policy of the caller.
//
// Pipeline: Normalizer (lexicon view + PI view, with offset maps) ->
// LexiconMatcher (LiteralSet over the lexicon view) -> filters
// (allow-list phrases, whole-word terms), and PiDetector over the PI view ->
// Findings mapped back to the original bytes (see normalizer.h for the offset
// rule). Personal-information findings rest on CSL-44 (operators must not
// leak or hand over personal information; Art. 42-45 as a group).
//
// Thread-safety: a Scanner is immutable once created; Scan() and OpenStream()
// may be called from any number of threads at once. Create() returns a
// shared_ptr; each ScanStream keeps its Scanner alive, so swapping in a new
// Scanner (ScannerHandle) never disturbs streams in flight.
//
// Example (gateway side):
//   HEGUI_ASSIGN_OR_RETURN(scan::Lexicon lexicon, scan::Lexicon::LoadDefault());
//   HEGUI_ASSIGN_OR_RETURN(auto scanner, scan::Scanner::Create({.lexicon = std::move(lexicon)}));
//   // Whole buffer:
//   HEGUI_ASSIGN_OR_RETURN(std::vector<scan::Finding> findings, scanner->Scan(prompt));
//   std::string masked = scan::MaskText(prompt, 0, findings);
//   // Streamed response (SSE deltas):
//   std::unique_ptr<scan::ScanStream> stream = scanner->OpenStream();
//   scan::StreamUpdate update;
//   for (std::string_view delta : deltas) {
//     HEGUI_RETURN_IF_ERROR(stream->Feed(delta, &update));
//     Decide(update.findings);     // new findings, possibly spanning earlier deltas
//     Forward(update.released);    // only bytes that can no longer be part of a match
//   }
//   HEGUI_RETURN_IF_ERROR(stream->Close(&update));  // flushes the held-back tail
#ifndef HEGUI_SCAN_SCANNER_H_
#define HEGUI_SCAN_SCANNER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "core/status_or.h"
#include "scan/finding.h"
#include "scan/lexicon.h"
#include "scan/lexicon_matcher.h"
#include "scan/mask.h"
#include "scan/normalizer.h"
#include "scan/pi/pi_detector.h"
#include "scan/scan_stream.h"

namespace hegui::scan {

struct ScannerConfig {
  Lexicon lexicon;        // Prohibited-content terms; may be empty.
  bool detect_pi = true;  // Run the personal-information detectors (scan/pi/).
  PiDetectorOptions pi;   // Which PI types, minimum confidence.
  NormalizerOptions normalizer;
  bool report_invalid_utf8 = true;
  // Streams: the most original bytes a stream holds back before it releases
  // text regardless (bounds memory; a match spanning more bytes than this,
  // e.g. through thousands of inserted separators, may then be missed).
  size_t stream_max_hold_back_bytes = 64 * 1024;
};

class Scanner : public std::enable_shared_from_this<Scanner> {
 public:
  // Compiles the config. Errors: a lexicon term that normalises to nothing
  // (InvalidArgument naming its rule id), bad PI options (InvalidArgument),
  // missing OpenCC data (NotFound).
  static StatusOr<std::shared_ptr<const Scanner>> Create(ScannerConfig config);

  // Scans one buffer (UTF-8; invalid bytes are reported and skipped). Findings
  // are sorted by (begin, end). The PI view (NFKC-folded, separators kept) is
  // what the PI detectors read. Fails only on a text of 4 GiB or more (use a
  // stream). Cost: linear in the text, one normalising pass, one literal-set
  // pass and one PI pass. Memory: the views and lists a scan needs are kept
  // per thread for the next scan (about 3 bytes per text byte), except that
  // each is freed after a scan that made it hold more than 32 MiB.
  StatusOr<std::vector<Finding>> Scan(std::string_view text) const;

  // Opens a stream for chunked input (see scan_stream.h).
  std::unique_ptr<ScanStream> OpenStream(const StreamOptions& options = {}) const;

  const Normalizer& normalizer() const { return normalizer_; }
  const LexiconMatcher& matcher() const { return *matcher_; }
  const ScannerConfig& config() const { return config_; }
  // Null when personal information is not detected.
  const PiDetector* pi_detector() const { return pi_.get(); }

 private:
  friend class ScanStream;
  Scanner(ScannerConfig config, Normalizer normalizer, std::unique_ptr<const LexiconMatcher> m,
          std::unique_ptr<PiDetector> pi)
      : config_(std::move(config)),
        normalizer_(normalizer),
        matcher_(std::move(m)),
        pi_(std::move(pi)) {}

  // Turns lexicon hits over `lex` into findings. `original` holds the bytes the
  // view's offsets index, starting at stream offset `base`; `hits` are all
  // hits to resolve, `allow` all allow-list hits that may contain them.
  // A whole-word term needs the original character after it to be in
  // `original` unless no byte follows.
  void AppendLexiconFinding(const LiteralHit& hit, const LexiconTarget& target,
                            const NormalizedView& lex, std::string_view original, uint64_t base,
                            std::vector<Finding>* out) const;
  static bool Suppressed(const LiteralHit& hit, const std::vector<LiteralHit>& allow);
  Finding InvalidFinding(const InvalidUtf8& run, std::string_view original, uint64_t base) const;
  // A PI match over the PI view `pi` mapped to the original bytes.
  Finding PiFinding(const PiMatch& m, const NormalizedView& pi, std::string_view original,
                    uint64_t base) const;

  // The original span [*b, *e) of a lexicon hit; false when a whole-word
  // target is not a whole word there.
  bool LexiconSpan(const LiteralHit& hit, const LexiconTarget& target, const NormalizedView& lex,
                   std::string_view original, size_t* b, size_t* e) const;
  // Fills `f` (default-constructed) for a lexicon target found at original
  // [b, e), or for a PI match found there.
  void FillLexiconFinding(const LexiconTarget& target, size_t b, size_t e,
                          std::string_view original, uint64_t base, Finding* f) const;
  static void FillPiFinding(const PiMatch& m, size_t b, size_t e, std::string_view original,
                            uint64_t base, Finding* f);

  ScannerConfig config_;  // config_.lexicon is moved into the matcher.
  Normalizer normalizer_;
  std::unique_ptr<const LexiconMatcher> matcher_;
  std::unique_ptr<PiDetector> pi_;  // Null when config_.detect_pi is false.
};

// Sorts findings by (begin, end, kind, rule_id): the order Scan() returns.
void SortFindings(std::vector<Finding>* findings);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_SCANNER_H_
