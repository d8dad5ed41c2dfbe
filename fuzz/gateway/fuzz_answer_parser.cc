// Fuzzes the answer parser (gateway/answer_parser.h) with arbitrary bytes as
// an upstream's whole answer. Checks:
//   - it never crashes or throws, whatever the body;
//   - the fast way and the nlohmann::json way (ParseAnswerViaDom) agree: the
//     same refusal, or the same texts, token counts and choices flag;
//   - an accepted answer is held as JSON equal to what was sent, and what
//     goes to the client after every text is rewritten and the answer is
//     flagged is read again with exactly those texts.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "gateway/answer_parser.h"

using namespace hegui::gateway;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string body(reinterpret_cast<const char*>(data), size);
  Answer answer, reference;
  hegui::Status status = ParseAnswer(body, &answer);
  hegui::Status ref_status = ParseAnswerViaDom(body, &reference);
  if (status.ok() != ref_status.ok()) std::abort();
  if (!status.ok()) {
    if (status.message() != ref_status.message()) std::abort();
    return 0;
  }
  if (answer.has_choices != reference.has_choices ||
      answer.prompt_tokens != reference.prompt_tokens ||
      answer.completion_tokens != reference.completion_tokens ||
      answer.texts.size() != reference.texts.size()) {
    std::abort();
  }
  for (size_t i = 0; i < answer.texts.size(); ++i) {
    if (answer.texts[i].text != reference.texts[i].text) std::abort();
  }
  nlohmann::json sent = nlohmann::json::parse(body, nullptr, false);
  if (sent.is_discarded() || nlohmann::json::parse(answer.body, nullptr, false) != sent) {
    std::abort();
  }
  for (BodyText& text : answer.texts) {
    text.text = "[masked]" + text.text;
    text.rewritten = true;
  }
  answer.review_id = "r-1";
  Answer again;
  if (!ParseAnswer(ForwardedAnswerBody(answer), &again).ok()) std::abort();
  if (again.texts.size() != answer.texts.size()) std::abort();
  for (size_t i = 0; i < answer.texts.size(); ++i) {
    if (again.texts[i].text != answer.texts[i].text) std::abort();
  }
  return 0;
}
