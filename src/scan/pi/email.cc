#include "scan/pi/email.h"

#include "scan/pi/match_sink.h"
#include "scan/pi/pi_text.h"

namespace hegui::scan {
namespace {

using pi_text::At;
using pi_text::IsAlnum;

bool IsLocalChar(char c) {
  return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// The end of the domain starting at p, or 0 if there is no valid domain.
size_t DomainEnd(std::string_view text, size_t p) {
  size_t labels = 0;
  size_t end = 0;
  bool last_alpha = false;
  size_t last_size = 0;
  size_t q = p;
  while (q - p <= kMaxEmailDomainBytes) {
    const size_t label = q;
    bool alpha = true;
    while (q < text.size() && (IsAlnum(text[q]) || text[q] == '-')) {
      alpha = alpha && pi_text::IsAlpha(text[q]);
      ++q;
    }
    const size_t size = q - label;
    if (size == 0 || size > 63 || text[label] == '-' || text[q - 1] == '-') break;
    ++labels;
    end = q;
    last_alpha = alpha;
    last_size = size;
    if (At(text, q) != '.' || !IsAlnum(At(text, q + 1))) break;
    ++q;
  }
  if (labels < 2 || !last_alpha || last_size < 2 || end - p > kMaxEmailDomainBytes) return 0;
  // The domain must not continue as a word ("a@b.com5" is not an address).
  if (IsAlnum(At(text, end)) || At(text, end) == '-') return 0;
  return end;
}

}  // namespace

size_t ScanEmailAt(size_t at, MatchSink& sink) {
  const std::string_view text = sink.text();
  if (!sink.Wants(PiType::kEmail)) return at + 1;
  size_t begin = at;
  while (begin > 0 && IsLocalChar(text[begin - 1]) && at - begin <= kMaxEmailLocalBytes) --begin;
  if (at - begin > kMaxEmailLocalBytes) return at + 1;  // longer than any valid local part
  // Trim leading dots and symbols that cannot start a local part.
  while (begin < at && !IsAlnum(text[begin]) && text[begin] != '_') ++begin;
  if (begin == at || text[at - 1] == '.') return at + 1;
  if (text.substr(begin, at - begin).find("..") != std::string_view::npos) return at + 1;
  const size_t end = DomainEnd(text, at + 1);
  if (end == 0) return at + 1;
  sink.Emit(PiType::kEmail, begin, end, 0.95f, 0.95f, "pi.email");
  return end;
}

}  // namespace hegui::scan
