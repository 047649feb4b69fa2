#include "common/text/fold.h"

#include "unicode/normalizer2.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf8.h"

namespace verbatim::text {
namespace {

// Calls emit(folded_word) for each maximal run of letters and digits.
template <typename Emit>
void ForEachFoldedWord(absl::string_view text, Emit emit) {
  std::string word;
  bool ascii = true;
  for (char c : text) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    for (char c : text) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word.push_back(c);
      } else if (c >= 'A' && c <= 'Z') {
        word.push_back(static_cast<char>(c - 'A' + 'a'));
      } else if (!word.empty()) {
        emit(word);
        word.clear();
      }
    }
    if (!word.empty()) emit(word);
    return;
  }
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(error);
  icu::UnicodeString decomposed;
  if (U_SUCCESS(error)) {
    decomposed = nfkd->normalize(icu::UnicodeString::fromUTF8(text), error);
  }
  if (U_FAILURE(error)) decomposed = icu::UnicodeString::fromUTF8(text);
  // Full case folding, so that "ß" matches "ss".
  decomposed.foldCase();
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isalnum(c)) {
      AppendUtf8(static_cast<char32_t>(c), word);
    } else if (!word.empty()) {
      emit(word);
      word.clear();
    }
  }
  if (!word.empty()) emit(word);
}

}  // namespace

std::string NameKey(absl::string_view name) {
  std::string key;
  ForEachFoldedWord(name, [&](const std::string& word) { key += word; });
  return key;
}

std::vector<std::string> FoldedWords(absl::string_view text) {
  std::vector<std::string> words;
  ForEachFoldedWord(text,
                    [&](const std::string& word) { words.push_back(word); });
  return words;
}

std::string WithoutAccents(absl::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  if (U_FAILURE(error)) return std::string(text);
  const icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                         text.data(), static_cast<int32_t>(text.size()))),
                     error);
  if (U_FAILURE(error)) return std::string(text);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
  }
  std::string out;
  bare.toUTF8String(out);
  return out;
}

std::string LowerKey(std::string_view text) {
  std::string out;
  AppendLowerKey(text, out);
  return out;
}

void AppendLowerKey(std::string_view text, std::string& out) {
  out.reserve(out.size() + text.size());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte + 32)
                                               : static_cast<char>(byte));
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (c == 0x2019) {
      out.push_back('\'');
      continue;
    }
    AppendUtf8(static_cast<char32_t>(c < 0 ? 0xFFFD : u_tolower(c)), out);
  }
}

void AppendUtf8(char32_t c, std::string& out) {
  char buffer[U8_MAX_LENGTH];
  int32_t written = 0;
  UBool too_long = false;
  U8_APPEND(buffer, written, U8_MAX_LENGTH, static_cast<UChar32>(c), too_long);
  if (!too_long) out.append(buffer, static_cast<size_t>(written));
}

}  // namespace verbatim::text
