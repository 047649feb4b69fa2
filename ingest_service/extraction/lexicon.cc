#include "ingest_service/extraction/lexicon.h"

#include "absl/status/status.h"
#include "ingest_service/extraction/text_util.h"
#include "verbatim_extraction_data.h"

namespace verbatim::extraction {

Lexicon Lexicon::FromText(std::string_view text) {
  Lexicon lex;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = TrimSpaces(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty() || line.front() == '#') continue;
    std::string_view key = line;
    std::string_view value;
    if (const size_t tab = line.find('\t'); tab != std::string_view::npos) {
      key = TrimSpaces(line.substr(0, tab));
      value = TrimSpaces(line.substr(tab + 1));
    }
    if (key.empty()) continue;
    std::string k(key);
    const size_t bit = PairIndex(k);
    lex.pairs_[bit >> 6] |= uint64_t{1} << (bit & 63);
    lex.entries_.emplace_back(k, std::string(value));
    lex.map_.try_emplace(std::move(k), std::string(value));
  }
  return lex;
}

absl::StatusOr<Lexicon> Lexicon::Load(std::string_view basename) {
  const auto data = data::EmbeddedFile(basename);
  if (!data.has_value()) {
    return absl::NotFoundError("embedded lexicon not found: " +
                               std::string(basename));
  }
  return FromText(*data);
}

namespace {
// Folds into a stack buffer when it fits, so hot-loop lookups do not allocate.
template <typename F>
auto WithFolded(std::string_view word, F&& f) {
  char buf[64];
  if (word.size() <= sizeof(buf)) {
    for (size_t i = 0; i < word.size(); ++i) {
      const char ch = word[i];
      buf[i] =
          (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    return f(std::string_view(buf, word.size()));
  }
  const std::string lower = AsciiLower(word);
  return f(std::string_view(lower));
}
}  // namespace

size_t Lexicon::PairIndex(std::string_view s) {
  auto fold = [](char ch) -> unsigned char {
    return static_cast<unsigned char>(
        (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch);
  };
  const unsigned char a = s.empty() ? 0 : fold(s[0]);
  const unsigned char b = s.size() < 2 ? 0 : fold(s[1]);
  return (static_cast<size_t>(a) << 8) | b;
}

bool Lexicon::MayContainFolded(std::string_view word) const {
  const size_t bit = PairIndex(word);
  return (pairs_[bit >> 6] >> (bit & 63)) & 1;
}

bool Lexicon::ContainsFolded(std::string_view word) const {
  if (!MayContainFolded(word)) return false;
  return WithFolded(word, [this](std::string_view k) { return Contains(k); });
}

bool Lexicon::Contains(std::string_view key) const {
  // Debian's abseil has its own string_view type.
  return map_.contains(absl::string_view(key.data(), key.size()));
}

const std::string* Lexicon::Find(std::string_view key) const {
  const auto it = map_.find(absl::string_view(key.data(), key.size()));
  return it == map_.end() ? nullptr : &it->second;
}

const std::string* Lexicon::FindFolded(std::string_view word) const {
  if (!MayContainFolded(word)) return nullptr;
  return WithFolded(word, [this](std::string_view k) { return Find(k); });
}

const std::string* Lexicon::FindFoldedOrSingular(std::string_view word) const {
  if (const std::string* value = FindFolded(word)) return value;
  if (word.size() > 3 && word.back() == 's') {
    return FindFolded(word.substr(0, word.size() - 1));
  }
  return nullptr;
}

}  // namespace verbatim::extraction
