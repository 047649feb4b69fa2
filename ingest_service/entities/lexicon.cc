#include "ingest_service/entities/lexicon.h"

#include <string>
#include <utility>

#include "absl/status/status.h"
#include "ingest_service/entities/text_util.h"

namespace verbatim::entities {

absl::StatusOr<Lexicon> Lexicon::Parse(std::string_view name,
                                       std::string_view data) {
  Lexicon lexicon;
  size_t line_number = 0;
  while (!data.empty()) {
    ++line_number;
    const size_t newline = data.find('\n');
    std::string_view line = data.substr(0, newline);
    data.remove_prefix(newline == std::string_view::npos ? data.size()
                                                         : newline + 1);
    line = TrimAsciiSpace(line);
    if (line.empty() || line.front() == '#') continue;
    std::string_view entry = line;
    std::string_view value;
    if (const size_t eq = line.find('='); eq != std::string_view::npos) {
      entry = TrimAsciiSpace(line.substr(0, eq));
      value = TrimAsciiSpace(line.substr(eq + 1));
    }
    if (entry.empty()) {
      return absl::InvalidArgumentError("lexicon " + std::string(name) +
                                        " line " + std::to_string(line_number) +
                                        ": empty entry");
    }
    lexicon.entries_.emplace(LowerKey(entry), std::string(value));
  }
  return lexicon;
}

std::optional<std::string_view> Lexicon::Find(std::string_view key) const {
  const auto it = entries_.find(absl::string_view(key.data(), key.size()));
  if (it == entries_.end()) return std::nullopt;
  return std::string_view(it->second);
}

}  // namespace verbatim::entities
