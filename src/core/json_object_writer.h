// JsonObjectWriter: builds one JSON object's text field by field, without a
// JSON library, and hands it out as a JsonObjectText, the type that says
// "this is a JSON object (UTF-8) by construction" so that a consumer such as
// the evidence log (audit::Record::built_body) need not parse it again.
//
// Invariant: whatever sequence of calls is made, Finish() returns one valid
// JSON object: keys and strings go through AppendJsonString (always valid
// UTF-8 JSON), numbers through std::to_string / std::to_chars (non-finite
// doubles become null), containers left open are closed by Finish(), and a
// key given inside an array is dropped (debug builds assert: it is a misuse).
// Keys are written in call order; duplicates are the caller's concern.
//
// Example:
//   JsonObjectWriter w;
//   w.Str("model", "qwen-max");
//   w.Int("status", 200);
//   w.BeginArray("findings");
//   w.BeginObject("");  w.Str("kind", "pi");  w.End();
//   w.End();
//   JsonObjectText body = std::move(w).Finish();  // {"model":...,"findings":[{...}]}
//
// Cost: appends to one string; no allocation beyond its growth.
// Thread-safety: a writer is used by one thread; JsonObjectText is a value.
#ifndef HEGUI_CORE_JSON_OBJECT_WRITER_H_
#define HEGUI_CORE_JSON_OBJECT_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hegui {

class JsonObjectWriter;

// The text of one JSON object; only JsonObjectWriter::Finish() makes one.
class JsonObjectText {
 public:
  const std::string& text() const { return text_; }

 private:
  friend class JsonObjectWriter;
  explicit JsonObjectText(std::string text) : text_(std::move(text)) {}
  std::string text_;
};

class JsonObjectWriter {
 public:
  // `reserve`: expected size of the text, to size the buffer once.
  explicit JsonObjectWriter(size_t reserve = 0);

  void Str(std::string_view key, std::string_view value);
  void Int(std::string_view key, int64_t value);
  void Bool(std::string_view key, bool value);
  void Double(std::string_view key, double value);  // null unless finite.
  // Opens an array or an object under `key` (ignored inside an array).
  void BeginArray(std::string_view key);
  void BeginObject(std::string_view key);
  // Closes the innermost open array or object (never the outermost object).
  void End();

  // Closes everything still open and returns the object.
  JsonObjectText Finish() &&;

 private:
  // Writes the separator and, inside an object, the key.
  void Key(std::string_view key);

  std::string out_;
  // One entry per open container, outermost first: whether it is an array,
  // and whether it has no member yet.
  struct Open {
    bool array;
    bool empty;
  };
  std::vector<Open> open_;
};

}  // namespace hegui

#endif  // HEGUI_CORE_JSON_OBJECT_WRITER_H_
