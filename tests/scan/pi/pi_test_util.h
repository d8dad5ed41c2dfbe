// Test helpers for the PI detector tests: check characters computed here,
// independently of the library, from the published algorithms, so that test
// vectors are verified rather than remembered; and a one-call Detect.
#ifndef HEGUI_TESTS_SCAN_PI_PI_TEST_UTIL_H_
#define HEGUI_TESTS_SCAN_PI_PI_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "scan/pi/pi_detector.h"

namespace hegui::scan {
// Readable PiMatch in test failure messages.
inline void PrintTo(const PiMatch& m, std::ostream* os) {
  *os << PiTypeName(m.type) << "[" << m.begin << "," << m.end << ")@" << m.confidence;
}
}  // namespace hegui::scan

namespace hegui::scan::testing {

inline constexpr int kReferenceYear = 2026;

// GB 11643: appends the check character to 17 digits.
inline std::string WithIdCheck(std::string_view first17) {
  static const int kW[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kW[i];
  return std::string(first17) + "10X98765432"[sum % 11];
}

// Luhn: appends the check digit.
inline std::string WithLuhn(std::string_view body) {
  int sum = 0;
  bool twice = true;  // the digit left of the check digit is doubled
  for (size_t i = body.size(); i-- > 0;) {
    int v = body[i] - '0';
    if (twice) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
    twice = !twice;
  }
  return std::string(body) + static_cast<char>('0' + (10 - sum % 10) % 10);
}

// GB 32100: appends the check character to 17 characters.
inline std::string WithUsccCheck(std::string_view first17) {
  const std::string_view alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  int sum = 0;
  int weight = 1;
  for (int i = 0; i < 17; ++i) {
    sum += static_cast<int>(alphabet.find(first17[i])) * weight;
    weight = weight * 3 % 31;
  }
  return std::string(first17) + alphabet[(31 - sum % 31) % 31];
}

// Replaces the digit at `index` by the next digit (mod 10): a corrupted copy.
inline std::string FlipDigit(std::string s, size_t index) {
  s[index] = static_cast<char>('0' + (s[index] - '0' + 1) % 10);
  return s;
}

inline PiDetectorOptions TestOptions() {
  PiDetectorOptions options;
  options.reference_year = kReferenceYear;
  return options;
}

inline std::vector<PiMatch> Detect(std::string_view text,
                                   const PiDetectorOptions& options = TestOptions()) {
  auto detector = PiDetector::Create(options);
  EXPECT_TRUE(detector.ok()) << detector.status().ToString();
  std::vector<PiMatch> found;
  if (detector.ok()) (*detector)->Detect(text, &found);
  return found;
}

// The matched texts of one type, in order.
inline std::vector<std::string> Found(std::string_view text, PiType type,
                                      const PiDetectorOptions& options = TestOptions()) {
  std::vector<std::string> spans;
  for (const PiMatch& m : Detect(text, options)) {
    if (m.type == type) spans.emplace_back(text.substr(m.begin, m.end - m.begin));
  }
  return spans;
}

// Pieces of text that touch each other in tricky ways when joined at random
// (numbers next to numbers, labels next to values): for randomised
// equivalence tests of the detector.
inline std::vector<std::string> TrickyPiFragments() {
  return {"13812345678",
          " ",
          "-",
          "手机",
          "卡号",
          "6222021234567890128",
          "11010519491231002X",
          "身份证",
          "a.b@example.com",
          "@",
          ".",
          "京A12345",
          "E12345678",
          "10.0.12.7",
          "fe80::1",
          ":",
          "姓名：张三",
          "地址：北京市海淀区中关村大街27号",
          "，",
          "+86",
          "0755-86345678",
          "91350100M000100Y43",
          "tel",
          "x",
          "1234",
          "(010)",
          "62345678"};
}

}  // namespace hegui::scan::testing

#endif  // HEGUI_TESTS_SCAN_PI_PI_TEST_UTIL_H_
