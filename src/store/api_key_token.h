// API key tokens: how they are made, parsed and checked.
//
// A token is "hg_" + key id (16 lower-case hex digits, 64 random bits, the
// public part shown in listings) + "_" + secret (64 lower-case hex digits, 256
// random bits from OpenSSL's CSPRNG). The store keeps only SHA-256(secret) in
// hex: a salt or slow hash adds nothing for a 256-bit random secret, and the
// check must be cheap because it runs on every request. Hashes are compared in
// constant time.
//
// Thread safety: all functions are thread-safe.
#ifndef HEGUI_STORE_API_KEY_TOKEN_H_
#define HEGUI_STORE_API_KEY_TOKEN_H_

#include <string>
#include <string_view>

#include "core/status_or.h"

namespace hegui::store {

inline constexpr std::string_view kApiKeyPrefix = "hg_";
inline constexpr size_t kKeyIdHexDigits = 16;
inline constexpr size_t kSecretHexDigits = 64;

struct ApiKeyToken {
  std::string key_id;         // 16 hex digits.
  std::string secret;         // 64 hex digits.
  std::string token() const;  // "hg_<key_id>_<secret>".
};

// Fresh random key id and secret. Unavailable if the CSPRNG fails.
StatusOr<ApiKeyToken> GenerateApiKeyToken();

// Splits a token; Unauthenticated naming what is wrong (never echoing the
// secret) if it does not have the shape above.
StatusOr<ApiKeyToken> ParseApiKeyToken(std::string_view token);

// Accepts "hg_<key_id>" or "<key_id>" and returns the bare key id;
// InvalidArgument otherwise.
StatusOr<std::string> NormalizeKeyId(std::string_view key_id);

// SHA-256 of the secret as 64 lower-case hex digits.
std::string HashApiKeySecret(std::string_view secret);

// Equality of two strings in time independent of where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace hegui::store

#endif  // HEGUI_STORE_API_KEY_TOKEN_H_
