#include "store/api_key_token.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <array>
#include <memory>

namespace hegui::store {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

std::string ToHex(const unsigned char* data, size_t size) {
  std::string out(size * 2, '\0');
  for (size_t i = 0; i < size; ++i) {
    out[2 * i] = kHexDigits[data[i] >> 4];
    out[2 * i + 1] = kHexDigits[data[i] & 0xf];
  }
  return out;
}

bool IsLowerHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string ApiKeyToken::token() const {
  return std::string(kApiKeyPrefix) + key_id + "_" + secret;
}

StatusOr<ApiKeyToken> GenerateApiKeyToken() {
  std::array<unsigned char, kKeyIdHexDigits / 2 + kSecretHexDigits / 2> bytes;
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    return UnavailableError("OpenSSL RAND_bytes failed: no randomness for a new API key");
  }
  ApiKeyToken token;
  token.key_id = ToHex(bytes.data(), kKeyIdHexDigits / 2);
  token.secret = ToHex(bytes.data() + kKeyIdHexDigits / 2, kSecretHexDigits / 2);
  OPENSSL_cleanse(bytes.data(), bytes.size());
  return token;
}

StatusOr<ApiKeyToken> ParseApiKeyToken(std::string_view token) {
  constexpr size_t kLength = 3 + kKeyIdHexDigits + 1 + kSecretHexDigits;
  if (token.substr(0, kApiKeyPrefix.size()) != kApiKeyPrefix) {
    return UnauthenticatedError("malformed API key: it does not start with 'hg_'");
  }
  if (token.size() != kLength || token[kApiKeyPrefix.size() + kKeyIdHexDigits] != '_') {
    return UnauthenticatedError(
        "malformed API key: expected hg_<16 hex digits>_<64 hex digits>, got " +
        std::to_string(token.size()) + " characters");
  }
  ApiKeyToken parsed;
  parsed.key_id = std::string(token.substr(kApiKeyPrefix.size(), kKeyIdHexDigits));
  parsed.secret = std::string(token.substr(kApiKeyPrefix.size() + kKeyIdHexDigits + 1));
  if (!IsLowerHex(parsed.key_id) || !IsLowerHex(parsed.secret)) {
    return UnauthenticatedError("malformed API key: it contains characters other than 0-9 a-f");
  }
  return parsed;
}

StatusOr<std::string> NormalizeKeyId(std::string_view key_id) {
  if (key_id.substr(0, kApiKeyPrefix.size()) == kApiKeyPrefix) {
    key_id.remove_prefix(kApiKeyPrefix.size());
  }
  if (key_id.size() != kKeyIdHexDigits || !IsLowerHex(key_id)) {
    // Never echo more than a key id's length: the argument may be a whole token.
    std::string shown(key_id.substr(0, kKeyIdHexDigits));
    if (key_id.size() > kKeyIdHexDigits) shown += "...";
    return InvalidArgumentError("key id '" + shown +
                                "' is not 16 lower-case hex digits (optionally after 'hg_')");
  }
  return std::string(key_id);
}

std::string HashApiKeySecret(std::string_view secret) {
  // OpenSSL 3's one-shot SHA256() looks the algorithm up in the provider
  // registry on every call (EVP_Q_digest); fetch it once per process and keep
  // one digest context per thread instead: this runs on every request.
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  struct ContextDeleter {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
  };
  thread_local std::unique_ptr<EVP_MD_CTX, ContextDeleter> ctx(EVP_MD_CTX_new());
  unsigned char digest[SHA256_DIGEST_LENGTH];
  unsigned int length = 0;
  if (sha256 && ctx && EVP_DigestInit_ex2(ctx.get(), sha256, nullptr) == 1 &&
      EVP_DigestUpdate(ctx.get(), secret.data(), secret.size()) == 1 &&
      EVP_DigestFinal_ex(ctx.get(), digest, &length) == 1 && length == sizeof digest) {
    return ToHex(digest, sizeof digest);
  }
  // Not expected (the default provider always has SHA-256); the one-shot
  // path gives the same digest.
  SHA256(reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), digest);
  return ToHex(digest, sizeof digest);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace hegui::store
