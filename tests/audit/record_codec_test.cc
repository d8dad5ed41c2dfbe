#include "audit/record_codec.h"

#include <gtest/gtest.h>

namespace hegui::audit {
namespace {

Record Sample() {
  Record r;
  r.kind = RecordKind::kSecurityIncident;
  r.time = *ParseRecordTime("2026-11-30T01:02:03.000004Z");
  r.actor = "ops \"night\" shift\n";
  r.subject = "用户:42";
  r.body = R"( {"grade":"II","tags":["ddos"]} )";
  return r;
}

TEST(RecordCodec, PayloadHasTheDocumentedKeyOrderAndEscaping) {
  std::string p = *EncodeRecord(Sample(), nullptr);
  EXPECT_EQ(
      p,
      R"({"v":1,"kind":"security_incident","time":"2026-11-30T01:02:03.000004Z",)"
      R"("actor":"ops \"night\" shift\n","subject":"用户:42","body":{"grade":"II","tags":["ddos"]}})");
}

TEST(RecordCodec, RoundTrips) {
  StoredRecord r = *DecodeRecord(*EncodeRecord(Sample(), nullptr));
  EXPECT_EQ(r.kind, RecordKind::kSecurityIncident);
  EXPECT_EQ(FormatRecordTime(r.time), "2026-11-30T01:02:03.000004Z");
  EXPECT_EQ(r.actor, "ops \"night\" shift\n");
  EXPECT_EQ(r.subject, "用户:42");
  EXPECT_EQ(r.body, R"({"grade":"II","tags":["ddos"]})");
}

TEST(RecordCodec, HeadMatchesFullDecode) {
  std::string p = *EncodeRecord(Sample(), nullptr);
  RecordHead h = *DecodeRecordHead(p);
  EXPECT_EQ(h.kind, RecordKind::kSecurityIncident);
  EXPECT_EQ(FormatRecordTime(h.time), "2026-11-30T01:02:03.000004Z");
  // Not in the canonical form: falls back to the full decode.
  RecordHead h2 = *DecodeRecordHead(
      R"({"kind":"complaint","v":1,"time":"2026-01-01T00:00:00Z","actor":"a","body":{}})");
  EXPECT_EQ(h2.kind, RecordKind::kComplaint);
  EXPECT_FALSE(DecodeRecordHead(p.substr(0, p.size() - 1)).ok());
}

TEST(RecordCodec, BadInputIsRefusedNamingTheField) {
  Record r = Sample();
  r.body = "[1,2]";
  EXPECT_NE(EncodeRecord(r, nullptr).status().message().find("'body'"), std::string::npos);
  r.body = "{\"a\":";
  EXPECT_FALSE(EncodeRecord(r, nullptr).ok());
  r = Sample();
  r.actor = "\xff\xfe";
  EXPECT_NE(EncodeRecord(r, nullptr).status().message().find("'actor'"), std::string::npos);
  r = Sample();
  r.actor.clear();
  EXPECT_EQ(EncodeRecord(r, nullptr).status().code(), StatusCode::kInvalidArgument);
}

TEST(RecordCodec, BuiltBodyIsCopiedAsBuiltAndDecodesLikeATextBody) {
  Record built = Sample();
  built.body.clear();
  JsonObjectWriter w;
  w.Str("grade", "II");
  w.BeginArray("tags");
  w.Str("", "ddos");
  w.End();
  built.built_body = std::move(w).Finish();
  EXPECT_EQ(*EncodeRecord(built, nullptr), *EncodeRecord(Sample(), nullptr));
  EXPECT_EQ(DecodeRecord(*EncodeRecord(built, nullptr))->body, R"({"grade":"II","tags":["ddos"]})");
}

TEST(RecordCodec, BodyAndBuiltBodyTogetherAreRefused) {
  Record both = Sample();
  both.built_body = JsonObjectWriter().Finish();
  StatusOr<std::string> p = EncodeRecord(both, nullptr);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(p.status().message().find("built_body"), std::string::npos);
}

TEST(RecordCodec, TextBodiesAreStillValidated) {
  for (const char* bad : {R"({"a":)", "[1]", "{\"x\":\"\xFF\"}", "{} {}"}) {
    Record r = Sample();
    r.body = bad;
    EXPECT_EQ(EncodeRecord(r, nullptr).status().code(), StatusCode::kInvalidArgument) << bad;
  }
}

TEST(RecordCodec, EmptyBodyIsAnEmptyObject) {
  Record r = Sample();
  r.body.clear();
  EXPECT_EQ(DecodeRecord(*EncodeRecord(r, nullptr))->body, "{}");
}

TEST(RecordCodec, DamagedPayloadsAreDataLoss) {
  EXPECT_EQ(DecodeRecord("not json").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(DecodeRecord(R"({"v":2,"kind":"complaint"})").status().code(), StatusCode::kDataLoss);
  EXPECT_NE(DecodeRecord(R"({"v":1,"kind":"nope","time":"2026-01-01","actor":"a","body":{}})")
                .status()
                .message()
                .find("'kind'"),
            std::string::npos);
}

TEST(RecordTime, ParsesAndFormats) {
  EXPECT_EQ(FormatRecordTime(*ParseRecordTime("2026-02-28")), "2026-02-28T00:00:00.000000Z");
  EXPECT_EQ(FormatRecordTime(*ParseRecordTime("2026-02-28T23:59:59.5Z")),
            "2026-02-28T23:59:59.500000Z");
  EXPECT_FALSE(ParseRecordTime("2026-02-30").ok());
  EXPECT_FALSE(ParseRecordTime("2026-02-28T24:00:00Z").ok());
  EXPECT_FALSE(ParseRecordTime("2026-02-28 10:00:00").ok());
}

}  // namespace
}  // namespace hegui::audit
