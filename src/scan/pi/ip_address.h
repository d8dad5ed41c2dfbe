// IP addresses. IPv4: four decimal octets 0-255 without leading zeros,
// separated by '.', not part of a longer dotted or alphanumeric run (so
// "1.2.3.4.5" and "v1.2.3.4" are not addresses). IPv6 (RFC 4291 text form):
// eight groups of 1-4 hex digits, or fewer with one "::"; at least two groups
// written (so "::1" and "a::" are not reported); not part of a longer
// hex/colon or alphanumeric run. Thread-safe, allocation-free.
#ifndef HEGUI_SCAN_PI_IP_ADDRESS_H_
#define HEGUI_SCAN_PI_IP_ADDRESS_H_

#include <cstddef>
#include <string_view>

namespace hegui::scan {

class MatchSink;

// The end of the IPv4 address starting at `pos`, or 0 if none starts there.
// The caller has checked that nothing alphanumeric or "<digit>." precedes pos.
size_t Ipv4EndAt(std::string_view text, size_t pos);

// True if `text` is exactly an IPv6 address in the accepted forms.
bool IsIpv6Address(std::string_view text);

// Reports an IPv4 address at [begin, end): 0.7, 0.95 with context.
void EmitIpv4(size_t begin, size_t end, MatchSink& sink);

// Looks for an IPv6 address around the ':' at `colon` and reports it (full
// form 0.85, compressed 0.75; 0.95 with context). Returns the offset at
// which scanning resumes (past the hex/colon run examined, always > colon).
size_t ScanIpv6AtColon(size_t colon, MatchSink& sink);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PI_IP_ADDRESS_H_
