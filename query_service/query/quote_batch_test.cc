#include "query_service/query/quote_batch.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/concurrency/work_pool.h"
#include "common/testing/store_fixture.h"
#include "gtest/gtest.h"
#include "ingest_service/ingest/record_changes.h"

namespace verbatim::query {
namespace {

class QuoteBatchTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (HasFatalFailure()) return;
    ingest::RecordChanges changes(*store_, 1);
    for (uint64_t id = 1; id <= 20; ++id) {
      changes.NewQuote(id)->set_text(absl::StrCat("Quote number ", id));
    }
    storage::Batch batch = store_->NewBatch();
    changes.Apply(batch);
    ASSERT_TRUE(store_->Write(batch).ok());
  }

  static std::string TextOf(
      const absl::StatusOr<catalog::Versioned<v1::Quote>>& quote) {
    return quote.ok() ? quote->record.text() : quote.status().ToString();
  }

  concurrency::WorkPool pool_{3};
};

TEST_F(QuoteBatchTest, ReadsInParallelAndReturnsEachResultOnce) {
  // In table files and not yet in the block cache: the reads go to the pool.
  ASSERT_TRUE(store_->FlushAndCompact().ok());
  QuoteBatch quotes(*store_, &pool_);
  const std::vector<uint64_t> ids = {3, 7, 99, 7, 12};
  quotes.Read(ids);
  EXPECT_EQ(TextOf(quotes.Take(7)), "Quote number 7");
  EXPECT_EQ(TextOf(quotes.Take(3)), "Quote number 3");
  EXPECT_TRUE(absl::IsNotFound(quotes.Take(99).status()));
  // Taken results are gone; a second Take reads the store again.
  EXPECT_EQ(TextOf(quotes.Take(7)), "Quote number 7");
  // Ids that were never read ahead are read on demand.
  EXPECT_EQ(TextOf(quotes.Take(15)), "Quote number 15");
  EXPECT_TRUE(absl::IsNotFound(quotes.Take(100).status()));
}

TEST_F(QuoteBatchTest, TakeInOrderReadsAheadFromThePosition) {
  for (concurrency::WorkPool* pool :
       {&pool_, static_cast<concurrency::WorkPool*>(nullptr)}) {
    QuoteBatch quotes(*store_, pool);
    const std::vector<uint64_t> ids = {5, 6, 50, 8, 9, 10};
    std::vector<std::string> texts;
    for (size_t i = 0; i < ids.size(); ++i) {
      texts.push_back(TextOf(quotes.TakeInOrder(ids, i, 4)));
    }
    ASSERT_EQ(texts.size(), 6u);
    EXPECT_EQ(texts[0], "Quote number 5");
    EXPECT_EQ(texts[1], "Quote number 6");
    EXPECT_NE(texts[2].find("NOT_FOUND"), std::string::npos) << texts[2];
    EXPECT_EQ(texts[5], "Quote number 10");
  }
}

}  // namespace
}  // namespace verbatim::query
