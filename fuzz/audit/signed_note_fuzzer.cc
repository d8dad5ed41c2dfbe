// Feeds arbitrary text to the signed-note opener, the checkpoint parser and
// the verifier-key parser: no crash, and no forged note ever opens.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "audit/checkpoint.h"
#include "audit/note.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  static const hegui::audit::NoteVerifier verifier = *hegui::audit::NoteVerifier::FromKey(
      "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
  hegui::StatusOr<std::string> opened = hegui::audit::OpenNote(text, verifier);
  // Only the C2SP example message carries a valid signature by this key.
  if (opened.ok() && *opened != "This is an example message.\n") std::abort();
  (void)hegui::audit::Checkpoint::Parse(text);
  (void)hegui::audit::NoteVerifier::FromKey(text);
  (void)hegui::audit::NoteSigner::FromKey(text);
  return 0;
}
