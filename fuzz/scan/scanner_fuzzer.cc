// Fuzzes the scanner: whole-buffer scan of arbitrary bytes against a small
// lexicon with pinyin, whole-word and allow-list entries; every finding's text
// must equal the original bytes at its offsets, and a stream fed in chunks of
// a size taken from the input, with a batch size taken from the input, must
// report the same findings.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "scan/scanner.h"

using namespace hegui::scan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::shared_ptr<const Scanner> scanner = [] {
    auto lex = Lexicon::ParseText(
        "赌博\tgambling\tpinyin,initials\n网络赌博\tgambling\ncasino\tgambling\n"
        "ass\tpornography\tword\n冰毒\tdrugs\n打击网络赌博\tallow\n",
        "fuzz.tsv");
    if (!lex.ok()) std::abort();
    auto s = Scanner::Create({.lexicon = std::move(*lex)});
    if (!s.ok()) std::abort();
    return *s;
  }();
  if (size == 0) return 0;
  size_t chunk = 1 + data[0] % 16;
  // Small batches exercise the PI detectors' resume points and buffer trims.
  size_t batch = (data[0] >> 4) == 0 ? 1024 : 4 * (data[0] >> 4);
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto whole = scanner->Scan(text);
  if (!whole.ok()) std::abort();
  for (const Finding& f : *whole) {
    if (f.end > text.size() || f.begin >= f.end) std::abort();
    if (text.substr(f.begin, f.end - f.begin) != f.text) std::abort();
  }
  auto stream = scanner->OpenStream({.pi_batch_bytes = batch});
  StreamUpdate update;
  std::vector<Finding> streamed;
  std::string released;
  for (size_t pos = 0; pos < text.size(); pos += chunk) {
    if (!stream->Feed(text.substr(pos, chunk), &update).ok()) std::abort();
    streamed.insert(streamed.end(), update.findings.begin(), update.findings.end());
    released += update.released;
  }
  if (!stream->Close(&update).ok()) std::abort();
  streamed.insert(streamed.end(), update.findings.begin(), update.findings.end());
  released += update.released;
  SortFindings(&streamed);
  if (streamed != *whole || released != text) std::abort();
  return 0;
}
