#include "ingest_service/ingest/quote_linker.h"

#include <algorithm>
#include <map>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "common/catalog/catalog_reader.h"
#include "common/catalog/keys.h"
#include "common/storage/key_codec.h"
#include "common/text/contractions.h"
#include "common/text/fold.h"

namespace verbatim::ingest {
namespace {

// Probing only the smallest shingle hashes (a bottom-k sketch) keeps lookups
// bounded for long quotes while still hitting any quote sharing much text.
constexpr size_t kProbeShingles = 16;
constexpr size_t kMaxRowsPerShingle = 32;
constexpr size_t kMaxCandidates = 8;
constexpr size_t kOpeningWords = 3;
// Reordered printings (short fragments a writer quoted from memory), and
// fragments too short to be sure to share a winnowed shingle with the quote
// they come from ("about what comes next" of a seven-word quote), are looked
// for among this many of the speaker's latest quotes, for printings of this
// many words.
constexpr size_t kMaxSpeakerQuotes = 8;
constexpr size_t kMinRewordedWords = 4;
constexpr size_t kMaxRewordedWords = 12;
// One way: the same text printed twice in one article (a pull quote), or a
// snippet and then the whole.
constexpr double kOverlapContainment = 0.8;
// A snippet printed again inside a longer part of the same article is a
// repeat only from this many words: "“The bus rides,” he said. “The games
// are three hours. The bus rides are where ...”" prints two parts.
constexpr size_t kMinRepeatedSnippetWords = 4;
// Estimated shingle containment below which a candidate is not read. Word
// containment of 0.6 with scattered edits still keeps about a quarter of the
// shingles.
constexpr double kMinSketchContainment = 0.15;

// "entities/quenby" and "entities/marisol-quenby": a speaker one article
// names by surname alone is not a different speaker from the full name
// another article printed.
bool SameSpeakerOrSurname(std::string_view a, std::string_view b) {
  if (a == b) return true;
  auto slug = [](std::string_view name) {
    return name.substr(name.rfind('/') + 1);
  };
  auto surname_of = [](std::string_view one, std::string_view full) {
    return one.find('-') == std::string_view::npos &&
           full.size() > one.size() + 1 && full.ends_with(one) &&
           full[full.size() - one.size() - 1] == '-';
  };
  return surname_of(slug(a), slug(b)) || surname_of(slug(b), slug(a));
}

// The first words of a text, folded: "It challenged me ..." -> "it challenged
// me".
std::string OpeningWords(const std::vector<std::string>& words) {
  const size_t n = std::min(words.size(), kOpeningWords);
  return absl::StrJoin(words.begin(), words.begin() + n, " ");
}

// Folded words as a sorted multiset of their hashes: comparing two texts is
// then one merge of two arrays, with no hash map built per comparison (most
// candidates of a quote are compared and rejected).
using WordBag = std::vector<uint64_t>;

WordBag BagOf(const std::vector<std::string>& words) {
  WordBag bag;
  bag.reserve(words.size());
  for (const std::string& word : words) {
    bag.push_back(absl::Hash<absl::string_view>{}(word));
  }
  std::sort(bag.begin(), bag.end());
  return bag;
}

// Words (with multiplicity) the two bags share.
size_t SharedWords(const WordBag& a, const WordBag& b) {
  size_t shared = 0;
  for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end();) {
    if (*x < *y) {
      ++x;
    } else if (*y < *x) {
      ++y;
    } else {
      ++shared;
      ++x;
      ++y;
    }
  }
  return shared;
}

// Share of the smaller bag that also occurs in the other: the containment of
// whichever text is inside the other.
double MutualContainment(const WordBag& a, const WordBag& b) {
  const size_t fewer = std::min(a.size(), b.size());
  if (fewer == 0) return 0.0;
  return static_cast<double>(SharedWords(a, b)) / static_cast<double>(fewer);
}

// Whether a candidate sharing `hits` of the `probes` probed shingles of a
// text can plausibly contain it or be contained in it. hits / probes
// estimates the share of the text's shingles the candidate has; scaled by the
// two shingle counts, it estimates the share of the candidate's shingles the
// text has (a short stored quote inside a long printing). An unrelated quote
// sharing one common phrase scores low on both.
bool SketchSuggestsOverlap(int hits, size_t probes, size_t text_shingles,
                           size_t candidate_shingles) {
  if (probes == 0) return false;
  const double sampled = static_cast<double>(probes);
  const double text_in_candidate = hits / sampled;
  const double candidate_in_text =
      candidate_shingles == 0  // unknown: rows written before counts were kept
          ? 1.0
          : hits * static_cast<double>(text_shingles) /
                (sampled * static_cast<double>(candidate_shingles));
  return std::max(text_in_candidate, candidate_in_text) >=
         kMinSketchContainment;
}

// Whether the first letter of `text` is lower case: the rest of a sentence
// ("in black and white, that ..."), not a sentence of its own.
bool OpensInLowerCase(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (absl::ascii_isalpha(static_cast<unsigned char>(c))) {
      return absl::ascii_islower(static_cast<unsigned char>(c));
    }
  }
  return false;
}

}  // namespace

