#include "ingest_service/entities/lexicons.h"

#include <initializer_list>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "verbatim_entities_data.h"

namespace verbatim::entities {

namespace {

// The derived list drops a word when any of its stems is listed ("savings"
// goes because "saving" exists, which goes because "save" does), so lookups
// follow stems a few levels deep.
bool CommonWithStems(const Lexicon& words, std::string_view w, int depth) {
  if (words.Contains(w)) return true;
  if (depth == 0) return false;
  const size_t n = w.size();
  auto has = [&](std::string_view stem, std::string_view add = {}) {
    if (add.empty()) return CommonWithStems(words, stem, depth - 1);
    std::string s(stem);
    s.append(add);
    return CommonWithStems(words, s, depth - 1);
  };
  if (n > 4 && w.ends_with("ies") && has(w.substr(0, n - 3), "y")) return true;
  if (n > 3 && w.ends_with("es")) {
    const std::string_view stem = w.substr(0, n - 2);
    if ((stem.ends_with('s') || stem.ends_with('x') || stem.ends_with('z') ||
         stem.ends_with("ch") || stem.ends_with("sh") || stem.ends_with('o')) &&
        has(stem)) {
      return true;
    }
  }
  if (n > 2 && w.ends_with("s") && has(w.substr(0, n - 1))) return true;
  if (n > 4 && w.ends_with("ed") &&
      (has(w.substr(0, n - 2)) || has(w.substr(0, n - 1)))) {
    return true;
  }
  if (n > 5 && w.ends_with("ing") &&
      (has(w.substr(0, n - 3)) || has(w.substr(0, n - 3), "e"))) {
    return true;
  }
  if (n > 4 && w.ends_with("ly") && has(w.substr(0, n - 2))) return true;
  return false;
}

}  // namespace

bool Lexicons::IsCommonWord(std::string_view w) const {
  return CommonWithStems(common_words, w, 3);
}

Gender Lexicons::GenderOf(const Lexicon& lexicon, std::string_view lower) {
  const auto value = lexicon.Find(lower);
  if (!value.has_value()) return Gender::kUnknown;
  if (*value == "m") return Gender::kMale;
  if (*value == "f") return Gender::kFemale;
  return Gender::kUnknown;
}

absl::StatusOr<Lexicons> LoadLexicons(
    absl::FunctionRef<std::optional<std::string_view>(std::string_view)>
        source) {
  Lexicons lex;
  struct File {
    const char* name;
    Lexicon* target;
  };
  const File single[] = {
      {"first_names.txt", &lex.first_names},
      {"honorifics.txt", &lex.honorifics},
      {"person_roles.txt", &lex.person_roles},
      {"speech_verbs.txt", &lex.speech_verbs},
      {"work_cues.txt", &lex.work_cues},
      {"org_heads.txt", &lex.org_heads},
      {"org_names.txt", &lex.org_names},
      {"place_heads.txt", &lex.place_heads},
      {"region_codes.txt", &lex.region_codes},
      {"event_heads.txt", &lex.event_heads},
      {"event_names.txt", &lex.event_names},
      {"date_words.txt", &lex.date_words},
      {"demonyms.txt", &lex.demonyms},
      {"state_abbreviations.txt", &lex.state_abbreviations},
      {"name_particles.txt", &lex.name_particles},
  };
  for (const File& file : single) {
    const auto data = source(file.name);
    if (!data.has_value()) {
      return absl::NotFoundError(std::string("missing lexicon ") + file.name);
    }
    auto parsed = Lexicon::Parse(file.name, *data);
    if (!parsed.ok()) return parsed.status();
    *file.target = *std::move(parsed);
  }
  // Dictionary words: derived list plus hand-written additions.
  auto merged = [&](const char* label, std::initializer_list<const char*> names,
                    Lexicon& target) -> absl::Status {
    std::string all;
    for (const char* name : names) {
      const auto data = source(name);
      if (!data.has_value()) {
        return absl::NotFoundError(std::string("missing lexicon ") + name);
      }
      all.append(data->data(), data->size());
      all.push_back('\n');
    }
    auto parsed = Lexicon::Parse(label, all);
    if (!parsed.ok()) return parsed.status();
    target = *std::move(parsed);
    return absl::OkStatus();
  };
  if (absl::Status s =
          merged("common words", {"common_words.txt", "extra_common_words.txt"},
                 lex.common_words);
      !s.ok()) {
    return s;
  }
  // Places come from several files (derived and hand-written) of one type.
  if (absl::Status s = merged(
          "places",
          {"places_iso.txt", "places_extra.txt", "cities.txt", "cities_tz.txt"},
          lex.places);
      !s.ok()) {
    return s;
  }
  return lex;
}

absl::StatusOr<Lexicons> LoadEmbeddedLexicons() {
  return LoadLexicons([](std::string_view name) {
    return verbatim::entities::data::EmbeddedFile(name);
  });
}

}  // namespace verbatim::entities
