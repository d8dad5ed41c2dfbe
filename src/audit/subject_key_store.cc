#include "audit/subject_key_store.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "audit/base64.h"
#include "core/fd_io.h"
#include "core/file.h"

namespace hegui::audit {
namespace {

constexpr std::string_view kHeader = "hegui-audit-subject-keys 1\n";
constexpr size_t kNonce = 12, kTag = 16, kKey = 32;

std::string Aad(std::string_view subject, std::string_view field, uint32_t gen) {
  std::string aad(subject);
  aad += '\0';
  aad += field;
  aad += '\0';
  aad += std::to_string(gen);
  return aad;
}

struct CipherCtx {
  EVP_CIPHER_CTX* c = EVP_CIPHER_CTX_new();
  ~CipherCtx() { EVP_CIPHER_CTX_free(c); }
};

StatusOr<std::string> GcmSeal(const std::string& key, const std::string& aad,
                              std::string_view plaintext) {
  std::string out(kNonce + plaintext.size() + kTag, '\0');
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  if (RAND_bytes(o, kNonce) != 1) return InternalError("seal: no randomness for a nonce");
  CipherCtx ctx;
  int len = 0;
  const auto* k = reinterpret_cast<const unsigned char*>(key.data());
  if (!ctx.c || EVP_EncryptInit_ex(ctx.c, EVP_aes_256_gcm(), nullptr, k, o) != 1 ||
      EVP_EncryptUpdate(ctx.c, nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()),
                        static_cast<int>(aad.size())) != 1 ||
      EVP_EncryptUpdate(ctx.c, o + kNonce, &len,
                        reinterpret_cast<const unsigned char*>(plaintext.data()),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.c, o + kNonce + len, &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.c, EVP_CTRL_GCM_GET_TAG, kTag, o + kNonce + plaintext.size()) != 1) {
    return InternalError("seal: AES-256-GCM encryption failed");
  }
  return out;
}

StatusOr<std::string> GcmOpen(const std::string& key, const std::string& aad, std::string_view in) {
  if (in.size() < kNonce + kTag) return DataLossError("sealed field too short");
  std::string out(in.size() - kNonce - kTag, '\0');
  const auto* i = reinterpret_cast<const unsigned char*>(in.data());
  CipherCtx ctx;
  int len = 0;
  std::string tag(in.substr(in.size() - kTag));
  if (!ctx.c ||
      EVP_DecryptInit_ex(ctx.c, EVP_aes_256_gcm(), nullptr,
                         reinterpret_cast<const unsigned char*>(key.data()), i) != 1 ||
      EVP_DecryptUpdate(ctx.c, nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()),
                        static_cast<int>(aad.size())) != 1 ||
      EVP_DecryptUpdate(ctx.c, reinterpret_cast<unsigned char*>(out.data()), &len, i + kNonce,
                        static_cast<int>(out.size())) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.c, EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx.c, reinterpret_cast<unsigned char*>(out.data()) + len, &len) != 1) {
    return DataLossError("sealed field fails authentication");
  }
  return out;
}

bool ParseU32(std::string_view s, uint32_t* out) {
  if (s.empty() || s.size() > 9) return false;
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

StatusOr<std::unique_ptr<SubjectKeyStore>> SubjectKeyStore::Open(const std::string& path) {
  std::unique_ptr<SubjectKeyStore> s(new SubjectKeyStore(path));
  if (access(path.c_str(), F_OK) != 0) {
    HEGUI_RETURN_IF_ERROR(WriteFileAtomically(path, std::string(kHeader), 0600));
  }
  HEGUI_RETURN_IF_ERROR(s->Load());
  return s;
}

SubjectKeyStore::~SubjectKeyStore() {
  if (fd_ >= 0) close(fd_);
}

Status SubjectKeyStore::Load() {
  HEGUI_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path_));
  if (text.substr(0, kHeader.size()) != kHeader) {
    return DataLossError(path_ + ":1: not a subject key file (bad header)");
  }
  std::string_view rest = std::string_view(text).substr(kHeader.size());
  int line_no = 1;
  while (!rest.empty()) {
    ++line_no;
    size_t eol = rest.find('\n');
    if (eol == std::string_view::npos) {
      // A line cut short by a crash while it was appended; its record was never acknowledged.
      break;
    }
    std::string_view line = rest.substr(0, eol);
    rest.remove_prefix(eol + 1);
    std::vector<std::string_view> f;
    size_t start = 0;
    for (size_t i = 0; i <= line.size(); ++i) {
      if (i == line.size() || line[i] == ' ') {
        f.push_back(line.substr(start, i - start));
        start = i + 1;
      }
    }
    auto bad = [&] {
      return DataLossError(path_ + ":" + std::to_string(line_no) + ": malformed key line");
    };
    uint32_t gen = 0;
    if (f.size() < 3 || !ParseU32(f[2], &gen)) return bad();
    StatusOr<std::string> subject = Base64Decode(f[1]);
    if (!subject.ok()) return bad();
    Entry& e = subjects_[*subject];
    if (f[0] == "key" && f.size() == 4) {
      StatusOr<std::string> key = Base64Decode(f[3]);
      if (!key.ok() || key->size() != kKey) return bad();
      e.keys[gen] = *key;
      e.generation = std::max(e.generation, gen);
    } else if (f[0] == "shredded" && f.size() == 3) {
      e.shredded_upto = std::max(e.shredded_upto, gen);
      e.generation = std::max(e.generation, gen);
    } else {
      return bad();
    }
  }
  for (auto& entry : subjects_) {
    const uint32_t shredded = entry.second.shredded_upto;
    std::erase_if(entry.second.keys, [shredded](const auto& kv) { return kv.first <= shredded; });
  }
  fd_ = open(path_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd_ < 0) return OsError(path_, "cannot open");
  return OkStatus();
}

