#include "ingest_service/entities/lexicons.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "verbatim_entities_data.h"

namespace verbatim::entities {

namespace {

// Adds `word` and its regular inflections: the inverse of the folding in
// scripts/derive_lexicons.py, plus the chained forms it folds ("savings"
// from "save" via "saving", "reportedly" via "reported").
void AddInflections(std::string_view word, std::vector<uint64_t>& out) {
  auto insert = [&out](const std::string& form) {
    out.push_back(Lexicons::WordHash(form));
  };
  const std::string w(word);
  insert(w);
  insert(w + "s");
  insert(w + "ly");
  const bool e = w.ends_with('e');
  const std::string stem_e = e ? w.substr(0, w.size() - 1) : w;
  insert(e ? w + "d" : w + "ed");
  insert(w + "edly");
  insert(stem_e + "ing");
  insert(stem_e + "ings");
  if (w.ends_with('s') || w.ends_with('x') || w.ends_with('z') ||
      w.ends_with("ch") || w.ends_with("sh") || w.ends_with('o')) {
    insert(w + "es");
  }
  if (w.ends_with('y') && w.size() > 1) {
    insert(w.substr(0, w.size() - 1) + "ies");
  }
}

}  // namespace

WordHashSet::WordHashSet(std::vector<uint64_t> hashes) {
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  size_ = hashes.size();
  // At most half full, so probes stay short.
  size_t capacity = 16;
  while (capacity < 2 * hashes.size()) capacity *= 2;
  slots_.assign(capacity, 0);
  mask_ = capacity - 1;
  for (const uint64_t hash : hashes) {
    const uint32_t fingerprint = Fingerprint(hash);
    size_t i = hash & mask_;
    while (slots_[i] != 0 && slots_[i] != fingerprint) i = (i + 1) & mask_;
    slots_[i] = fingerprint;
  }
}

Gender Lexicons::GenderOf(const text::Lexicon& lexicon,
                          std::string_view lower) {
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
    text::Lexicon* target;
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
      {"event_openers.txt", &lex.event_openers},
      {"org_openers.txt", &lex.org_openers},
      {"event_names.txt", &lex.event_names},
      {"date_words.txt", &lex.date_words},
      {"demonyms.txt", &lex.demonyms},
      {"state_abbreviations.txt", &lex.state_abbreviations},
      {"minor_title_words.txt", &lex.minor_title_words},
      {"function_words.txt", &lex.function_words},
      {"closed_class_words.txt", &lex.closed_class_words},
      {"name_abbreviations.txt", &lex.name_abbreviations},
      {"role_openers.txt", &lex.role_openers},
      {"work_adjectives.txt", &lex.work_adjectives},
      {"place_starts.txt", &lex.place_starts},
      {"place_prefixes.txt", &lex.place_prefixes},
      {"speech_adverbs.txt", &lex.speech_adverbs},
      {"person_list_cues.txt", &lex.person_list_cues},
      {"org_cues.txt", &lex.org_cues},
      {"local_org_heads.txt", &lex.local_org_heads},
      {"surname_prefixes.txt", &lex.surname_prefixes},
      {"aka_phrases.txt", &lex.aka_phrases},
      {"member_roles.txt", &lex.member_roles},
      {"past_tense_verbs.txt", &lex.past_tense_verbs},
      {"credit_words.txt", &lex.credit_words},
      {"post_nominals.txt", &lex.post_nominals},
      {"widget_openers.txt", &lex.widget_openers},
      {"honorific_degrees.txt", &lex.honorific_degrees},
      {"place_prepositions.txt", &lex.place_prepositions},
      {"domain_suffixes.txt", &lex.domain_suffixes},
      {"author_suffixes.txt", &lex.author_suffixes},
  };
  for (const File& file : single) {
    const auto data = source(file.name);
    if (!data.has_value()) {
      return absl::NotFoundError(std::string("missing lexicon ") + file.name);
    }
    auto parsed = text::Lexicon::Parse(file.name, *data);
    if (!parsed.ok()) return parsed.status();
    *file.target = *std::move(parsed);
  }
  // Dictionary words: derived list plus hand-written additions.
  auto merged = [&](const char* label, std::initializer_list<const char*> names,
                    text::Lexicon& target) -> absl::Status {
    std::string all;
    for (const char* name : names) {
      const auto data = source(name);
      if (!data.has_value()) {
        return absl::NotFoundError(std::string("missing lexicon ") + name);
      }
      all.append(data->data(), data->size());
      all.push_back('\n');
    }
    auto parsed = text::Lexicon::Parse(label, all);
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
  {
    std::vector<uint64_t> forms;
    forms.reserve(lex.common_words.size() * 10);
    for (const auto& [word, unused] : lex.common_words.entries()) {
      AddInflections(word, forms);
    }
    lex.common_forms = WordHashSet(std::move(forms));
  }
  lex.word_info.reserve(8192);
  struct FlagSource {
    const text::Lexicon* lexicon;
    uint32_t flag;
  };
  const FlagSource flag_sources[] = {
      {&lex.first_names, kFirstName},
      {&lex.honorifics, kHonorific},
      {&lex.person_roles, kRole},
      {&lex.speech_verbs, kSpeechVerb},
      {&lex.work_cues, kWorkCue},
      {&lex.org_heads, kOrgHead},
      {&lex.place_heads, kPlaceHead},
      {&lex.event_heads, kEventHead},
      {&lex.event_openers, kEventOpener},
      {&lex.org_openers, kOrgOpener},
      {&lex.date_words, kDateWord},
      {&lex.demonyms, kDemonym},
      {&text::NameParticles(), kParticle},
      {&lex.state_abbreviations, kStateAbbreviation},
      {&lex.region_codes, kRegionCode},
      {&lex.minor_title_words, kMinorTitleWord},
      {&lex.function_words, kFunctionWord},
      {&lex.closed_class_words, kClosedClassWord},
      {&lex.name_abbreviations, kNameAbbreviation},
      {&lex.role_openers, kRoleOpener},
      {&lex.work_adjectives, kWorkAdjective},
      {&lex.place_starts, kPlaceStart},
      {&lex.place_prefixes, kPlacePrefix},
      {&lex.speech_adverbs, kSpeechAdverb},
      {&lex.person_list_cues, kPersonListCue},
      {&lex.org_cues, kOrgCue},
      {&lex.place_prepositions, kPlacePreposition},
  };
  for (const FlagSource& source : flag_sources) {
    for (const auto& [word, unused] : source.lexicon->entries()) {
      lex.word_info[Lexicons::WordHash(word)].flags |= source.flag;
    }
  }
  for (const auto& [word, unused] : lex.work_cues.entries()) {
    if (lex.work_cues.Find(word)->empty()) {
      lex.word_info[Lexicons::WordHash(word)].flags |= kWorkCueAfter;
    }
  }
  for (const auto& [word, unused] : lex.first_names.entries()) {
    lex.word_info[Lexicons::WordHash(word)].first_name_gender =
        Lexicons::GenderOf(lex.first_names, word);
  }
  for (const auto& [word, unused] : lex.honorifics.entries()) {
    lex.word_info[Lexicons::WordHash(word)].honorific_gender =
        Lexicons::GenderOf(lex.honorifics, word);
  }
  for (const auto& [word, unused] : lex.person_roles.entries()) {
    lex.word_info[Lexicons::WordHash(word)].role_gender =
        Lexicons::GenderOf(lex.person_roles, word);
  }
  // Places come from several files (derived and hand-written) of one type.
  if (absl::Status s = merged(
          "places",
          {"places_iso.txt", "places_extra.txt", "cities.txt", "cities_tz.txt"},
          lex.places);
      !s.ok()) {
    return s;
  }
  const FlagSource name_sources[] = {{&lex.places, kPlaceName},
                                     {&lex.org_names, kOrgName},
                                     {&lex.event_names, kEventName}};
  for (const FlagSource& source : name_sources) {
    for (const auto& [name, unused] : source.lexicon->entries()) {
      if (name.find(' ') == std::string_view::npos) {
        lex.word_info[Lexicons::WordHash(name)].flags |= source.flag;
      }
    }
  }
  return lex;
}

absl::StatusOr<Lexicons> LoadEmbeddedLexicons() {
  return LoadLexicons([](std::string_view name) {
    return verbatim::entities::data::EmbeddedFile(name);
  });
}

}  // namespace verbatim::entities
