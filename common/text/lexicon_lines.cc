#include "common/text/lexicon_lines.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "verbatim_text_data.h"

namespace verbatim::text {

std::vector<std::string> LexiconLines(absl::string_view name) {
  std::vector<std::string> out;
  const auto file = data::EmbeddedFile(std::string(name));
  if (!file.has_value()) return out;
  for (absl::string_view line :
       absl::StrSplit(absl::string_view(file->data(), file->size()), '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    out.emplace_back(line);
  }
  return out;
}

}  // namespace verbatim::text
