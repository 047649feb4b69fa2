#include "common/text/stop_words.h"

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "common/text/lexicon_lines.h"

namespace verbatim::text {
namespace {

const absl::flat_hash_set<std::string>& StopWords() {
  // Not compiled in: every word is indexed.
  static const auto* words = new absl::flat_hash_set<std::string>([] {
    const std::vector<std::string> lines =
        LexiconLines("search_stop_words.txt");
    return absl::flat_hash_set<std::string>(lines.begin(), lines.end());
  }());
  return *words;
}

}  // namespace

bool IsSearchStopWord(absl::string_view folded_word) {
  return StopWords().contains(folded_word);
}

}  // namespace verbatim::text
