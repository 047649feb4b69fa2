#include "ingest_service/ingest/record_changes.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/catalog/catalog_reader.h"
#include "common/catalog/keys.h"
#include "common/catalog/resource_names.h"
#include "common/paging/page_token.h"
#include "common/text/edit_distance.h"
#include "common/text/fold.h"
#include "common/text/stop_words.h"

namespace verbatim::ingest {
namespace {

// Index rows keyed by (family, key), with their values.
using IndexRows =
    std::map<std::pair<storage::Family, std::string>, std::string>;

IndexRows EntityRows(const v1::Entity& entity) {
  IndexRows rows;
  // A merged entity is found through the entity it became.
  if (!entity.merged_into().empty()) return rows;
  const std::string id = catalog::EntityIdOf(entity.name());
  auto add_name = [&](const std::string& name) {
    rows[{storage::Family::kEntityNames,
          catalog::EntityNameKey(text::NameKey(name), id)}];
    // Each word of a longer name, so that a search for a surname finds it.
    const std::vector<std::string> words = text::FoldedWords(name);
    if (words.size() < 2) return;
    for (const std::string& word : words) {
      if (word.size() >= 2) {
        rows[{storage::Family::kEntityWords, catalog::EntityNameKey(word, id)}];
      }
    }
  };
  add_name(entity.display_name());
  for (const std::string& alias : entity.aliases()) add_name(alias);
  if (entity.type() == v1::PERSON) {
    for (const std::string& skeleton :
         text::PersonNameSkeletonKeys(entity.display_name())) {
      rows[{storage::Family::kEntitySkeletons,
            catalog::EntityNameKey(skeleton, id)}];
    }
  }
  return rows;
}

// The rows that place a quote in time and under its speaker.
IndexRows QuotePlacementRows(uint64_t quote_id, const v1::Quote& quote) {
  IndexRows rows;
  const int64_t time = catalog::QuoteIndexTimeMicros(quote);
  rows[{storage::Family::kQuotesByTime, catalog::TimeIndexKey(time, quote_id)}];
  if (!quote.speaker().empty()) {
    rows[{storage::Family::kQuotesBySpeaker,
          catalog::GroupTimeIndexKey(catalog::EntityIdOf(quote.speaker()), time,
                                     quote_id)}];
  }
  return rows;
}

// Term rows carry the term's count and the quote's length in words, for
// ranking without reading the quote: the count is the most any printing has,
// so a search finds words an outlet printed differently. Stop words get no
// rows: search checks them in the text (text/stop_words.h). They depend on
// the printed texts alone (`printed_texts`: catalog::QuotePrintedTexts).
IndexRows QuoteTermRows(uint64_t quote_id,
                        const std::vector<std::string>& printed_texts) {
  IndexRows rows;
  std::map<std::string, int> counts;
  size_t length = 0;
  for (const std::string& printed : printed_texts) {
    std::map<std::string, int> here;
    std::vector<std::string> words = text::FoldedWords(printed);
    if (length == 0) length = words.size();  // the canonical text
    for (std::string& word : words) {
      if (!text::IsSearchStopWord(word)) ++here[std::move(word)];
    }
    for (const auto& [word, count] : here)
      counts[word] = std::max(counts[word], count);
  }
  for (const auto& [word, count] : counts) {
    rows[{storage::Family::kQuoteTerms,
          catalog::QuoteTermKey(word, quote_id)}] =
        catalog::EncodeTermPosting(count, length);
  }
  return rows;
}

// Each shingle row carries the quote's shingle count, so that linking can
// tell a short quote inside a long printing from a shared common phrase.
// Shingles depend on the quote's text alone; those in `skip` (may be null)
// get no row.
IndexRows ShingleRows(uint64_t quote_id, const std::vector<uint64_t>& shingles,
                      const CommonShingles* skip) {
  IndexRows rows;
  const std::string shingle_count = absl::StrCat(shingles.size());
  for (uint64_t shingle : shingles) {
    if (skip != nullptr && skip->contains(shingle)) continue;
    rows[{storage::Family::kQuoteShingles,
          catalog::QuoteShingleKey(shingle, quote_id)}] = shingle_count;
  }
  return rows;
}

void ApplyRowDiff(const IndexRows& before, const IndexRows& after,
                  storage::Batch& batch) {
  for (const auto& [row, value] : before) {
    if (!after.contains(row)) batch.Delete(row.first, row.second);
  }
  for (const auto& [row, value] : after) {
    auto it = before.find(row);
    if (it == before.end() || it->second != value)
      batch.Put(row.first, row.second, value);
  }
}

}  // namespace

void AddUnique(const std::string& value,
               google::protobuf::RepeatedPtrField<std::string>* values) {
  if (std::find(values->begin(), values->end(), value) == values->end()) {
    *values->Add() = value;
  }
}

std::vector<uint64_t> QuoteShingles(const std::string& text) {
  return ShinglesOfWords(text::FoldedWords(text));
}

std::vector<uint64_t> ShinglesOfWords(const std::vector<std::string>& words) {
  std::vector<uint64_t> shingles;
  if (words.size() < 3) {
    if (!words.empty())
      shingles.push_back(paging::StableHash(absl::StrJoin(words, " ")));
    return shingles;
  }
  std::vector<uint64_t> hashes;
  hashes.reserve(words.size() - 2);
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    hashes.push_back(paging::StableHash(
        absl::StrCat(words[i], " ", words[i + 1], " ", words[i + 2])));
  }
  // The opening fingerprint: its own seed, and the top byte cleared so it
  // sorts among the smallest (probes take the smallest first).
  shingles.push_back(paging::StableHash(absl::StrCat(
                         "opening ", words[0], " ", words[1], " ", words[2])) >>
                     8);
  if (hashes.size() <= kWinnowWindow) {
    shingles.insert(shingles.end(), hashes.begin(), hashes.end());
  } else {
    // The minimum of each window (the rightmost on ties); consecutive windows
    // mostly share it, so it is added once per position.
    size_t last_picked = hashes.size();
    for (size_t start = 0; start + kWinnowWindow <= hashes.size(); ++start) {
      size_t min_at = start;
      for (size_t i = start + 1; i < start + kWinnowWindow; ++i) {
        if (hashes[i] <= hashes[min_at]) min_at = i;
      }
      if (min_at != last_picked) {
        shingles.push_back(hashes[min_at]);
        last_picked = min_at;
      }
    }
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

template <typename Id, typename Record, typename ReadFn>
absl::StatusOr<RecordChanges::Change<Record>*> RecordChanges::Load(
    std::map<Id, Change<Record>>& changes, const Id& id, ReadFn read) {
  auto it = changes.find(id);
  if (it == changes.end()) {
    auto stored = read(id);
    if (!stored.ok()) return stored.status();
    Change<Record>& change = changes[id];
    change.before_version = stored->version;
    change.after = std::move(stored->record);
    return &change;
  }
  if (!it->second.after.has_value())
    return absl::NotFoundError("deleted in this batch");
  return &it->second;
}

absl::StatusOr<RecordChanges::Change<v1::Entity>*> RecordChanges::LoadEntity(
    const std::string& entity_id) {
  return Load(entities_, entity_id, [this](const std::string& id) {
    return reader_.ReadEntityRecord(id);
  });
}

absl::StatusOr<RecordChanges::Change<v1::Quote>*> RecordChanges::LoadQuote(
    uint64_t quote_id) {
  return Load(quotes_, quote_id,
              [this](uint64_t id) { return reader_.ReadQuote(id); });
}

absl::StatusOr<v1::Entity*> RecordChanges::MutableEntity(
    const std::string& entity_id) {
  auto change = LoadEntity(entity_id);
  if (!change.ok()) return change.status();
  (*change)->MarkDirty();
  return &*(*change)->after;
}

absl::StatusOr<const v1::Entity*> RecordChanges::PeekEntity(
    const std::string& entity_id) {
  auto change = LoadEntity(entity_id);
  if (!change.ok()) return change.status();
  return &*(*change)->after;
}

v1::Entity* RecordChanges::NewEntity(const std::string& entity_id) {
  Change<v1::Entity>& change = entities_[entity_id];
  change.after.emplace();
  change.after->set_name(catalog::EntityName(entity_id));
  change.dirty = true;
  return &*change.after;
}

absl::Status RecordChanges::DeleteEntity(const std::string& entity_id) {
  auto change = LoadEntity(entity_id);
  if (absl::IsNotFound(change.status())) return absl::OkStatus();
  if (!change.ok()) return change.status();
  (*change)->MarkDirty();
  (*change)->after.reset();
  return absl::OkStatus();
}

absl::StatusOr<bool> RecordChanges::EntityExists(const std::string& entity_id) {
  if (entities_.contains(entity_id)) return true;
  auto stored = reader_.ReadEntityRecord(entity_id);
  if (stored.ok()) return true;
  if (absl::IsNotFound(stored.status())) return false;
  return stored.status();
}

absl::StatusOr<RecordChanges::CountsChange*> RecordChanges::LoadCounts(
    const std::string& entity_id) {
  auto it = counts_.find(entity_id);
  if (it != counts_.end()) return &it->second;
  auto stored = reader_.ReadEntityCounts(entity_id);
  if (!stored.ok()) return stored.status();
  CountsChange& change = counts_[entity_id];
  change.before_version = stored->version;
  change.after = stored->record;
  return &change;
}

absl::Status RecordChanges::AddEntityCounts(const std::string& entity_id,
                                            int64_t articles, int64_t quotes) {
  auto change = LoadCounts(entity_id);
  if (!change.ok()) return change.status();
  (*change)->after.articles += articles;
  (*change)->after.quotes =
      std::max<int64_t>(0, (*change)->after.quotes + quotes);
  (*change)->dirty = true;
  return absl::OkStatus();
}

absl::StatusOr<catalog::EntityCounts> RecordChanges::EntityCountsOf(
    const std::string& entity_id) {
  auto change = LoadCounts(entity_id);
  if (!change.ok()) return change.status();
  return (*change)->after;
}

absl::StatusOr<v1::Quote*> RecordChanges::MutableQuote(uint64_t quote_id) {
  auto change = LoadQuote(quote_id);
  if (!change.ok()) return change.status();
  (*change)->MarkDirty();
  return &*(*change)->after;
}

absl::StatusOr<const v1::Quote*> RecordChanges::PeekQuote(uint64_t quote_id) {
  auto change = LoadQuote(quote_id);
  if (!change.ok()) return change.status();
  return &*(*change)->after;
}

absl::StatusOr<const v1::Quote*> RecordChanges::PeekQuoteHead(
    uint64_t quote_id) {
  if (auto it = quotes_.find(quote_id); it != quotes_.end()) {
    if (!it->second.after.has_value()) {
      return absl::NotFoundError("deleted in this batch");
    }
    return &*it->second.after;
  }
  if (auto it = quote_heads_.find(quote_id); it != quote_heads_.end()) {
    return &it->second;
  }
  auto head = reader_.ReadQuoteHead(quote_id);
  if (!head.ok()) return head.status();
  return &(quote_heads_[quote_id] = std::move(head->record));
}

v1::Quote* RecordChanges::NewQuote(uint64_t quote_id) {
  Change<v1::Quote>& change = quotes_[quote_id];
  change.after.emplace();
  change.after->set_name(catalog::QuoteName(quote_id));
  change.dirty = true;
  return &*change.after;
}

void RecordChanges::DeleteQuote(uint64_t quote_id) {
  Change<v1::Quote>& change = quotes_[quote_id];
  change.MarkDirty();
  change.after.reset();
}

std::map<uint64_t, v1::Quote*> RecordChanges::new_quotes() {
  std::map<uint64_t, v1::Quote*> result;
  for (auto& [id, change] : quotes_) {
    if (!change.stored() && change.after.has_value()) {
      result[id] = &*change.after;
    }
  }
  return result;
}

const std::vector<uint64_t>& RecordChanges::ShinglesOf(
    const std::string& text) const {
  auto it = shingles_.find(text);
  if (it != shingles_.end()) return it->second;
  return ShinglesOf(text, text::FoldedWords(text));
}

const std::vector<uint64_t>& RecordChanges::ShinglesOf(
    const std::string& text,
    const std::vector<std::string>& folded_words) const {
  auto [it, inserted] = shingles_.try_emplace(text);
  if (inserted) it->second = ShinglesOfWords(folded_words);
  return it->second;
}

void RecordChanges::Apply(storage::Batch& batch) const {
  for (const auto& [id, change] : entities_) {
    if (!change.dirty) continue;
    if (change.stored()) {
      batch.Delete(storage::Family::kEntities,
                   catalog::EntityVersionKey(id, change.before_version));
    }
    if (change.after.has_value()) {
      // Counts live in their own family (AddEntityCounts).
      v1::Entity record = *change.after;
      record.clear_article_count();
      record.clear_quote_count();
      batch.Put(storage::Family::kEntities,
                catalog::EntityVersionKey(id, version_),
                record.SerializeAsString());
    }
    ApplyRowDiff(change.before ? EntityRows(*change.before) : IndexRows(),
                 change.after ? EntityRows(*change.after) : IndexRows(), batch);
  }
  for (const auto& [id, change] : counts_) {
    if (!change.dirty) continue;
    if (change.before_version > 0) {
      batch.Delete(storage::Family::kEntityCounts,
                   catalog::EntityVersionKey(id, change.before_version));
    }
    auto entity = entities_.find(id);
    const bool deleted =
        entity != entities_.end() && !entity->second.after.has_value();
    if (!deleted) {
      batch.Put(storage::Family::kEntityCounts,
                catalog::EntityVersionKey(id, version_),
                catalog::EncodeEntityCounts(change.after.articles,
                                            change.after.quotes));
    }
  }
  for (const auto& [id, change] : quotes_) {
    if (!change.dirty) continue;
    if (change.stored()) {
      batch.Delete(storage::Family::kQuotes,
                   catalog::QuoteVersionKey(id, change.before_version));
    }
    if (change.after.has_value()) {
      batch.Put(storage::Family::kQuotes,
                catalog::QuoteVersionKey(id, version_),
                change.after->SerializeAsString());
    }
    ApplyRowDiff(
        change.before ? QuotePlacementRows(id, *change.before) : IndexRows(),
        change.after ? QuotePlacementRows(id, *change.after) : IndexRows(),
        batch);
    // Most changes add a printing of the same words (a reprint): the term
    // rows stay, and are not derived twice to find that out.
    const std::vector<std::string> texts_before =
        change.before ? catalog::QuotePrintedTexts(*change.before)
                      : std::vector<std::string>();
    const std::vector<std::string> texts_after =
        change.after ? catalog::QuotePrintedTexts(*change.after)
                     : std::vector<std::string>();
    if (texts_before != texts_after) {
      ApplyRowDiff(QuoteTermRows(id, texts_before),
                   QuoteTermRows(id, texts_after), batch);
    }
    // A reprint adds an appearance but keeps the text: its shingle rows stay.
    const bool same_text = change.before && change.after &&
                           change.before->text() == change.after->text();
    if (!same_text) {
      // Every row the old text may have had goes, common shingles included.
      ApplyRowDiff(
          change.before
              ? ShingleRows(id, ShinglesOf(change.before->text()), nullptr)
              : IndexRows(),
          change.after ? ShingleRows(id, ShinglesOf(change.after->text()),
                                     common_shingles_)
                       : IndexRows(),
          batch);
    }
  }
}

}  // namespace verbatim::ingest
