// Helpers shared by the fuzz targets.
#ifndef VERBATIM_TESTS_FUZZ_FUZZ_UTIL_H_
#define VERBATIM_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace verbatim::fuzz {

// Stops the run with a message; libFuzzer saves the input as a crash.
#define FUZZ_CHECK(condition)                                          \
  do {                                                                 \
    if (!(condition)) {                                                \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, \
                   __LINE__, #condition);                              \
      std::abort();                                                    \
    }                                                                  \
  } while (0)

// Strict UTF-8 as ICU's U8_NEXT accepts it: no overlong forms, no surrogates,
// nothing above U+10FFFF.
inline bool IsStrictUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

// Splits fuzzer input into consecutive pieces: each piece is prefixed by one
// length byte (a short piece) — the last piece takes whatever is left.
class Pieces {
 public:
  Pieces(const uint8_t* data, size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}
  std::string_view Next() {
    if (rest_.empty()) return {};
    const size_t length = static_cast<unsigned char>(rest_[0]);
    rest_.remove_prefix(1);
    const size_t take = length < rest_.size() ? length : rest_.size();
    std::string_view piece = rest_.substr(0, take);
    rest_.remove_prefix(take);
    return piece;
  }
  std::string_view Rest() const { return rest_; }
  bool empty() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

}  // namespace verbatim::fuzz

#endif  // VERBATIM_TESTS_FUZZ_FUZZ_UTIL_H_
