#include "audit/note.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstdio>
#include <vector>

#include "audit/base64.h"
#include "audit/merkle.h"

namespace hegui::audit {
namespace {

constexpr uint8_t kAlgEd25519 = 0x01;
constexpr std::string_view kSigPrefix = "\xE2\x80\x94 ";  // U+2014 EM DASH, space.

bool ValidKeyName(std::string_view name) {
  if (name.empty()) return false;
  for (unsigned char c : name) {
    if (c <= ' ' || c == '+' || c == 0x7F) return false;
  }
  return true;
}

std::string HexHash(uint32_t h) {
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", h);
  return buf;
}

bool ParseHexHash(std::string_view s, uint32_t* out) {
  if (s.size() != 8) return false;
  uint32_t v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'f')
      d = c - 'a' + 10;
    else
      return false;
    v = v << 4 | static_cast<uint32_t>(d);
  }
  *out = v;
  return true;
}

struct PkeyDeleter {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

StatusOr<std::string> PublicFromSeed(std::string_view seed) {
  Pkey key(EVP_PKEY_new_raw_private_key(
      EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(seed.data()), seed.size()));
  if (!key) return InternalError("ed25519: cannot load private key");
  std::string pub(32, '\0');
  size_t len = pub.size();
  if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char*>(pub.data()), &len) !=
          1 ||
      len != 32) {
    return InternalError("ed25519: cannot derive public key");
  }
  return pub;
}

// Splits "a+b+c" keys into at most `max_parts` '+'-separated fields; the last
// field keeps any further '+' (base64 uses it).
std::vector<std::string_view> SplitPlus(std::string_view s, size_t max_parts) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || (s[i] == '+' && parts.size() + 1 < max_parts)) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string BigEndian32(uint32_t v) {
  std::string s(4, '\0');
  for (int i = 0; i < 4; ++i) s[i] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
  return s;
}

}  // namespace

uint32_t NoteKeyHash(std::string_view name, std::string_view public_key) {
  std::string buf(name);
  buf += '\n';
  buf += static_cast<char>(kAlgEd25519);
  buf += public_key;
  Hash h = Sha256(buf);
  return uint32_t{h.bytes[0]} << 24 | uint32_t{h.bytes[1]} << 16 | uint32_t{h.bytes[2]} << 8 |
         uint32_t{h.bytes[3]};
}

StatusOr<std::pair<std::string, std::string>> GenerateNoteKey(std::string_view name) {
  if (!ValidKeyName(name)) {
    return InvalidArgumentError("key name '" + std::string(name) +
                                "' must be non-empty without spaces or '+'");
  }
  std::string seed(32, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(seed.data()), 32) != 1) {
    return InternalError("ed25519: no randomness for a new key");
  }
  HEGUI_ASSIGN_OR_RETURN(std::string pub, PublicFromSeed(seed));
  const std::string hash = HexHash(NoteKeyHash(name, pub));
  std::string alg(1, static_cast<char>(kAlgEd25519));
  std::string skey =
      "PRIVATE+KEY+" + std::string(name) + "+" + hash + "+" + Base64Encode(alg + seed);
  std::string vkey = std::string(name) + "+" + hash + "+" + Base64Encode(alg + pub);
  return std::make_pair(skey, vkey);
}

StatusOr<NoteVerifier> NoteVerifier::FromKey(std::string_view verifier_key) {
  auto bad = [&](const char* why) {
    return InvalidArgumentError(std::string("verifier key: ") + why);
  };
  std::vector<std::string_view> parts = SplitPlus(verifier_key, 3);
  if (parts.size() != 3) return bad("expected name+hash+key");
  NoteVerifier v;
  v.name_ = std::string(parts[0]);
  if (!ValidKeyName(v.name_)) return bad("invalid key name");
  if (!ParseHexHash(parts[1], &v.key_hash_)) return bad("key hash is not 8 lower-case hex digits");
  StatusOr<std::string> raw = Base64Decode(parts[2]);
  if (!raw.ok()) return bad("key is not base64");
  if (raw->size() != 33 || static_cast<uint8_t>((*raw)[0]) != kAlgEd25519) {
    return bad("key is not an Ed25519 key (0x01 followed by 32 bytes)");
  }
  v.public_key_ = raw->substr(1);
  if (NoteKeyHash(v.name_, v.public_key_) != v.key_hash_) return bad("key hash does not match key");
  return v;
}

