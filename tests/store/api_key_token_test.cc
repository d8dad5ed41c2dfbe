#include "store/api_key_token.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hegui::store {
namespace {

using ::testing::HasSubstr;

TEST(ApiKeyTokenTest, GeneratedTokenParsesBackToItsParts) {
  StatusOr<ApiKeyToken> t = GenerateApiKeyToken();
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->key_id.size(), kKeyIdHexDigits);
  EXPECT_EQ(t->secret.size(), kSecretHexDigits);
  StatusOr<ApiKeyToken> parsed = ParseApiKeyToken(t->token());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->key_id, t->key_id);
  EXPECT_EQ(parsed->secret, t->secret);
}

TEST(ApiKeyTokenTest, TwoTokensDiffer) {
  StatusOr<ApiKeyToken> a = GenerateApiKeyToken();
  StatusOr<ApiKeyToken> b = GenerateApiKeyToken();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->key_id, b->key_id);
  EXPECT_NE(a->secret, b->secret);
}

TEST(ApiKeyTokenTest, MalformedTokensNameTheProblemButNotTheSecret) {
  const std::string secret(64, 'a');
  StatusOr<ApiKeyToken> no_prefix = ParseApiKeyToken("sk-" + secret);
  EXPECT_EQ(no_prefix.status().code(), StatusCode::kUnauthenticated);
  EXPECT_THAT(no_prefix.status().message(), HasSubstr("does not start with 'hg_'"));
  StatusOr<ApiKeyToken> short_token = ParseApiKeyToken("hg_0123");
  EXPECT_THAT(short_token.status().message(), HasSubstr("got 7 characters"));
  StatusOr<ApiKeyToken> upper = ParseApiKeyToken("hg_0123456789ABCDEF_" + secret);
  EXPECT_THAT(upper.status().message(), HasSubstr("characters other than 0-9 a-f"));
  for (const auto& s : {no_prefix.status(), short_token.status(), upper.status()}) {
    EXPECT_THAT(s.message(), ::testing::Not(HasSubstr(secret)));
  }
}

TEST(ApiKeyTokenTest, SecretHashIsSha256Hex) {
  EXPECT_EQ(HashApiKeySecret("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ApiKeyTokenTest, NormalizeKeyIdAcceptsPrefixedAndBare) {
  EXPECT_EQ(*NormalizeKeyId("hg_0123456789abcdef"), "0123456789abcdef");
  EXPECT_EQ(*NormalizeKeyId("0123456789abcdef"), "0123456789abcdef");
  StatusOr<std::string> whole = NormalizeKeyId("hg_0123456789abcdef_" + std::string(64, 'f'));
  EXPECT_EQ(whole.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(whole.status().message(), ::testing::Not(HasSubstr(std::string(20, 'f'))));
}

TEST(ApiKeyTokenTest, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("abcd", "abcd"));
  EXPECT_FALSE(ConstantTimeEquals("abcd", "abce"));
  EXPECT_FALSE(ConstantTimeEquals("abcd", "abc"));
}

}  // namespace
}  // namespace hegui::store
