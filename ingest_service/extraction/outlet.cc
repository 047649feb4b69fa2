#include "ingest_service/extraction/outlet.h"

#include <algorithm>
#include <string>
#include <vector>

#include "ingest_service/extraction/text_util.h"

namespace verbatim::extraction {
namespace {

using entities::EntityType;
using entities::TextSpan;

// `name` without a leading "The ".
std::string_view WithoutArticle(std::string_view name) {
  return StartsWithIgnoreCase(name, "the ") ? name.substr(4) : name;
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

void MarkOutlet(std::string_view text, absl::Span<const TextSpan> sentences,
                std::string_view source, entities::EntityAnalysis& analysis) {
  // A slug ("usa-today") names the outlet with spaces.
  std::string name(WithoutArticle(TrimSpaces(source)));
  std::replace(name.begin(), name.end(), '-', ' ');
  if (name.size() < 3) return;
  int outlet = -1;
  for (size_t e = 0; e < analysis.entities.size(); ++e) {
    entities::Entity& entity = analysis.entities[e];
    bool named = EqualsIgnoreCase(WithoutArticle(entity.display_name), name);
    for (const std::string& alias : entity.aliases) {
      named = named || EqualsIgnoreCase(WithoutArticle(alias), name);
    }
    if (!named) continue;
    entity.type = EntityType::kOrganization;
    entity.gender = entities::Gender::kUnknown;
    if (outlet < 0) outlet = static_cast<int>(e);
  }
  const bool one_word = name.find(' ') == std::string::npos;
  std::vector<entities::Mention> added;
  size_t m = 0;  // first mention that may overlap the occurrence
  for (size_t at = 0; at + name.size() <= text.size(); ++at) {
    const size_t end = at + name.size();
    // A printed name: capitalised, whole words, in any case.
    if (!std::isupper(static_cast<unsigned char>(text[at])) ||
        !EqualsIgnoreCase(text.substr(at, name.size()), name) ||
        (at > 0 && (IsNameChar(text[at - 1]) || text[at - 1] == '.')) ||
        (end < text.size() &&
         (IsNameChar(text[end]) || (text[end] == '.' && end + 1 < text.size() &&
                                    IsNameChar(text[end + 1]))))) {
      continue;
    }
    while (m < analysis.mentions.size() &&
           analysis.mentions[m].span.end <= at) {
      ++m;
    }
    if (m < analysis.mentions.size() && analysis.mentions[m].span.begin < end) {
      continue;  // the recognizer has it, as this name or a longer one
    }
    if (one_word && at > 0 && text[at - 1] != '\n') {
      auto it = std::upper_bound(
          sentences.begin(), sentences.end(), at,
          [](size_t p, const TextSpan& s) { return p < s.begin; });
      if (it != sentences.begin() && (it - 1)->begin == at) continue;
    }
    const std::string printed(text.substr(at, name.size()));
    if (outlet < 0) {
      entities::Entity entity;
      entity.display_name = printed;
      entity.type = EntityType::kOrganization;
      analysis.entities.push_back(std::move(entity));
      outlet = static_cast<int>(analysis.entities.size()) - 1;
    }
    added.push_back({{at, end}, printed, outlet});
  }
  if (added.empty()) return;
  analysis.mentions.insert(analysis.mentions.end(), added.begin(), added.end());
  std::sort(analysis.mentions.begin(), analysis.mentions.end(),
            [](const entities::Mention& a, const entities::Mention& b) {
              return a.span.begin < b.span.begin;
            });
}

}  // namespace verbatim::extraction
