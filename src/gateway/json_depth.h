// JsonDepthWithin: whether JSON text nests arrays and objects no deeper than
// a bound, checked on the raw bytes before nlohmann::json touches them.
//
// nlohmann::json parses deep nesting iteratively, but copies and serialises
// it recursively: one request body (or upstream answer) of a megabyte of '['
// would overflow a server thread's stack and take the whole gateway down.
// Every JSON text from outside (client bodies, admin bodies, upstream answers
// and stream events) is checked with this first. Brackets inside strings
// (with their escapes) do not count; the text need not be valid JSON (the
// parser judges that afterwards). Pure function, thread-safe, one pass, no
// allocation.
#ifndef HEGUI_GATEWAY_JSON_DEPTH_H_
#define HEGUI_GATEWAY_JSON_DEPTH_H_

#include <cstddef>
#include <string_view>

namespace hegui::gateway {

// The nesting the gateway accepts: far beyond any OpenAI request (tool
// schemas included), far below what a thread's stack can recurse through.
inline constexpr size_t kMaxJsonDepth = 128;

bool JsonDepthWithin(std::string_view text, size_t max_depth = kMaxJsonDepth);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_JSON_DEPTH_H_