double WordContainment(const std::string& a, const std::string& b) {
  const WordBag mine = BagOf(text::FoldedWords(a));
  if (mine.empty()) return 0.0;
  return static_cast<double>(SharedWords(mine, BagOf(text::FoldedWords(b)))) /
         static_cast<double>(mine.size());
}

QuoteLinker::QuoteLinker(const storage::Store& store, RecordChanges& changes,
                         CommonShingles& common)
    : store_(store), changes_(changes), common_(common) {}

absl::Status QuoteLinker::ProbeStored(const std::vector<uint64_t>& shingles,
                                      Candidates& out) {
  if (shingle_cursor_ == nullptr) {
    shingle_cursor_ = store_.NewPrefixCursor(storage::Family::kQuoteShingles);
  }
  storage::PrefixCursor& cursor = *shingle_cursor_;
  std::vector<std::pair<uint64_t, size_t>> rows;
  for (size_t i = 0; i < std::min(kProbeShingles, shingles.size()); ++i) {
    if (common_.contains(shingles[i])) continue;
    rows.clear();
    for (cursor.Seek(storage::KeyWriter().Uint64(shingles[i]).Release());
         cursor.Valid() && rows.size() <= kMaxRowsPerShingle; cursor.Next()) {
      uint64_t quote_id;
      size_t count = 0;
      if (!catalog::DecodeTrailingId(cursor.key(), &quote_id)) continue;
      if (!absl::SimpleAtoi(cursor.value(), &count)) count = 0;
      rows.emplace_back(quote_id, count);
    }
    if (absl::Status s = cursor.status(); !s.ok()) return s;
    // A stop-shingle ("i do not", "we are going"): shared by so many quotes
    // that it tells nothing about which one this is.
    if (rows.size() > kMaxRowsPerShingle) {
      common_.insert(shingles[i]);
      continue;
    }
    ++out.probes;
    for (const auto& [quote_id, count] : rows) {
      ++out.hits[quote_id];
      out.shingle_counts[quote_id] = count;
    }
  }
  return absl::OkStatus();
}

void QuoteLinker::ProbeNew(const std::vector<uint64_t>& shingles,
                           Candidates& out) {
  const size_t probes = std::min(kProbeShingles, shingles.size());
  for (const auto& [quote_id, quote] : changes_.new_quotes()) {
    const std::vector<uint64_t>& theirs = changes_.ShinglesOf(quote->text());
    int hits = 0;
    for (size_t i = 0; i < probes; ++i) {
      if (std::binary_search(theirs.begin(), theirs.end(), shingles[i])) ++hits;
    }
    if (hits == 0) continue;
    out.hits[quote_id] += hits;
    out.shingle_counts[quote_id] = theirs.size();
  }
  out.probes = std::max(out.probes, probes);
}

absl::StatusOr<std::optional<uint64_t>> QuoteLinker::FindUtterance(
    const std::string& text, const std::string& speaker,
    const std::map<uint64_t, std::vector<std::string>>& printed_here) {
  const std::vector<std::string> words = text::FoldedWords(text);
  const std::vector<uint64_t>& shingles = changes_.ShinglesOf(text, words);
  if (shingles.empty()) return std::nullopt;
  Candidates candidates;
  if (absl::Status s = ProbeStored(shingles, candidates); !s.ok()) return s;
  ProbeNew(shingles, candidates);
  std::vector<std::pair<int, uint64_t>> ranked;
  for (const auto& [quote_id, hits] : candidates.hits) {
    if (SketchSuggestsOverlap(hits, candidates.probes, shingles.size(),
                              candidates.shingle_counts[quote_id])) {
      ranked.emplace_back(hits, quote_id);
    }
  }
  std::sort(ranked.rbegin(), ranked.rend());
  if (ranked.size() > kMaxCandidates) ranked.resize(kMaxCandidates);
  std::vector<uint64_t> ids;
  for (const auto& [count, quote_id] : ranked) ids.push_back(quote_id);
  const bool sentence_rest = OpensInLowerCase(text);
  auto best = BestCandidate(ids, words, speaker, sentence_rest, printed_here);
  if (!best.ok() || best->has_value() || speaker.empty() ||
      words.size() < kMinRewordedWords || words.size() > kMaxRewordedWords) {
    return best;
  }
  // "dreamed about this club as a boy" for "This is the club I dreamed
  // about as a boy": a printing that reorders the words shares no shingle
  // with the utterance; the speaker's latest quotes are the candidates.
  ids.clear();
  if (absl::Status s = ProbeSpeaker(speaker, ids); !s.ok()) return s;
  return BestCandidate(ids, words, speaker, sentence_rest, printed_here);
}

