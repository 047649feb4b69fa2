#include "common/paging/page_token.h"

#include "absl/strings/escaping.h"
#include "common/status/errors.h"

namespace verbatim::paging {
namespace {

constexpr char kVersion = 1;
constexpr size_t kHeaderSize = 1 + 8 + 8;  // version, filter hash, checksum

void AppendUint64(uint64_t value, std::string& out) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xFF));
  }
}

uint64_t ReadUint64(absl::string_view in) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i)
    value = (value << 8) | static_cast<uint8_t>(in[i]);
  return value;
}

uint64_t Checksum(uint64_t filter_hash, absl::string_view key) {
  return StableHash(key, filter_hash ^ 0x9E3779B97F4A7C15ull);
}

absl::Status BadToken(absl::string_view why) {
  return status::InvalidField("page_token", why);
}

}  // namespace

uint64_t StableHash(absl::string_view data, uint64_t seed) {
  uint64_t hash = 0xcbf29ce484222325ull ^ seed;
  for (char c : data) {
    hash ^= static_cast<uint8_t>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

std::string EncodePageToken(absl::string_view resume_key,
                            absl::string_view filters) {
  const uint64_t filter_hash = StableHash(filters);
  std::string raw;
  raw.reserve(kHeaderSize + resume_key.size());
  raw.push_back(kVersion);
  AppendUint64(filter_hash, raw);
  AppendUint64(Checksum(filter_hash, resume_key), raw);
  raw.append(resume_key.data(), resume_key.size());
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            absl::string_view filters) {
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) || raw.size() < kHeaderSize) {
    return BadToken("is not a token this service issued");
  }
  if (raw[0] != kVersion) {
    return BadToken(
        "was issued by another version of the service; restart the listing");
  }
  const uint64_t filter_hash = ReadUint64(absl::string_view(raw).substr(1));
  std::string key = raw.substr(kHeaderSize);
  if (ReadUint64(absl::string_view(raw).substr(9)) !=
      Checksum(filter_hash, key)) {
    return BadToken("is corrupted");
  }
  if (filter_hash != StableHash(filters)) {
    return BadToken(
        "was issued for a request with different filters; reuse it only with "
        "the same filters");
  }
  return key;
}

}  // namespace verbatim::paging
