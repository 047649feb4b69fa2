#include "ingest_service/entities/text_util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "common/text/fold.h"

namespace verbatim::entities {

char32_t DecodeUtf8Slow(std::string_view text, size_t pos, size_t& len) {
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  len = static_cast<size_t>(i) - pos;
  if (c < 0) return 0xFFFD;
  return static_cast<char32_t>(c);
}

bool IsLetterSlow(char32_t c) {
  // General Punctuation (curly quotes, dashes, ellipsis) is frequent in news
  // text and never a letter: answer without ICU.
  if (c >= 0x2000 && c <= 0x206F) return false;
  const auto u = static_cast<UChar32>(c);
  return u_isalpha(u) || u_getCombiningClass(u) != 0;
}

bool IsUpperSlow(char32_t c) {
  return u_isupper(static_cast<UChar32>(c)) ||
         u_istitle(static_cast<UChar32>(c));
}

bool IsLowerSlow(char32_t c) { return u_islower(static_cast<UChar32>(c)); }

bool IsDigitSlow(char32_t c) {
  if (c >= 0x2000 && c <= 0x206F) return false;
  return u_isdigit(static_cast<UChar32>(c));
}

bool IsSpaceSlow(char32_t c) {
  if (c >= 0x2000 && c <= 0x206F) {
    return c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F;
  }
  return c == 0xA0 || u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

std::string_view TrimAsciiSpace(std::string_view text) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
  };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

bool IsYearOrOrdinal(std::string_view word) {
  const bool digits_only =
      !word.empty() && std::all_of(word.begin(), word.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
  if (digits_only && word.size() == 4 &&
      (word.starts_with("19") || word.starts_with("20"))) {
    return true;
  }
  if (std::none_of(word.begin(), word.end(),
                   [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  const std::string key = text::LowerKey(word);
  return key.ends_with("th") || key.ends_with("st") || key.ends_with("nd") ||
         key.ends_with("rd");
}

std::string SquashedKey(std::string_view text) {
  std::string out;
  AppendSquashedKey(text, out);
  return out;
}

void AppendSquashedKey(std::string_view text, std::string& out) {
  out.reserve(out.size() + text.size());
  for (size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      if (byte >= 'A' && byte <= 'Z') {
        out.push_back(static_cast<char>(byte + 32));
      } else if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
        out.push_back(static_cast<char>(byte));
      }
      ++pos;
      continue;
    }
    size_t len = 0;
    const char32_t c = DecodeUtf8(text, pos, len);
    if (IsLetter(c) || IsDigit(c)) {
      text::AppendUtf8(
          static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))), out);
    }
    pos += len;
  }
}

}  // namespace verbatim::entities