absl::Status QuoteLinker::ProbeSpeaker(const std::string& speaker,
                                       std::vector<uint64_t>& out) {
  for (const auto& [quote_id, quote] : changes_.new_quotes()) {
    if (quote->speaker() == speaker) out.push_back(quote_id);
  }
  if (speaker_cursor_ == nullptr) {
    speaker_cursor_ = store_.NewPrefixCursor(storage::Family::kQuotesBySpeaker);
  }
  storage::PrefixCursor& cursor = *speaker_cursor_;
  const size_t limit = out.size() + kMaxSpeakerQuotes;
  for (cursor.Seek(catalog::GroupPrefix(catalog::EntityIdOf(speaker)));
       cursor.Valid() && out.size() < limit; cursor.Next()) {
    uint64_t quote_id;
    if (catalog::DecodeTrailingId(cursor.key(), &quote_id)) {
      out.push_back(quote_id);
    }
  }
  return cursor.status();
}

absl::StatusOr<std::optional<uint64_t>> QuoteLinker::BestCandidate(
    const std::vector<uint64_t>& ids, const std::vector<std::string>& words,
    const std::string& speaker, bool sentence_rest,
    const std::map<uint64_t, std::vector<std::string>>& printed_here) {
  // A printing that merges two utterances belongs to the one it starts
  // with; among equally good candidates, prefer the one starting alike.
  const std::string opening = OpeningWords(words);
  const WordBag bag = BagOf(words);
  // Compared with contractions spelled out only when the words as printed
  // fall short: "can't" in one printing is "cannot" in another.
  std::optional<WordBag> spelled;
  std::optional<uint64_t> best;
  std::pair<bool, double> best_score{false, 0.0};
  for (const uint64_t quote_id : ids) {
    if (auto it = printed_here.find(quote_id);
        !sentence_rest && it != printed_here.end()) {
      const bool repeat = std::any_of(
          it->second.begin(), it->second.end(),
          [&](const std::string& printed) {
            const WordBag printed_bag = BagOf(text::FoldedWords(printed));
            if (std::min(bag.size(), printed_bag.size()) <
                kMinRepeatedSnippetWords) {
              return false;
            }
            return MutualContainment(bag, printed_bag) >= kOverlapContainment;
          });
      if (!repeat) continue;
    }
    auto quote = changes_.PeekQuoteHead(quote_id);
    if (absl::IsNotFound(quote.status())) continue;
    if (!quote.ok()) return quote.status();
    const bool speakers_differ =
        !speaker.empty() && !(*quote)->speaker().empty() &&
        !SameSpeakerOrSurname((*quote)->speaker(), speaker);
    // Different speakers usually mean different utterances, unless the text
    // is long and nearly identical (then one outlet misattributed it, or
    // named the speaker by an alias not yet linked).
    auto same_utterance = [&](const WordBag& mine, const WordBag& theirs,
                              double containment) {
      const size_t fewer_words = std::min(mine.size(), theirs.size());
      const double needed = fewer_words < kShortUtteranceWords
                                ? kSameShortUtteranceContainment
                                : kSameUtteranceContainment;
      return speakers_differ ? containment >= kSameUtteranceDespiteSpeaker &&
                                   fewer_words >= kMinWordsDespiteSpeaker
                             : containment >= needed;
    };
    const std::vector<std::string> theirs = text::FoldedWords((*quote)->text());
    const WordBag their_bag = BagOf(theirs);
    double containment = MutualContainment(bag, their_bag);
    if (!same_utterance(bag, their_bag, containment)) {
      if (!spelled.has_value()) spelled = BagOf(text::SpellOut(words));
      const WordBag their_spelled = BagOf(text::SpellOut(theirs));
      containment = MutualContainment(*spelled, their_spelled);
      if (!same_utterance(*spelled, their_spelled, containment)) continue;
    }
    const std::pair<bool, double> score{OpeningWords(theirs) == opening,
                                        containment};
    if (!best.has_value() || score > best_score) {
      best_score = score;
      best = quote_id;
    }
    // Nothing beats the same words with the same opening; candidates come
    // best first, so the rest need not be read.
    if (best_score == std::pair<bool, double>{true, 1.0}) break;
  }
  return best;
}

}  // namespace verbatim::ingest
