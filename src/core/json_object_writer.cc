#include "core/json_object_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>

#include "core/json_string.h"

namespace hegui {

JsonObjectWriter::JsonObjectWriter(size_t reserve) {
  out_.reserve(reserve);
  out_.push_back('{');
  open_.push_back(Open{false, true});
}

void JsonObjectWriter::Key(std::string_view key) {
  Open& top = open_.back();
  if (!top.empty) out_.push_back(',');
  top.empty = false;
  if (top.array) {
    assert(key.empty() && "a key inside a JSON array is dropped");
    return;
  }
  AppendJsonString(&out_, key);
  out_.push_back(':');
}

void JsonObjectWriter::Str(std::string_view key, std::string_view value) {
  Key(key);
  AppendJsonString(&out_, value);
}

void JsonObjectWriter::Int(std::string_view key, int64_t value) {
  Key(key);
  out_ += std::to_string(value);
}

void JsonObjectWriter::Bool(std::string_view key, bool value) {
  Key(key);
  out_ += value ? "true" : "false";
}

void JsonObjectWriter::Double(std::string_view key, double value) {
  Key(key);
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  if (ec != std::errc() || !std::isfinite(value)) {
    out_ += "null";
  } else {
    out_.append(buf, end);
  }
}

void JsonObjectWriter::BeginArray(std::string_view key) {
  Key(key);
  out_.push_back('[');
  open_.push_back(Open{true, true});
}

void JsonObjectWriter::BeginObject(std::string_view key) {
  Key(key);
  out_.push_back('{');
  open_.push_back(Open{false, true});
}

void JsonObjectWriter::End() {
  assert(open_.size() > 1 && "End() without an open array or object");
  if (open_.size() <= 1) return;
  out_.push_back(open_.back().array ? ']' : '}');
  open_.pop_back();
}

JsonObjectText JsonObjectWriter::Finish() && {
  while (!open_.empty()) {
    out_.push_back(open_.back().array ? ']' : '}');
    open_.pop_back();
  }
  return JsonObjectText(std::move(out_));
}

}  // namespace hegui
