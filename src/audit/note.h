// C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 keys.
//
//   note      := text "\n" signature+
//   signature := "— " key-name " " base64(key-hash[4, big-endian] || ed25519-sig[64]) "\n"
//   key-hash  := first 4 bytes of SHA-256(key-name || "\n" || 0x01 || public-key[32])
//
// Key encodings (as golang.org/x/mod/sumdb/note):
//   verifier key: name "+" 8-hex-digit key hash "+" base64(0x01 || public key)
//   signer key:   "PRIVATE+KEY+" name "+" hash "+" base64(0x01 || 32-byte seed)
//
// Example:
//   auto signer = NoteSigner::FromKey(skey);          // StatusOr<NoteSigner>
//   std::string note = signer->Sign("hello\n");       // text + signature line
//   auto verifier = NoteVerifier::FromKey(vkey);
//   StatusOr<std::string> text = OpenNote(note, *verifier);
// Signer and verifier are immutable after construction and thread-safe.
#ifndef HEGUI_AUDIT_NOTE_H_
#define HEGUI_AUDIT_NOTE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status_or.h"

namespace hegui::audit {

// A new Ed25519 key pair for `name`; returns {signer key, verifier key}.
StatusOr<std::pair<std::string, std::string>> GenerateNoteKey(std::string_view name);

// First 4 bytes of SHA-256(name || "\n" || 0x01 || public_key), big-endian.
uint32_t NoteKeyHash(std::string_view name, std::string_view public_key);

class NoteVerifier {
 public:
  static StatusOr<NoteVerifier> FromKey(std::string_view verifier_key);
  const std::string& name() const { return name_; }
  uint32_t key_hash() const { return key_hash_; }
  // True if `signature` (64 bytes) is this key's signature of `message`.
  bool Verify(std::string_view message, std::string_view signature) const;

 private:
  std::string name_;
  uint32_t key_hash_ = 0;
  std::string public_key_;  // 32 raw bytes.
};

class NoteSigner {
 public:
  static StatusOr<NoteSigner> FromKey(std::string_view signer_key);
  const std::string& name() const { return name_; }
  uint32_t key_hash() const { return key_hash_; }
  // The verifier key matching this signer.
  std::string VerifierKey() const;
  // Signs `text` (which must end in "\n") and returns the whole note.
  StatusOr<std::string> Sign(std::string_view text) const;

 private:
  std::string name_;
  uint32_t key_hash_ = 0;
  std::string seed_;        // 32 raw bytes.
  std::string public_key_;  // 32 raw bytes.
};

// Splits `note` into text and signatures and returns the text if at least one
// signature is by `verifier` and verifies. DataLoss naming the reason when the
// note is malformed, has no signature by this key, or the signature is bad.
StatusOr<std::string> OpenNote(std::string_view note, const NoteVerifier& verifier);

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_NOTE_H_
