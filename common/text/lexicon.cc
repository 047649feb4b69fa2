#include "common/text/lexicon.h"

#include <cstdio>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/text/fold.h"

namespace verbatim::text {
namespace {

std::string_view Trim(std::string_view text) {
  const absl::string_view trimmed =
      absl::StripAsciiWhitespace(absl::string_view(text.data(), text.size()));
  return std::string_view(trimmed.data(), trimmed.size());
}

}  // namespace

std::vector<std::string_view> LexiconEntryLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    const std::string_view line = Trim(text.substr(0, newline));
    text.remove_prefix(newline == std::string_view::npos ? text.size()
                                                         : newline + 1);
    if (!line.empty() && line.front() != '#') lines.push_back(line);
  }
  return lines;
}

absl::StatusOr<Lexicon> Lexicon::Parse(std::string_view name,
                                       std::string_view text) {
  Lexicon lexicon;
  for (const std::string_view line : LexiconEntryLines(text)) {
    std::string_view entry = line;
    std::string_view value;
    if (const size_t eq = line.find('='); eq != std::string_view::npos) {
      entry = Trim(line.substr(0, eq));
      value = Trim(line.substr(eq + 1));
    }
    if (entry.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("lexicon ", absl::string_view(name.data(), name.size()),
                       ": empty entry in line \"",
                       absl::string_view(line.data(), line.size()), "\""));
    }
    std::string key = LowerKey(entry);
    if (!lexicon.map_.try_emplace(key, value).second) continue;
    const size_t bit = PairIndex(key);
    lexicon.pairs_[bit >> 6] |= uint64_t{1} << (bit & 63);
    lexicon.entries_.emplace_back(std::move(key), std::string(value));
  }
  return lexicon;
}

size_t Lexicon::PairIndex(std::string_view key) {
  const auto a = static_cast<unsigned char>(key.empty() ? 0 : key[0]);
  const auto b = static_cast<unsigned char>(key.size() < 2 ? 0 : key[1]);
  return (static_cast<size_t>(a) << 8) | b;
}

bool Lexicon::MayContain(std::string_view key) const {
  const size_t bit = PairIndex(key);
  return (pairs_[bit >> 6] >> (bit & 63)) & 1;
}

template <typename F>
auto Lexicon::WithKey(std::string_view word, F&& f) const {
  char buffer[64];
  bool ascii = word.size() <= sizeof(buffer);
  for (size_t i = 0; ascii && i < word.size(); ++i) {
    const char c = word[i];
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (ascii) return f(std::string_view(buffer, word.size()));
  const std::string key = LowerKey(word);
  return f(std::string_view(key));
}

bool Lexicon::Contains(std::string_view key) const {
  return MayContain(key) &&
         map_.contains(absl::string_view(key.data(), key.size()));
}

std::optional<std::string_view> Lexicon::Find(std::string_view key) const {
  if (!MayContain(key)) return std::nullopt;
  const auto it = map_.find(absl::string_view(key.data(), key.size()));
  if (it == map_.end()) return std::nullopt;
  return std::string_view(it->second);
}

bool Lexicon::MayContainWord(std::string_view word) const {
  const auto ascii_lower = [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  };
  const char head[2] = {word.empty() ? '\0' : ascii_lower(word[0]),
                        word.size() < 2 ? '\0' : ascii_lower(word[1])};
  if (static_cast<unsigned char>(head[0]) >= 0x80 ||
      static_cast<unsigned char>(head[1]) >= 0x80) {
    return true;  // LowerKey may change these bytes
  }
  return MayContain(std::string_view(head, word.size() < 2 ? word.size() : 2));
}

bool Lexicon::ContainsFolded(std::string_view word) const {
  if (!MayContainWord(word)) return false;
  return WithKey(word, [this](std::string_view key) { return Contains(key); });
}

std::optional<std::string_view> Lexicon::FindFolded(
    std::string_view word) const {
  if (!MayContainWord(word)) return std::nullopt;
  return WithKey(word, [this](std::string_view key) { return Find(key); });
}

std::optional<std::string_view> Lexicon::FindFoldedOrSingular(
    std::string_view word) const {
  if (auto value = FindFolded(word)) return value;
  if (word.size() > 3 && word.back() == 's') {
    return FindFolded(word.substr(0, word.size() - 1));
  }
  return std::nullopt;
}

const Lexicon& CompiledInLexicon(std::string_view name,
                                 std::optional<std::string_view> text) {
  absl::StatusOr<Lexicon> parsed =
      text.has_value()
          ? Lexicon::Parse(name, *text)
          : absl::NotFoundError(absl::StrCat(
                "lexicon ", absl::string_view(name.data(), name.size()),
                " is not compiled in"));
  if (!parsed.ok()) {
    std::fprintf(stderr, "fatal: %s\n", parsed.status().ToString().c_str());
    std::abort();
  }
  return *new Lexicon(*std::move(parsed));  // never destroyed
}

}  // namespace verbatim::text
