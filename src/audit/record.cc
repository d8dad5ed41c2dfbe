#include "audit/record.h"

#include <array>
#include <cstdio>

namespace hegui::audit {
namespace {

constexpr std::array<std::string_view, 11> kKindNames = {
    "model_call",  "abnormal_output", "interface_failure", "permission_change",
    "data_access", "human_override",  "security_incident", "config_change",
    "complaint",   "pi_request",      "retention_purge"};

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::string_view RecordKindName(RecordKind kind) { return kKindNames[static_cast<size_t>(kind)]; }

StatusOr<RecordKind> ParseRecordKind(std::string_view name) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) return static_cast<RecordKind>(i);
  }
  std::string all;
  for (std::string_view k : kKindNames) all += (all.empty() ? "" : ", ") + std::string(k);
  return InvalidArgumentError("unknown record kind '" + std::string(name) + "' (one of " + all +
                              ")");
}

std::string FormatRecordTime(RecordTime t) {
  using namespace std::chrono;
  auto days = floor<std::chrono::days>(t);
  year_month_day ymd{days};
  hh_mm_ss<microseconds> hms{t - days};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%06dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                static_cast<int>(hms.subseconds().count()));
  return buf;
}

StatusOr<RecordTime> ParseRecordTime(std::string_view s) {
  using namespace std::chrono;
  auto bad = [&] {
    return InvalidArgumentError("time '" + std::string(s) +
                                "': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.ffffff]Z");
  };
  int y, mo, d, h = 0, mi = 0, sec = 0, micros = 0;
  if (!Digits(s, 0, 4, &y) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, &mo) ||
      s[7] != '-' || !Digits(s, 8, 2, &d)) {
    return bad();
  }
  if (s.size() > 10) {
    if (s.size() < 20 || s[10] != 'T' || !Digits(s, 11, 2, &h) || s[13] != ':' ||
        !Digits(s, 14, 2, &mi) || s[16] != ':' || !Digits(s, 17, 2, &sec)) {
      return bad();
    }
    size_t pos = 19;
    if (s[pos] == '.') {
      size_t n = 0;
      ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && n < 6) {
        micros = micros * 10 + (s[pos] - '0');
        ++pos;
        ++n;
      }
      if (n == 0) return bad();
      for (; n < 6; ++n) micros *= 10;
    }
    if (pos + 1 != s.size() || s[pos] != 'Z') return bad();
  }
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 59) return bad();
  return RecordTime{sys_days{ymd}.time_since_epoch()} + hours{h} + minutes{mi} + seconds{sec} +
         microseconds{micros};
}

}  // namespace hegui::audit
