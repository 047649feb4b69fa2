#include "ingest_service/entities/token_keys.h"

#include "ingest_service/entities/text_util.h"

namespace verbatim::entities {

TokenKeys::TokenKeys(std::string_view text, const std::vector<Token>& tokens,
                     const Lexicons& lex)
    : text_(text),
      tokens_(tokens),
      lex_(lex),
      owned_(tokens.size()),
      keys_(tokens.size()),
      info_(tokens.size(), nullptr),
      has_key_(tokens.size(), 0),
      common_(tokens.size(), -1) {}

bool TokenKeys::Has(size_t i, uint32_t flags) const {
  if ((Info(i).flags & flags) != 0) return true;
  if ((flags & kCommonWord) == 0) return false;
  if (common_[i] < 0) {
    common_[i] =
        tokens_[i].kind == TokenKind::kWord && lex_.IsCommonWord(Key(i));
  }
  return common_[i] == 1;
}

std::string_view TokenKeys::Key(size_t i) const {
  if (has_key_[i]) return keys_[i];
  has_key_[i] = 1;
  const Token& t = tokens_[i];
  if (t.kind != TokenKind::kWord) return keys_[i];
  const size_t begin = t.begin + (t.leading_dot ? 1 : 0);
  // "Florida-based" is looked up as "florida": the tail is a separate cue.
  const size_t end = t.hyphen_tail ? t.hyphen_tail - 1 : t.end;
  const std::string_view raw = text_.substr(begin, end - begin);
  // Lower-case ASCII words are their own key: no copy.
  bool lower_ascii = true;
  for (const char c : raw) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || (b >= 'A' && b <= 'Z')) {
      lower_ascii = false;
      break;
    }
  }
  if (lower_ascii) {
    keys_[i] = raw;
  } else {
    owned_[i] = LowerKey(raw);
    keys_[i] = owned_[i];
  }
  return keys_[i];
}

const WordInfo& TokenKeys::Info(size_t i) const {
  if (info_[i] == nullptr) {
    static const WordInfo kNone;
    info_[i] =
        tokens_[i].kind == TokenKind::kWord ? &lex_.Word(Key(i)) : &kNone;
  }
  return *info_[i];
}

}  // namespace verbatim::entities
