#include "query_service/query/quote_search.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/catalog/resource_names.h"
#include "common/testing/store_fixture.h"
#include "gtest/gtest.h"
#include "ingest_service/ingest/record_changes.h"

namespace verbatim::query {
namespace {

// Enough quotes that a common word's postings go far past what a search
// reads of each word before choosing the rarest one.
constexpr uint64_t kQuotes = 6000;

class QuoteSearchTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (HasFatalFailure()) return;
    // Every quote says "harbour"; every other one "quay"; three "lantern",
    // the oldest of them long before the newest rows of the common words.
    ingest::RecordChanges changes(*store_, 1);
    for (uint64_t id = 1; id <= kQuotes; ++id) {
      std::string text = absl::StrCat("The harbour number ", id);
      if (id % 2 == 0) absl::StrAppend(&text, " and its quay");
      if (id == 10 || id == 3000 || id == kQuotes - 10) {
        absl::StrAppend(&text, " by the lantern");
      }
      changes.NewQuote(id)->set_text(text);
    }
    storage::Batch batch = store_->NewBatch();
    changes.Apply(batch);
    ASSERT_TRUE(store_->Write(batch).ok());
  }

  // The ids of the quotes found by `query` on every page of `page_size`.
  std::vector<uint64_t> SearchAll(const std::string& query, int page_size,
                                  int max_pages = 1000) {
    v1::SearchQuotesRequest request;
    request.set_query(query);
    request.set_page_size(page_size);
    std::vector<uint64_t> ids;
    for (int page = 0; page < max_pages; ++page) {
      auto response = SearchQuotes(*store_, nullptr, request);
      EXPECT_TRUE(response.ok()) << response.status();
      if (!response.ok()) break;
      for (const v1::Quote& quote : response->quotes()) {
        auto id = catalog::ParseQuoteName(quote.name(), "quote");
        EXPECT_TRUE(id.ok()) << quote.name();
        if (id.ok()) ids.push_back(*id);
      }
      if (response->next_page_token().empty()) break;
      request.set_page_token(response->next_page_token());
    }
    return ids;
  }
};

TEST_F(QuoteSearchTest, RareWordFindsOldQuotesBeyondTheCommonWordsNewestRows) {
  // "lantern" drives; "harbour" is decided from its rows read or looked up.
  EXPECT_EQ(SearchAll("harbour lantern", 10),
            (std::vector<uint64_t>{kQuotes - 10, 3000, 10}));
  EXPECT_EQ(SearchAll("lantern quay harbour", 10),
            (std::vector<uint64_t>{kQuotes - 10, 3000, 10}));
}

TEST_F(QuoteSearchTest, CommonWordsPageThroughTheNewestCandidatesOnce) {
  const std::vector<uint64_t> ids = SearchAll("quay harbour", 500);
  // "quay" drives: every quote having it, each once across pages.
  ASSERT_EQ(ids.size(), kQuotes / 2);
  EXPECT_EQ(std::set<uint64_t>(ids.begin(), ids.end()).size(), ids.size());
  for (uint64_t id : ids) EXPECT_EQ(id % 2, 0u) << id;
  // Equal scores come newest first.
  EXPECT_EQ(ids.front(), kQuotes);
}

TEST_F(QuoteSearchTest, OneCommonWordCoversTheNewestQuotes) {
  const std::vector<uint64_t> first = SearchAll("harbour", 50, 1);
  ASSERT_EQ(first.size(), 50u);
  // The shorter (odd) quotes score higher; the newest of them comes first.
  EXPECT_EQ(first.front(), kQuotes - 1);
  // At most the newest 5,000 candidates are ranked.
  const std::vector<uint64_t> all = SearchAll("harbour", 1000);
  ASSERT_EQ(all.size(), 5000u);
  EXPECT_EQ(*std::min_element(all.begin(), all.end()), kQuotes - 4999);
}

TEST_F(QuoteSearchTest, WordWithoutRowsFindsNothing) {
  EXPECT_TRUE(SearchAll("harbour comet", 10).empty());
  EXPECT_TRUE(SearchAll("comet", 10).empty());
}

}  // namespace
}  // namespace verbatim::query