bool NoteVerifier::Verify(std::string_view message, std::string_view signature) const {
  if (signature.size() != 64) return false;
  Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                       reinterpret_cast<const unsigned char*>(public_key_.data()),
                                       public_key_.size()));
  MdCtx ctx(EVP_MD_CTX_new());
  if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1) {
    return false;
  }
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

StatusOr<NoteSigner> NoteSigner::FromKey(std::string_view signer_key) {
  auto bad = [&](const char* why) {
    return InvalidArgumentError(std::string("signer key: ") + why);
  };
  std::vector<std::string_view> parts = SplitPlus(signer_key, 5);
  if (parts.size() != 5 || parts[0] != "PRIVATE" || parts[1] != "KEY") {
    return bad("expected PRIVATE+KEY+name+hash+key");
  }
  NoteSigner s;
  s.name_ = std::string(parts[2]);
  if (!ValidKeyName(s.name_)) return bad("invalid key name");
  if (!ParseHexHash(parts[3], &s.key_hash_)) return bad("key hash is not 8 hex digits");
  StatusOr<std::string> raw = Base64Decode(parts[4]);
  if (!raw.ok() || raw->size() != 33 || static_cast<uint8_t>((*raw)[0]) != kAlgEd25519) {
    return bad("key is not an Ed25519 seed (0x01 followed by 32 bytes)");
  }
  s.seed_ = raw->substr(1);
  HEGUI_ASSIGN_OR_RETURN(s.public_key_, PublicFromSeed(s.seed_));
  if (NoteKeyHash(s.name_, s.public_key_) != s.key_hash_) return bad("key hash does not match key");
  return s;
}

std::string NoteSigner::VerifierKey() const {
  return name_ + "+" + HexHash(key_hash_) + "+" +
         Base64Encode(std::string(1, static_cast<char>(kAlgEd25519)) + public_key_);
}

StatusOr<std::string> NoteSigner::Sign(std::string_view text) const {
  if (text.empty() || text.back() != '\n') return InvalidArgumentError("note text must end in \\n");
  Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
                                        reinterpret_cast<const unsigned char*>(seed_.data()),
                                        seed_.size()));
  MdCtx ctx(EVP_MD_CTX_new());
  std::string sig(64, '\0');
  size_t len = sig.size();
  if (!key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                     reinterpret_cast<const unsigned char*>(text.data()), text.size()) != 1 ||
      len != 64) {
    return InternalError("ed25519: signing failed");
  }
  std::string note(text);
  note += "\n";
  note += kSigPrefix;
  note += name_ + " " + Base64Encode(BigEndian32(key_hash_) + sig) + "\n";
  return note;
}

StatusOr<std::string> OpenNote(std::string_view note, const NoteVerifier& verifier) {
  auto bad = [](const std::string& why) { return DataLossError("signed note: " + why); };
  size_t split = note.rfind("\n\n");
  if (split == std::string_view::npos) return bad("no blank line before the signatures");
  std::string_view text = note.substr(0, split + 1);
  std::string_view sigs = note.substr(split + 2);
  if (sigs.empty() || sigs.back() != '\n') return bad("signature block must end in a newline");
  bool found = false;
  while (!sigs.empty()) {
    size_t eol = sigs.find('\n');
    std::string_view line = sigs.substr(0, eol);
    sigs.remove_prefix(eol + 1);
    if (line.substr(0, kSigPrefix.size()) != kSigPrefix) return bad("malformed signature line");
    line.remove_prefix(kSigPrefix.size());
    size_t sp = line.find(' ');
    if (sp == std::string_view::npos) return bad("malformed signature line");
    std::string_view name = line.substr(0, sp);
    StatusOr<std::string> raw = Base64Decode(line.substr(sp + 1));
    if (!raw.ok() || raw->size() < 5) return bad("signature is not base64 of hash and signature");
    uint32_t hash = uint32_t{static_cast<uint8_t>((*raw)[0])} << 24 |
                    uint32_t{static_cast<uint8_t>((*raw)[1])} << 16 |
                    uint32_t{static_cast<uint8_t>((*raw)[2])} << 8 |
                    uint32_t{static_cast<uint8_t>((*raw)[3])};
    if (name != verifier.name() || hash != verifier.key_hash()) continue;  // Another key's.
    found = true;
    if (!verifier.Verify(text, std::string_view(*raw).substr(4))) {
      return bad("signature by " + verifier.name() + " does not verify");
    }
  }
  if (!found) return bad("no signature by key " + verifier.name());
  return std::string(text);
}

}  // namespace hegui::audit
