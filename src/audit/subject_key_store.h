// SubjectKeyStore: one AES-256-GCM key per data subject, kept in a file of the
// log directory (mode 0600), for crypto-shredding (CSL Art. 45).
//
// Seal() encrypts a personal-information field under the subject's current
// key; Shred() destroys every key of the subject by rewriting the file without
// them (atomically, fsynced), after which Unseal() answers "shredded" for all
// that subject's fields while the sealed bytes, and so the log's hashes, stay
// as they were. A subject that gets new data after a shred gets a new key
// generation; the old fields stay shredded. Key material never enters the log.
//
// File format (text, docs/audit-format.md "Subject keys"):
//   "hegui-audit-subject-keys 1\n"
//   ("key " base64(subject) " " generation " " base64(32-byte key) "\n" |
//    "shredded " base64(subject) " " generation "\n")*
// Sealed value: "g" generation ":" base64(nonce[12] || ciphertext || tag[16]),
// AAD = subject "\0" field "\0" generation.
//
// Thread-safe: all methods lock an internal mutex. One process at a time may
// write the file (the log's LOCK file ensures it). The store must outlive
// nothing; callers own it.
#ifndef HEGUI_AUDIT_SUBJECT_KEY_STORE_H_
#define HEGUI_AUDIT_SUBJECT_KEY_STORE_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/status_or.h"

namespace hegui::audit {

inline constexpr std::string_view kShreddedText = "[shredded]";

class SubjectKeyStore {
 public:
  // Loads `path`, creating an empty store (0600) if it does not exist.
  static StatusOr<std::unique_ptr<SubjectKeyStore>> Open(const std::string& path);
  ~SubjectKeyStore();
  SubjectKeyStore(const SubjectKeyStore&) = delete;
  SubjectKeyStore& operator=(const SubjectKeyStore&) = delete;

  // Encrypts `plaintext`; creates and durably stores a key on first use.
  StatusOr<std::string> Seal(std::string_view subject, std::string_view field,
                             std::string_view plaintext);

  // The plaintext, or nullopt when the subject's key was shredded. DataLoss when
  // the value is malformed, fails authentication, or its key is missing.
  StatusOr<std::optional<std::string>> Unseal(std::string_view subject, std::string_view field,
                                              std::string_view sealed) const;

  // Destroys every key of `subject`. NotFound if the subject never had a key.
  Status Shred(std::string_view subject);

  size_t live_subjects() const;
  size_t shredded_subjects() const;

 private:
  struct Entry {
    uint32_t generation = 0;               // Current key's generation (0: none yet).
    uint32_t shredded_upto = 0;            // Generations <= this are shredded.
    std::map<uint32_t, std::string> keys;  // Live keys by generation.
  };
  explicit SubjectKeyStore(std::string path) : path_(std::move(path)) {}
  Status Load();
  Status AppendLine(const std::string& line);
  std::string Serialize() const;

  const std::string path_;
  mutable std::mutex mu_;
  std::map<std::string, Entry, std::less<>> subjects_;
  int fd_ = -1;  // Open for appending.
};

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_SUBJECT_KEY_STORE_H_
