#include "common/text/contractions.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_split.h"
#include "common/text/fold.h"
#include "common/text/lexicon_lines.h"

namespace verbatim::text {
namespace {

struct Contractions {
  // "can t" -> {"can", "not"}; "cannot" -> {"can", "not"}.
  absl::flat_hash_map<std::string, std::vector<std::string>> whole;
  // "ll" -> "will": the tail after any word.
  absl::flat_hash_map<std::string, std::string> tails;
  std::string not_tail;  // the expansion of "n t" ("not")
};

const Contractions& Table() {
  static const auto* table = [] {
    auto* t = new Contractions();
    // Not compiled in: words as printed.
    for (const std::string& line : LexiconLines("contractions.txt")) {
      const std::pair<absl::string_view, absl::string_view> entry =
          absl::StrSplit(line, absl::MaxSplits('=', 1));
      const absl::string_view words = entry.first;
      if (words == "-n t") {
        t->not_tail = std::string(entry.second);
      } else if (!words.empty() && words.front() == '-') {
        t->tails[std::string(words.substr(1))] = std::string(entry.second);
      } else {
        t->whole[std::string(words)] =
            absl::StrSplit(entry.second, ' ', absl::SkipEmpty());
      }
    }
    return t;
  }();
  return *table;
}

}  // namespace

std::vector<std::string> SpelledOutWords(absl::string_view text) {
  return SpellOut(FoldedWords(text));
}

std::vector<std::string> SpellOut(const std::vector<std::string>& words) {
  // Every tail the table knows is one or two letters ("t", "m", "ll").
  constexpr size_t kMaxTail = 2;
  const Contractions& table = Table();
  std::vector<std::string> out;
  out.reserve(words.size() + words.size() / 8);
  for (size_t i = 0; i < words.size(); ++i) {
    const bool pair = i + 1 < words.size() && words[i + 1].size() <= kMaxTail;
    if (pair) {
      auto it = table.whole.find(words[i] + " " + words[i + 1]);
      if (it != table.whole.end()) {
        out.insert(out.end(), it->second.begin(), it->second.end());
        ++i;
        continue;
      }
    }
    if (auto it = table.whole.find(words[i]); it != table.whole.end()) {
      out.insert(out.end(), it->second.begin(), it->second.end());
      continue;
    }
    if (pair && words[i + 1] == "t" && words[i].size() > 1 &&
        words[i].back() == 'n' && !table.not_tail.empty()) {
      out.push_back(words[i].substr(0, words[i].size() - 1));
      out.push_back(table.not_tail);
      ++i;
      continue;
    }
    if (pair) {
      if (auto it = table.tails.find(words[i + 1]); it != table.tails.end()) {
        out.push_back(words[i]);
        out.push_back(it->second);
        ++i;
        continue;
      }
    }
    out.push_back(words[i]);
  }
  return out;
}

}  // namespace verbatim::text
