#include "common/text/lexicon_lines.h"

#include "common/text/lexicon.h"
#include "verbatim_text_data.h"

namespace verbatim::text {

std::vector<std::string> LexiconLines(absl::string_view name) {
  std::vector<std::string> out;
  const auto file =
      data::EmbeddedFile(std::string_view(name.data(), name.size()));
  if (!file.has_value()) return out;
  for (const std::string_view line : LexiconEntryLines(*file)) {
    out.emplace_back(line);
  }
  return out;
}

}  // namespace verbatim::text
