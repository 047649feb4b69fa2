#include "common/catalog/catalog_reader.h"

#include "common/catalog/keys.h"
#include "common/testing/store_fixture.h"
#include "gtest/gtest.h"

namespace verbatim::catalog {
namespace {

class RecordReaderTest : public testing::StoreFixture {
 protected:
  void Put(uint64_t quote_id, int64_t version, const std::string& bytes) {
    storage::Batch batch = store_->NewBatch();
    batch.Put(storage::Family::kQuotes, QuoteVersionKey(quote_id, version),
              bytes);
    ASSERT_TRUE(store_->Write(batch).ok());
  }
};

TEST_F(RecordReaderTest, QuoteHeadHasTheNewestVersionsFieldsWithoutPrintings) {
  v1::Quote quote;
  quote.set_name("quotes/7");
  quote.set_text("We will rebuild the pier.");
  quote.set_speaker("entities/ana-ruiz");
  quote.set_speaker_display_name("Ana Ruiz");
  quote.set_kind(v1::FRAGMENT);
  quote.add_appearances()->set_text("We will rebuild the pier");
  quote.add_mentioned_entities("entities/lakeport");
  Put(7, 1, "old version");  // older, and not even a Quote
  Put(7, 2, quote.SerializeAsString());

  RecordReader reader(*store_);
  auto head = reader.ReadQuoteHead(7);
  ASSERT_TRUE(head.ok()) << head.status();
  EXPECT_EQ(head->version, 2);
  v1::Quote expected = quote;
  expected.clear_appearances();
  expected.clear_mentioned_entities();
  EXPECT_EQ(head->record.SerializeAsString(), expected.SerializeAsString());
  // The whole record still has them.
  auto whole = reader.ReadQuote(7);
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->record.appearances_size(), 1);
}

TEST_F(RecordReaderTest, QuoteHeadReportsMissingAndCorruptRecords) {
  // Field 2 (text) declared 100 bytes long, with 3 present.
  Put(9, 1,
      std::string("\x12\x64"
                  "abc",
                  5));
  // Field 5 (kind) sent as a string.
  Put(10, 1,
      std::string("\x2a\x01"
                  "x",
                  3));
  RecordReader reader(*store_);
  EXPECT_EQ(reader.ReadQuoteHead(8).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(reader.ReadQuoteHead(9).status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(reader.ReadQuoteHead(10).status().code(),
            absl::StatusCode::kDataLoss);
}

TEST_F(RecordReaderTest, EntityIdsByNameKeyMatchesTheWholeKeyOnly) {
  storage::Batch batch = store_->NewBatch();
  batch.Put(storage::Family::kEntityNames, EntityNameKey("ana", "ana-ruiz"),
            "");
  batch.Put(storage::Family::kEntityNames, EntityNameKey("ana", "ana-ortiz"),
            "");
  batch.Put(storage::Family::kEntityNames, EntityNameKey("anabel", "anabel-x"),
            "");
  batch.Put(storage::Family::kEntitySkeletons, EntityNameKey("an", "ana-ruiz"),
            "");
  ASSERT_TRUE(store_->Write(batch).ok());

  RecordReader reader(*store_);
  auto ids = reader.EntityIdsByNameKey("ana", 10);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, (std::vector<std::string>{"ana-ortiz", "ana-ruiz"}));
  // The same cursor, re-aimed.
  ids = reader.EntityIdsByNameKey("anabel", 10);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, std::vector<std::string>{"anabel-x"});
  ids = reader.EntityIdsByNameKey("ana", 1);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(ids->size(), 1u);
  ids = reader.EntityIdsByNameKey("bo", 10);
  ASSERT_TRUE(ids.ok());
  EXPECT_TRUE(ids->empty());
  ids = reader.EntityIdsBySkeleton("an", 10);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, std::vector<std::string>{"ana-ruiz"});
}

}  // namespace
}  // namespace verbatim::catalog
