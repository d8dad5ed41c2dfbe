// The benchmark chat corpus: kChatCorpusBytes of generated chat messages,
// mostly Chinese with some English, and now and then a piece of personal
// information (mobile numbers with and without separators, an e-mail, a
// resident ID, a bank card, an IPv4 address, a licence plate). Deterministic
// (fixed seed): every benchmark that uses it scans the same bytes, so
// scan_benchmark's pipeline and pi_bench's detector figures compare.
#ifndef HEGUI_BENCH_SCAN_CHAT_CORPUS_H_
#define HEGUI_BENCH_SCAN_CHAT_CORPUS_H_

#include <cstddef>
#include <string>

namespace hegui::scan {

inline constexpr size_t kChatCorpusBytes = 4 << 20;

// At least kChatCorpusBytes (ends after a whole message).
std::string MakeChatCorpus();

}  // namespace hegui::scan

#endif  // HEGUI_BENCH_SCAN_CHAT_CORPUS_H_
