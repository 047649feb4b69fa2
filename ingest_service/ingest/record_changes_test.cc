#include "ingest_service/ingest/record_changes.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/catalog/keys.h"
#include "common/storage/key_codec.h"
#include "common/testing/store_fixture.h"
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
  // Five words: three 3-grams, fewer than a window, all kept, and the
  // opening fingerprint.
  EXPECT_EQ(QuoteShingles(Words(0, 5)).size(), 4u);
}

TEST(QuoteShinglesTest, OpeningFingerprintIsAmongTheSmallest) {
  // Texts that share their first three words share their smallest
  // fingerprint, whatever follows.
  const std::vector<uint64_t> a = QuoteShingles(Words(0, 5));
  const std::vector<uint64_t> b = QuoteShingles(Words(0, 60));
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  EXPECT_EQ(a.front(), b.front());
  EXPECT_NE(QuoteShingles(Words(1, 60)).front(), b.front());
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

class RecordChangesTest : public testing::StoreFixture {
 protected:
  // Applies `changes` to the store.
  void Write(const RecordChanges& changes) {
    storage::Batch batch = store_->NewBatch();
    changes.Apply(batch);
    ASSERT_TRUE(store_->Write(batch).ok());
  }

  // The quote ids with a term row for `term`.
  std::vector<uint64_t> TermPostings(const std::string& term) {
    std::vector<uint64_t> ids;
    auto cursor = store_->NewPrefixCursor(storage::Family::kQuoteTerms);
    for (cursor->Seek(catalog::GroupPrefix(term)); cursor->Valid();
         cursor->Next()) {
      uint64_t id = 0;
      if (catalog::DecodeTrailingId(cursor->key(), &id)) ids.push_back(id);
    }
    return ids;
  }

  // The (quote id, stored shingle count) of each row of `shingle`.
  std::vector<std::pair<uint64_t, std::string>> ShingleRowsOf(
      uint64_t shingle) {
    std::vector<std::pair<uint64_t, std::string>> rows;
    auto cursor = store_->NewPrefixCursor(storage::Family::kQuoteShingles);
    for (cursor->Seek(storage::KeyWriter().Uint64(shingle).Release());
         cursor->Valid(); cursor->Next()) {
      uint64_t id = 0;
      if (catalog::DecodeTrailingId(cursor->key(), &id)) {
        rows.emplace_back(id, std::string(cursor->value()));
      }
    }
    return rows;
  }
};

TEST_F(RecordChangesTest, TermRowsSkipStopWordsOfEveryPrinting) {
  RecordChanges changes(*store_, 1);
  v1::Quote* quote = changes.NewQuote(7);
  quote->set_text("We will not close the ferry pier.");
  quote->add_appearances()->set_text("We won't close the pier.");
  Write(changes);

  for (const char* term : {"close", "ferry", "pier", "will", "won"}) {
    EXPECT_EQ(TermPostings(term), std::vector<uint64_t>{7}) << term;
  }
  for (const char* term : {"we", "not", "the", "t"}) {
    EXPECT_TRUE(TermPostings(term).empty()) << term;
  }
}

TEST_F(RecordChangesTest, TermRowsFollowThePrintedTexts) {
  RecordChanges created(*store_, 1);
  v1::Quote* quote = created.NewQuote(7);
  quote->set_text("Rebuild the ferry pier.");
  quote->add_appearances()->set_text("Rebuild the ferry pier.");
  Write(created);
  const std::string length4 = catalog::EncodeTermPosting(1, 4);
  EXPECT_EQ(TermPostings("pier"), std::vector<uint64_t>{7});

  // A reprint of the same words changes no term row.
  RecordChanges reprinted(*store_, 2);
  auto same = reprinted.MutableQuote(7);
  ASSERT_TRUE(same.ok()) << same.status();
  (*same)->add_appearances()->set_text("Rebuild the ferry pier.");
  storage::Batch batch = store_->NewBatch();
  reprinted.Apply(batch);
  const int quote_record_rows = 2;  // the new version and the old one's delete
  EXPECT_EQ(batch.count(), quote_record_rows);
  ASSERT_TRUE(store_->Write(batch).ok());

  // A printing with other words adds their rows and raises counts.
  RecordChanges edited(*store_, 3);
  auto other = edited.MutableQuote(7);
  ASSERT_TRUE(other.ok());
  (*other)->add_appearances()->set_text("Rebuild the old pier, the pier.");
  Write(edited);
  EXPECT_EQ(TermPostings("old"), std::vector<uint64_t>{7});
  EXPECT_EQ(*store_->Get(storage::Family::kQuoteTerms,
                         catalog::QuoteTermKey("pier", 7)),
            catalog::EncodeTermPosting(2, 4));
  EXPECT_EQ(*store_->Get(storage::Family::kQuoteTerms,
                         catalog::QuoteTermKey("ferry", 7)),
            length4);

  // Losing that printing takes them back.
  RecordChanges removed(*store_, 4);
  auto fewer = removed.MutableQuote(7);
  ASSERT_TRUE(fewer.ok());
  (*fewer)->mutable_appearances()->RemoveLast();
  Write(removed);
  EXPECT_TRUE(TermPostings("old").empty());
  EXPECT_EQ(*store_->Get(storage::Family::kQuoteTerms,
                         catalog::QuoteTermKey("pier", 7)),
            length4);

  RecordChanges deleted(*store_, 5);
  ASSERT_TRUE(deleted.MutableQuote(7).ok());
  deleted.DeleteQuote(7);
  Write(deleted);
  for (const char* term : {"rebuild", "ferry", "pier"}) {
    EXPECT_TRUE(TermPostings(term).empty()) << term;
  }
}

TEST_F(RecordChangesTest,
       NewTextsGetNoRowsForCommonShinglesAndDeletesRemoveAll) {
  const std::string text = Words(0, 12);
  const std::vector<uint64_t> shingles = QuoteShingles(text);
  ASSERT_GE(shingles.size(), 2u);
  const std::string count = absl::StrCat(shingles.size());

  // Written before the first shingle was known to be common: a row for each.
  RecordChanges first(*store_, 1);
  first.NewQuote(1)->set_text(text);
  Write(first);
  const CommonShingles common = {shingles[0]};
  RecordChanges second(*store_, 2, &common);
  second.NewQuote(2)->set_text(text);
  Write(second);
  using Rows = std::vector<std::pair<uint64_t, std::string>>;
  EXPECT_EQ(ShingleRowsOf(shingles[0]), (Rows{{1, count}}));
  // The count stays the text's whole shingle count.
  EXPECT_EQ(ShingleRowsOf(shingles[1]), (Rows{{1, count}, {2, count}}));

  RecordChanges deletion(*store_, 3, &common);
  ASSERT_TRUE(deletion.MutableQuote(1).ok());
  deletion.DeleteQuote(1);
  Write(deletion);
  EXPECT_TRUE(ShingleRowsOf(shingles[0]).empty());
  EXPECT_EQ(ShingleRowsOf(shingles[1]), (Rows{{2, count}}));
}

TEST_F(RecordChangesTest, PeekQuoteHeadSeesThisBatchFirst) {
  RecordChanges stored(*store_, 1);
  v1::Quote* quote = stored.NewQuote(1);
  quote->set_text("stored text");
  quote->add_appearances()->set_text("stored text");
  stored.NewQuote(2)->set_text("second");
  Write(stored);

  RecordChanges changes(*store_, 2);
  auto head = changes.PeekQuoteHead(1);
  ASSERT_TRUE(head.ok()) << head.status();
  EXPECT_EQ((*head)->text(), "stored text");
  EXPECT_EQ((*head)->appearances_size(), 0);

  auto changed = changes.MutableQuote(1);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ((*changed)->appearances_size(), 1);  // loaded whole
  (*changed)->set_text("changed text");
  head = changes.PeekQuoteHead(1);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ((*head)->text(), "changed text");

  ASSERT_TRUE(changes.MutableQuote(2).ok());
  changes.DeleteQuote(2);
  EXPECT_EQ(changes.PeekQuoteHead(2).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(changes.PeekQuoteHead(3).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace verbatim::ingest
