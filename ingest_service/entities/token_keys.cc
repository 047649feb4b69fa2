#include "ingest_service/entities/token_keys.h"

#include <algorithm>
#include <utility>

#include "common/text/fold.h"
#include "ingest_service/entities/text_util.h"

namespace verbatim::entities {

TokenKeys::TokenKeys(std::string_view text, const std::vector<Token>& tokens,
                     const Lexicons& lex)
    : text_(text), tokens_(tokens), lex_(lex), entries_(tokens.size()) {
  // Lower-casing ASCII keeps the length, so keys never outgrow the text.
  arena_.reserve(text.size());
}

bool TokenKeys::Has(size_t i, uint32_t flags) const {
  if ((Info(i).flags & flags) != 0) return true;
  if ((flags & kCommonWord) == 0) return false;
  Entry& entry = entries_[i];
  if (entry.common < 0) {
    if (tokens_[i].kind != TokenKind::kWord) {
      entry.common = 0;
    } else {
      auto& [hash, facts] = Facts(i);
      if (facts.common < 0) facts.common = lex_.IsCommonHash(hash);
      entry.common = facts.common;
    }
  }
  return entry.common == 1;
}

std::pair<const uint64_t, TokenKeys::WordFacts>& TokenKeys::Facts(
    size_t i) const {
  const std::string_view key = Key(i);
  const auto [it, inserted] = facts_.try_emplace(Lexicons::WordHash(key));
  if (inserted) {
    it->second.info = &lex_.WordByHash(it->first);
    // "Ciarán", "Zoë": a name the lexicons list without its accents.
    if (it->second.info->flags == 0 &&
        std::any_of(key.begin(), key.end(), [](char c) {
          return static_cast<unsigned char>(c) >= 0x80;
        })) {
      const std::string bare =
          text::WithoutAccents(absl::string_view(key.data(), key.size()));
      if (bare != key) {
        it->second.info = &lex_.WordByHash(Lexicons::WordHash(bare));
      }
    }
    // "British-Nigerian", "Irish-American": two nationalities read as the
    // last one.
    const size_t hyphen = key.find('-');
    if (it->second.info->flags == 0 && hyphen != std::string_view::npos &&
        key.find('-', hyphen + 1) == std::string_view::npos &&
        lex_.demonyms.Contains(key.substr(0, hyphen)) &&
        lex_.demonyms.Contains(key.substr(hyphen + 1))) {
      it->second.info =
          &lex_.WordByHash(Lexicons::WordHash(key.substr(hyphen + 1)));
    }
  }
  return *it;
}

std::string_view TokenKeys::Key(size_t i) const {
  Entry& entry = entries_[i];
  if (entry.has_key) return entry.key;
  entry.has_key = true;
  const Token& t = tokens_[i];
  if (t.kind != TokenKind::kWord) return entry.key;
  const size_t begin = t.begin + (t.leading_dot ? 1 : 0);
  // "Florida-based" is looked up as "florida": the tail is a separate cue.
  const size_t end = HeadEnd(t);
  const std::string_view raw = text_.substr(begin, end - begin);
  // Lower-case ASCII words are their own key: no copy.
  bool ascii = true;
  bool lower = true;
  for (const char c : raw) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80) {
      ascii = false;
      break;
    }
    lower &= !(b >= 'A' && b <= 'Z');
  }
  if (ascii && lower) {
    entry.key = raw;
    return entry.key;
  }
  const size_t at = arena_.size();
  if (ascii && at + raw.size() <= arena_.capacity()) {
    arena_.append(raw);
    for (size_t k = at; k < arena_.size(); ++k) {
      if (arena_[k] >= 'A' && arena_[k] <= 'Z') arena_[k] += 'a' - 'A';
    }
    entry.key = std::string_view(arena_).substr(at);
    return entry.key;
  }
  std::string folded = text::LowerKey(raw);
  if (at + folded.size() <= arena_.capacity()) {
    arena_.append(folded);
    entry.key = std::string_view(arena_).substr(at);
  } else {
    entry.key = owned_.emplace_back(std::move(folded));
  }
  return entry.key;
}

const WordInfo& TokenKeys::Info(size_t i) const {
  Entry& entry = entries_[i];
  if (entry.info == nullptr) {
    static const WordInfo kNone;
    entry.info =
        tokens_[i].kind == TokenKind::kWord ? Facts(i).second.info : &kNone;
  }
  return *entry.info;
}

}  // namespace verbatim::entities
