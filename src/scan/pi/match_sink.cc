#include "scan/pi/match_sink.h"

#include "scan/pi/context_words.h"

namespace hegui::scan {

bool MatchSink::Emit(PiType type, size_t begin, size_t end, float base, float with_context,
                     std::string_view rule_id) {
  if (!Wants(type) || begin >= end || end > text_.size()) return false;
  float confidence = base;
  if (with_context > base && HasContextBefore(text_, begin, type)) confidence = with_context;
  if (confidence <= 0.0f || confidence < options_.min_confidence) return false;
  out_->push_back(PiMatch{type, begin, end, confidence, rule_id});
  return true;
}

}  // namespace hegui::scan
