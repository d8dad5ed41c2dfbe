#include "audit/note.h"

#include <gtest/gtest.h>

#include "audit/checkpoint.h"

namespace hegui::audit {
namespace {

constexpr char kC2spVerifier[] =
    "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
constexpr char kC2spNote[] =
    "This is an example message.\n"
    "\n"
    "\xE2\x80\x94 example.com/foo "
    "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM="
    "\n";

TEST(SignedNote, C2spExampleVerifies) {
  StatusOr<NoteVerifier> v = NoteVerifier::FromKey(kC2spVerifier);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  StatusOr<std::string> text = OpenNote(kC2spNote, *v);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "This is an example message.\n");
}

TEST(SignedNote, AlteredTextFails) {
  std::string note = kC2spNote;
  note[0] = 't';
  EXPECT_FALSE(OpenNote(note, *NoteVerifier::FromKey(kC2spVerifier)).ok());
}

TEST(SignedNote, WrongKeyHashInVerifierKeyIsRejected) {
  EXPECT_FALSE(
      NoteVerifier::FromKey("example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")
          .ok());
}

TEST(SignedNote, SignThenOpenRoundTripsAndOtherKeyFails) {
  auto keys = GenerateNoteKey("hegui.test/log");
  ASSERT_TRUE(keys.ok());
  StatusOr<NoteSigner> signer = NoteSigner::FromKey(keys->first);
  ASSERT_TRUE(signer.ok()) << signer.status().ToString();
  EXPECT_EQ(signer->VerifierKey(), keys->second);
  std::string note = *signer->Sign("hello\n");
  EXPECT_EQ(*OpenNote(note, *NoteVerifier::FromKey(keys->second)), "hello\n");
  auto other = GenerateNoteKey("hegui.test/log");
  StatusOr<std::string> opened = OpenNote(note, *NoteVerifier::FromKey(other->second));
  EXPECT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find("no signature"), std::string::npos);
}

TEST(Checkpoint, TextRoundTrips) {
  Checkpoint c;
  c.origin = "hegui.test/log";
  c.size = 42;
  c.root = Sha256("x");
  c.extensions = {"time 2026-11-30T00:00:00Z"};
  StatusOr<Checkpoint> p = Checkpoint::Parse(c.Text());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->origin, c.origin);
  EXPECT_EQ(p->size, 42);
  EXPECT_EQ(p->root, c.root);
  EXPECT_EQ(p->extensions, c.extensions);
}

TEST(Checkpoint, MalformedSizeIsRejected) {
  EXPECT_FALSE(Checkpoint::Parse("o\n01\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n").ok());
  EXPECT_FALSE(Checkpoint::Parse("o\n1\nnotbase64\n").ok());
  EXPECT_FALSE(Checkpoint::Parse("o\n1\n").ok());
}

}  // namespace
}  // namespace hegui::audit

namespace hegui::audit {
namespace {

TEST(SignedNote, KeysWhoseBase64HoldsPlusSignsParse) {
  // Base64 uses '+', the key format's separator: parsing must split only the
  // leading fields. 64 fresh keys make a '+' in some key all but certain.
  for (int i = 0; i < 64; ++i) {
    auto keys = GenerateNoteKey("hegui.test/log");
    ASSERT_TRUE(NoteSigner::FromKey(keys->first).ok()) << keys->first;
    ASSERT_TRUE(NoteVerifier::FromKey(keys->second).ok()) << keys->second;
  }
}

}  // namespace
}  // namespace hegui::audit
