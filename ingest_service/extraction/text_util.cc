#include "ingest_service/extraction/text_util.h"

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace verbatim::extraction {

char32_t DecodeMultiByte(std::string_view text, size_t pos, size_t& len) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  size_t need;
  char32_t c;
  if ((b0 & 0xE0) == 0xC0) {
    need = 2;
    c = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    need = 3;
    c = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    need = 4;
    c = b0 & 0x07;
  } else {
    len = 1;
    return 0xFFFD;
  }
  if (pos + need > text.size()) {
    len = 1;
    return 0xFFFD;
  }
  for (size_t i = 1; i < need; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) {
      len = 1;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  len = need;
  return c;
}

size_t PrevCharStart(std::string_view text, size_t pos) {
  size_t p = pos - 1;
  int guard = 0;
  while (p > 0 && guard < 3 &&
         (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) {
    --p;
    ++guard;
  }
  return p;
}

char32_t CharBefore(std::string_view text, size_t pos) {
  if (pos == 0) return 0;
  const size_t start = PrevCharStart(text, pos);
  size_t len;
  return DecodeAt(text, start, len);
}

char32_t CharAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  size_t len;
  return DecodeAt(text, pos, len);
}

bool IsSpaceSlow(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0xA0 || c == 0x2009 || c == 0x200A || c == 0x202F ||
         c == 0x2002 || c == 0x2003 || c == 0x3000;
}

bool IsDash(char32_t c) {
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012 || c == 0x2015;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return (c & 1) == 0;
  if (c >= 0x391 && c <= 0x3A9) return true;  // Greek
  if (c >= 0x410 && c <= 0x42F) return true;  // Cyrillic
  return false;
}

bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return (c & 1) == 1;
  if (c >= 0x3B1 && c <= 0x3C9) return true;
  if (c >= 0x430 && c <= 0x44F) return true;
  return false;
}

bool IsWordCharSlow(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  if (IsSpace(c)) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // General Punctuation
  if (c >= 0xA1 && c <= 0xBF) return false;      // Latin-1 punctuation
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFF01 && c <= 0xFF0F) return false;
  if (c == 0xFFFD) return false;
  return true;
}

size_t FindAnyOf4(std::string_view text, size_t pos, size_t end, char a, char b,
                  char c, char d) {
  end = std::min(end, text.size());
  const char* data = text.data();
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(a);
  const __m128i vb = _mm_set1_epi8(b);
  const __m128i vc = _mm_set1_epi8(c);
  const __m128i vd = _mm_set1_epi8(d);
  while (pos + 16 <= end) {
    const __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + pos));
    const __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
        _mm_or_si128(_mm_cmpeq_epi8(x, vc), _mm_cmpeq_epi8(x, vd)));
    const int mask = _mm_movemask_epi8(m);
    if (mask != 0) return pos + static_cast<size_t>(__builtin_ctz(mask));
    pos += 16;
  }
#endif
  for (; pos < end; ++pos) {
    const char ch = data[pos];
    if (ch == a || ch == b || ch == c || ch == d) return pos;
  }
  return end;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

namespace {
inline char Lower(char ch) {
  return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
}
}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

std::string_view LastWord(std::string_view s) {
  const size_t space = s.find_last_of(' ');
  return space == std::string_view::npos ? s : s.substr(space + 1);
}

std::string_view TrimSpaces(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t len;
    const char32_t c = DecodeAt(s, b, len);
    if (!IsSpace(c)) break;
    b += len;
  }
  size_t e = s.size();
  while (e > b) {
    const size_t p = PrevCharStart(s, e);
    size_t len;
    if (!IsSpace(DecodeAt(s, p, len))) break;
    e = p;
  }
  return s.substr(b, e - b);
}

bool IsPossessive(std::string_view w) {
  return (w.size() > 2 && w.substr(w.size() - 2) == "'s") ||
         (w.size() > 4 && w.substr(w.size() - 4) == "\u2019s");
}

bool IsRelativePronoun(std::string_view w) {
  return EqualsIgnoreCase(w, "who") || EqualsIgnoreCase(w, "which");
}

bool IsReflexivePronoun(std::string_view w) {
  return EqualsIgnoreCase(w, "itself") || EqualsIgnoreCase(w, "himself") ||
         EqualsIgnoreCase(w, "herself") || EqualsIgnoreCase(w, "themselves");
}

}  // namespace verbatim::extraction
