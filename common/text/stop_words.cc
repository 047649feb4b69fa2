#include "common/text/stop_words.h"

#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "verbatim_text_data.h"

namespace verbatim::text {
namespace {

const absl::flat_hash_set<std::string>& StopWords() {
  static const auto* words = [] {
    auto* set = new absl::flat_hash_set<std::string>();
    const auto file = data::EmbeddedFile("search_stop_words.txt");
    if (!file.has_value()) return set;  // not compiled in: index every word
    for (absl::string_view line :
         absl::StrSplit(absl::string_view(file->data(), file->size()), '\n')) {
      line = absl::StripAsciiWhitespace(line);
      if (line.empty() || line.front() == '#') continue;
      set->insert(std::string(line));
    }
    return set;
  }();
  return *words;
}

}  // namespace

bool IsSearchStopWord(absl::string_view folded_word) {
  return StopWords().contains(folded_word);
}

}  // namespace verbatim::text
