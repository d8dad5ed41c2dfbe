#include "assess/profile_parser.h"

#include <gtest/gtest.h>

namespace hegui::assess {
namespace {

std::string ErrorOf(const std::string& yaml) {
  StatusOr<Profile> p = ParseProfile(yaml, "p.yaml");
  EXPECT_FALSE(p.ok());
  if (p.ok()) return "";
  EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument);
  return p.status().message();
}

TEST(ProfileParserTest, MinimalProfileParses) {
  auto p = ParseProfile("version: 1\nproject: {name: X}\n", "p.yaml");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->name(), "X");
  EXPECT_EQ(p->Bool("security.backup"), std::nullopt);
}

TEST(ProfileParserTest, MalformedYamlNamesFileLineAndColumn) {
  std::string m = ErrorOf("version: 1\nproject:\n  name: [unclosed\n");
  EXPECT_EQ(m.rfind("p.yaml:", 0), 0u) << m;
  EXPECT_NE(m.find("malformed YAML"), std::string::npos) << m;
  EXPECT_NE(m.find(":4:1:"), std::string::npos) << m;
}

TEST(ProfileParserTest, UnknownFieldNamesTheNearestValidOne) {
  std::string m = ErrorOf("version: 1\nproject: {name: X}\nsecurity:\n  log_retension_days: 90\n");
  EXPECT_EQ(m,
            "p.yaml:4:3: unknown field 'security.log_retension_days'; did you mean "
            "'log_retention_days'?");
}

TEST(ProfileParserTest, UnknownTopLevelSection) {
  std::string m = ErrorOf("version: 1\nproject: {name: X}\nvendor: []\n");
  EXPECT_EQ(m, "p.yaml:3:1: unknown field 'vendor'; did you mean 'vendors'?");
}

TEST(ProfileParserTest, WrongTypeSaysWhatWasExpected) {
  std::string m =
      ErrorOf("version: 1\nproject: {name: X}\nsecurity:\n  log_retention_days: six months\n");
  EXPECT_EQ(m,
            "p.yaml:4:23: field 'security.log_retention_days': expected an integer 0..36500; got "
            "'six months'");
}

TEST(ProfileParserTest, WrongEnumValueListsTheChoices) {
  std::string m = ErrorOf("version: 1\nproject: {name: X}\ndeployment: {exposure: intranet}\n");
  EXPECT_NE(m.find("field 'deployment.exposure': expected one of internal, partners, public; got "
                   "'intranet'"),
            std::string::npos)
      << m;
}

TEST(ProfileParserTest, BooleanMustBeTrueOrFalse) {
  std::string m = ErrorOf("version: 1\nproject: {name: X}\nsecurity: {backup: yes}\n");
  EXPECT_NE(m.find("expected true or false; got 'yes'"), std::string::npos) << m;
}

TEST(ProfileParserTest, OutOfRangeIntegerIsRejected) {
  std::string m = ErrorOf("version: 1\nproject: {name: X}\nsecurity: {mlps_level: 7}\n");
  EXPECT_NE(m.find("expected an integer 1..5"), std::string::npos) << m;
}

TEST(ProfileParserTest, ErrorsInsideListsNameTheIndex) {
  std::string m = ErrorOf(
      "version: 1\nproject: {name: X}\ndata:\n  - name: a\n    category: general\n  - name: b\n"
      "    category: secret\n");
  EXPECT_NE(m.find("p.yaml:7:15: field 'data[1].category'"), std::string::npos) << m;
}

TEST(ProfileParserTest, MissingRequiredFields) {
  EXPECT_NE(ErrorOf("project: {name: X}\n").find("missing required field 'version'"),
            std::string::npos);
  EXPECT_NE(ErrorOf("version: 1\nproject: {owner: me}\n").find("'project.name'"),
            std::string::npos);
  EXPECT_NE(ErrorOf("version: 1\nproject: {name: X}\ndata: [{name: a}]\n")
                .find("missing required field 'data[0].category'"),
            std::string::npos);
}

TEST(ProfileParserTest, DuplicateKeysAreRejected) {
  std::string m =
      ErrorOf("version: 1\nproject: {name: X}\nsecurity:\n  backup: true\n  backup: false\n");
  EXPECT_NE(m.find("p.yaml:5:3: field 'security.backup' appears twice"), std::string::npos) << m;
}

TEST(ProfileParserTest, NullMeansUnanswered) {
  auto p = ParseProfile("version: 1\nproject: {name: X}\nsecurity:\n  owner: ~\n  backup:\n", "p");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->Find("security.owner"), nullptr);
  EXPECT_EQ(p->Find("security.backup"), nullptr);
}

TEST(ProfileParserTest, EnumListRejectsRepeatsAndUnknowns) {
  EXPECT_NE(ErrorOf("version: 1\nproject: {name: X}\nservice: {kinds: [rag, rag]}\n")
                .find("'rag' is listed twice"),
            std::string::npos);
  EXPECT_NE(ErrorOf("version: 1\nproject: {name: X}\nservice: {kinds: [chatbot]}\n")
                .find("got 'chatbot'"),
            std::string::npos);
}

TEST(ProfileParserTest, EmptyAndNonMappingDocuments) {
  EXPECT_NE(ErrorOf("").find("the profile is empty"), std::string::npos);
  EXPECT_NE(ErrorOf("- a\n- b\n").find("expected a mapping"), std::string::npos);
}

TEST(ProfileParserTest, MissingFileIsInvalidInput) {
  auto p = LoadProfileFile("/nonexistent/profile.yaml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument);
}

TEST(EditDistanceTest, Basics) {
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("same", "same"), 0u);
}

}  // namespace
}  // namespace hegui::assess
