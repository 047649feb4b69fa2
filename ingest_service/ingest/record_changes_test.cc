#include "ingest_service/ingest/record_changes.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/catalog/keys.h"
#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"

namespace verbatim::ingest {
namespace {

// "w0 w1 … w{n-1}" with distinct words.
std::string Words(int first, int count) {
  std::string text;
  for (int i = first; i < first + count; ++i) absl::StrAppend(&text, " w", i);
  return text;
}

bool Shares(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  return std::any_of(a.begin(), a.end(), [&](uint64_t h) {
    return std::binary_search(b.begin(), b.end(), h);
  });
}

TEST(QuoteShinglesTest, ShortTextsKeepEveryShingleAndTinyOnesOne) {
  EXPECT_EQ(QuoteShingles("").size(), 0u);
  EXPECT_EQ(QuoteShingles("Yes, twice.").size(), 1u);
  // Five words: three 3-grams, fewer than a window, all kept.
  EXPECT_EQ(QuoteShingles(Words(0, 5)).size(), 3u);
}

TEST(QuoteShinglesTest, LongTextsKeepAboutTwoInWindowPlusOne) {
  const std::vector<uint64_t> shingles = QuoteShingles(Words(0, 402));
  ASSERT_TRUE(std::is_sorted(shingles.begin(), shingles.end()));
  // 400 3-grams; winnowing's expected density is 2 / (window + 1).
  const double density = shingles.size() / 400.0;
  EXPECT_GT(density, 0.25);
  EXPECT_LT(density, 0.55);
}

TEST(QuoteShinglesTest, AnySharedRunOfAWindowSharesAFingerprint) {
  const std::vector<uint64_t> whole = QuoteShingles(Words(0, 60));
  // Every snippet of window + 2 words, and the snippet inside other text.
  const int words = static_cast<int>(kWinnowWindow) + 2;
  for (int start = 0; start + words <= 60; ++start) {
    const std::string snippet = Words(start, words);
    EXPECT_TRUE(Shares(QuoteShingles(snippet), whole)) << snippet;
    EXPECT_TRUE(Shares(
        QuoteShingles(absl::StrCat(Words(100, 7), snippet, Words(200, 9))),
        whole))
        << snippet;
  }
}

TEST(QuoteShinglesTest, CaseAndPunctuationDoNotChangeFingerprints) {
  EXPECT_EQ(QuoteShingles("We will rebuild the pier, every plank of it."),
            QuoteShingles("we WILL rebuild the pier every plank of it"));
}

// The quote ids with a term row for `term`.
std::vector<uint64_t> TermPostings(const storage::Store& store,
                                   const std::string& term) {
  std::vector<uint64_t> ids;
  auto cursor = store.NewPrefixCursor(storage::Family::kQuoteTerms);
  for (cursor->Seek(catalog::GroupPrefix(term)); cursor->Valid();
       cursor->Next()) {
    uint64_t id = 0;
    if (catalog::DecodeTrailingId(cursor->key(), &id)) ids.push_back(id);
  }
  return ids;
}

TEST(RecordChangesTest, TermRowsSkipStopWordsOfEveryPrinting) {
  testing::TempDir dir;
  auto store = storage::Store::OpenPrimary(dir.path(), {});
  ASSERT_TRUE(store.ok());
  RecordChanges changes(**store, 1);
  v1::Quote* quote = changes.NewQuote(7);
  quote->set_text("We will not close the ferry pier.");
  quote->add_appearances()->set_text("We won't close the pier.");
  storage::Batch batch = (*store)->NewBatch();
  changes.Apply(batch);
  ASSERT_TRUE((*store)->Write(batch).ok());

  for (const char* term : {"close", "ferry", "pier", "will", "won"}) {
    EXPECT_EQ(TermPostings(**store, term), std::vector<uint64_t>{7}) << term;
  }
  for (const char* term : {"we", "not", "the", "t"}) {
    EXPECT_TRUE(TermPostings(**store, term).empty()) << term;
  }
}

}  // namespace
}  // namespace verbatim::ingest