Status SubjectKeyStore::AppendLine(const std::string& line) {
  HEGUI_RETURN_IF_ERROR(WriteFully(fd_, line, path_));
  if (fdatasync(fd_) != 0) return OsError(path_, "cannot save a subject key");
  return OkStatus();
}

StatusOr<std::string> SubjectKeyStore::Seal(std::string_view subject, std::string_view field,
                                            std::string_view plaintext) {
  if (subject.empty())
    return InvalidArgumentError("sealed field '" + std::string(field) + "' needs a subject");
  std::string key;
  uint32_t gen;
  {
    std::lock_guard lock(mu_);
    Entry& e = subjects_[std::string(subject)];
    if (e.keys.empty()) {
      key.assign(kKey, '\0');
      if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), kKey) != 1) {
        return InternalError("seal: no randomness for a subject key");
      }
      gen = e.generation + 1;
      HEGUI_RETURN_IF_ERROR(AppendLine("key " + Base64Encode(subject) + " " + std::to_string(gen) +
                                       " " + Base64Encode(key) + "\n"));
      e.generation = gen;
      e.keys[gen] = key;
    } else {
      gen = e.keys.rbegin()->first;
      key = e.keys.rbegin()->second;
    }
  }
  HEGUI_ASSIGN_OR_RETURN(std::string blob, GcmSeal(key, Aad(subject, field, gen), plaintext));
  return "g" + std::to_string(gen) + ":" + Base64Encode(blob);
}

StatusOr<std::optional<std::string>> SubjectKeyStore::Unseal(std::string_view subject,
                                                             std::string_view field,
                                                             std::string_view sealed) const {
  size_t colon = sealed.find(':');
  uint32_t gen = 0;
  if (sealed.empty() || sealed[0] != 'g' || colon == std::string_view::npos ||
      !ParseU32(sealed.substr(1, colon - 1), &gen)) {
    return DataLossError("sealed field '" + std::string(field) + "' is malformed");
  }
  std::string key;
  {
    std::lock_guard lock(mu_);
    auto it = subjects_.find(subject);
    if (it != subjects_.end() && gen <= it->second.shredded_upto)
      return std::optional<std::string>();
    if (it == subjects_.end() || !it->second.keys.contains(gen)) {
      return DataLossError("no key for subject of sealed field '" + std::string(field) + "'");
    }
    key = it->second.keys.at(gen);
  }
  StatusOr<std::string> blob = Base64Decode(sealed.substr(colon + 1));
  if (!blob.ok()) return DataLossError("sealed field '" + std::string(field) + "' is not base64");
  HEGUI_ASSIGN_OR_RETURN(std::string plain, GcmOpen(key, Aad(subject, field, gen), *blob));
  return std::optional<std::string>(std::move(plain));
}

std::string SubjectKeyStore::Serialize() const {
  std::string out(kHeader);
  for (const auto& [subject, e] : subjects_) {
    if (e.shredded_upto > 0) {
      out += "shredded " + Base64Encode(subject) + " " + std::to_string(e.shredded_upto) + "\n";
    }
    for (const auto& [gen, key] : e.keys) {
      out += "key " + Base64Encode(subject) + " " + std::to_string(gen) + " " + Base64Encode(key) +
             "\n";
    }
  }
  return out;
}

Status SubjectKeyStore::Shred(std::string_view subject) {
  std::lock_guard lock(mu_);
  auto it = subjects_.find(subject);
  if (it == subjects_.end() || it->second.generation == 0) {
    return NotFoundError("subject '" + std::string(subject) + "' has no key in " + path_);
  }
  Entry saved = it->second;
  it->second.shredded_upto = it->second.generation;
  it->second.keys.clear();
  Status s = WriteFileAtomically(path_, Serialize(), 0600);
  if (!s.ok()) {
    it->second = saved;
    return s;
  }
  // The old file (and its key lines) is gone; append to the new one from now on.
  close(fd_);
  fd_ = open(path_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd_ < 0) return OsError(path_, "cannot open");
  return OkStatus();
}

size_t SubjectKeyStore::live_subjects() const {
  std::lock_guard lock(mu_);
  size_t n = 0;
  for (const auto& [s, e] : subjects_) n += e.keys.empty() ? 0 : 1;
  return n;
}

size_t SubjectKeyStore::shredded_subjects() const {
  std::lock_guard lock(mu_);
  size_t n = 0;
  for (const auto& [s, e] : subjects_) n += e.shredded_upto > 0 ? 1 : 0;
  return n;
}

}  // namespace hegui::audit
