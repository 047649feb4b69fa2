#include "ingest_service/ingest/article_ingestor.h"

#include <set>
#include <string_view>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/catalog/catalog_reader.h"
#include "common/catalog/resource_names.h"
#include "common/testing/store_fixture.h"
#include "gtest/gtest.h"
#include "ingest_service/ingest/entity_linker.h"

namespace verbatim::ingest {
namespace {

// Articles written for these tests: two outlets print the same statement by
// the same (fictional) person with small edits.
constexpr char kHarborArticle[] =
    "Port officials unveiled the new harbor plan on Monday.\n\n"
    "“We will rebuild the north pier before the storm season and open it to "
    "every fishing crew in the county,” said Marisol Quintero, the harbor "
    "commissioner.\n\n"
    "Quintero added that the work would start in March.\n";
constexpr char kHarborReprint[] =
    "The harbor commission met in Bayport this week.\n\n"
    "“We will rebuild the north pier before the storm season and open it to "
    "every fishing crew,” Marisol Quintero said.\n";

v1::CreateArticleRequest Request(const std::string& body,
                                 const std::string& url, int64_t day) {
  v1::CreateArticleRequest request;
  request.mutable_article()->set_body(body);
  request.mutable_article()->set_url(url);
  request.mutable_article()->set_source(absl::StrCat("Outlet ", day));
  request.mutable_article()->mutable_publish_time()->set_seconds(1700000000 +
                                                                 day * 86400);
  return request;
}

class ArticleIngestorTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (HasFatalFailure()) return;
    auto extractor = extraction::Extractor::Create();
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    extractor_ = *std::move(extractor);
    auto ingestor = ArticleIngestor::Create(store_.get(), extractor_.get(), {});
    ASSERT_TRUE(ingestor.ok());
    ingestor_ = *std::move(ingestor);
  }

  int CountArticles() {
    int n = 0;
    for (auto c = store_->NewCursor(storage::Family::kArticlesByTime, "", "");
         c->Valid(); c->Next()) {
      ++n;
    }
    return n;
  }

  // Ingests `earlier`, then `later` a day after it, each at its own URL, and
  // returns the stored `later` (an empty article after a failure, which
  // fails the test).
  v1::Article IngestAfter(const std::string& earlier,
                          const std::string& later) {
    auto a = ingestor_->CreateArticle(
        Request(earlier, "https://pair.example/earlier", 1));
    auto b = ingestor_->CreateArticle(
        Request(later, "https://pair.example/later", 2));
    EXPECT_TRUE(a.ok()) << a.status();
    EXPECT_TRUE(b.ok()) << b.status();
    return b.ok() ? b->article : v1::Article();
  }

  std::unique_ptr<extraction::Extractor> extractor_;
  std::unique_ptr<ArticleIngestor> ingestor_;
};

TEST_F(ArticleIngestorTest, CountingAnArticleDoesNotRewriteTheEntityRecord) {
  ASSERT_TRUE(
      ingestor_
          ->CreateArticle(Request(kHarborArticle, "https://a.example/1", 1))
          .ok());
  auto first = catalog::ReadEntity(*store_, "marisol-quintero");
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->record.article_count(), 1);
  EXPECT_EQ(first->record.quote_count(), 1);

  // The reprint names her by forms already known: only her counts change.
  ASSERT_TRUE(
      ingestor_
          ->CreateArticle(Request(kHarborReprint, "https://b.example/1", 2))
          .ok());
  auto second = catalog::ReadEntity(*store_, "marisol-quintero");
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->version, first->version);
  EXPECT_EQ(second->record.article_count(), 2);
  EXPECT_EQ(second->record.quote_count(), 2);

  ASSERT_TRUE(ingestor_->DeleteArticle("articles/2").ok());
  auto after_delete = catalog::ReadEntity(*store_, "marisol-quintero");
  ASSERT_TRUE(after_delete.ok());
  EXPECT_EQ(after_delete->record.article_count(), 1);
  EXPECT_EQ(after_delete->record.quote_count(), 1);
}

TEST_F(ArticleIngestorTest, StoresArticleWithQuotesAndSpeakerEntity) {
  auto outcome = ingestor_->CreateArticle(
      Request(kHarborArticle, "https://a.example/1", 1));
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_TRUE(outcome->created);
  EXPECT_EQ(outcome->article.name(), "articles/1");
  ASSERT_GE(outcome->article.quotes_size(), 1);
  const v1::QuoteAppearance& quote = outcome->article.quotes(0);
  EXPECT_EQ(quote.speaker_display_name(), "Marisol Quintero");
  EXPECT_EQ(quote.quote(), "quotes/1");
  EXPECT_FALSE(quote.attribution().rule().empty());

  auto stored = catalog::ReadArticle(*store_, 1);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->body(), kHarborArticle);
  auto entity = catalog::ReadEntity(*store_, "marisol-quintero");
  ASSERT_TRUE(entity.ok()) << entity.status();
  EXPECT_EQ(entity->record.type(), v1::PERSON);
  EXPECT_EQ(entity->record.article_count(), 1);
  EXPECT_GE(entity->record.quote_count(), 1);
}

TEST_F(ArticleIngestorTest, ReuploadIsIdempotentByUrlRequestIdAndBody) {
  auto first = ingestor_->CreateArticle(
      Request(kHarborArticle, "https://a.example/1", 1));
  ASSERT_TRUE(first.ok());
  auto same_url = ingestor_->CreateArticle(
      Request("Other text entirely.", "HTTPS://A.example/1#x", 1));
  ASSERT_TRUE(same_url.ok());
  EXPECT_FALSE(same_url->created);
  EXPECT_EQ(same_url->article.name(), first->article.name());

  v1::CreateArticleRequest by_id = Request("Some body.", "", 2);
  by_id.set_request_id("batch-7/item-1");
  auto once = ingestor_->CreateArticle(by_id);
  auto twice = ingestor_->CreateArticle(by_id);
  ASSERT_TRUE(once.ok() && twice.ok());
  EXPECT_TRUE(once->created);
  EXPECT_FALSE(twice->created);
  EXPECT_EQ(once->article.name(), twice->article.name());

  auto body_again = ingestor_->CreateArticle(Request("Some body.", "", 3));
  ASSERT_TRUE(body_again.ok());
  EXPECT_FALSE(body_again->created);
  EXPECT_EQ(CountArticles(), 2);
}

TEST_F(ArticleIngestorTest, ReprintedQuoteIsOneUtteranceEarliestFirst) {
  // The reprint is published first although uploaded second.
  auto original = ingestor_->CreateArticle(
      Request(kHarborArticle, "https://a.example/1", 5));
  auto reprint = ingestor_->CreateArticle(
      Request(kHarborReprint, "https://b.example/2", 2));
  ASSERT_TRUE(original.ok() && reprint.ok());
  ASSERT_GE(reprint->article.quotes_size(), 1);
  EXPECT_EQ(reprint->article.quotes(0).quote(),
            original->article.quotes(0).quote());
  auto quote = catalog::ReadQuote(*store_, 1);
  ASSERT_TRUE(quote.ok());
  ASSERT_EQ(quote->record.appearances_size(), 2);
  EXPECT_EQ(quote->record.appearances(0).article(), reprint->article.name());
  EXPECT_EQ(quote->record.appearances(1).article(), original->article.name());
  auto entity = catalog::ReadEntity(*store_, "marisol-quintero");
  ASSERT_TRUE(entity.ok());
  EXPECT_EQ(entity->record.article_count(), 2);
}

TEST_F(ArticleIngestorTest, InvalidRequestWritesNothing) {
  const uint64_t before = store_->LatestSequenceNumber();
  auto outcome = ingestor_->CreateArticle(Request("bad \xFF utf8", "", 1));
  EXPECT_EQ(outcome.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->LatestSequenceNumber(), before);
}

TEST_F(ArticleIngestorTest, DeleteRemovesEverythingDerived) {
  auto original = ingestor_->CreateArticle(
      Request(kHarborArticle, "https://a.example/1", 1));
  auto reprint = ingestor_->CreateArticle(
      Request(kHarborReprint, "https://b.example/2", 2));
  ASSERT_TRUE(original.ok() && reprint.ok());

  ASSERT_TRUE(ingestor_->DeleteArticle(original->article.name()).ok());
  EXPECT_TRUE(absl::IsNotFound(catalog::ReadArticle(*store_, 1).status()));
  auto quote = catalog::ReadQuote(*store_, 1);
  ASSERT_TRUE(quote.ok());
  ASSERT_EQ(quote->record.appearances_size(), 1);
  EXPECT_EQ(quote->record.appearances(0).article(), reprint->article.name());
  auto entity = catalog::ReadEntity(*store_, "marisol-quintero");
  ASSERT_TRUE(entity.ok());
  EXPECT_EQ(entity->record.article_count(), 1);

  ASSERT_TRUE(ingestor_->DeleteArticle(reprint->article.name()).ok());
  EXPECT_TRUE(absl::IsNotFound(catalog::ReadQuote(*store_, 1).status()));
  EXPECT_TRUE(absl::IsNotFound(
      catalog::ReadEntity(*store_, "marisol-quintero").status()));
  EXPECT_EQ(CountArticles(), 0);
  EXPECT_TRUE(absl::IsNotFound(ingestor_->DeleteArticle("articles/1")));
  EXPECT_EQ(ingestor_->DeleteArticle("articles/x").code(),
            absl::StatusCode::kInvalidArgument);

  // The url is free again: uploading it creates a new article.
  auto again = ingestor_->CreateArticle(
      Request(kHarborArticle, "https://a.example/1", 1));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->created);
  EXPECT_EQ(again->article.name(), "articles/3");
}

// Every change to a quote replaces exactly its stored version.
TEST_F(ArticleIngestorTest,
       QuoteKeepsOneStoredVersionThroughReprintsAndDeletes) {
  auto count_versions = [&] {
    int n = 0;
    for (auto c = store_->NewCursor(storage::Family::kQuotes, "", "");
         c->Valid(); c->Next()) {
      ++n;
    }
    return n;
  };
  auto first = ingestor_->CreateArticle(
      Request(kHarborArticle, "https://a.example/1", 1));
  auto second = ingestor_->CreateArticle(
      Request(kHarborReprint, "https://b.example/2", 2));
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE(ingestor_->DeleteArticle(first->article.name()).ok());
  auto third = ingestor_->CreateArticle(
      Request(kHarborArticle, "https://c.example/3", 3));
  ASSERT_TRUE(third.ok());
  ASSERT_GE(third->article.quotes_size(), 1);
  EXPECT_EQ(third->article.quotes(0).quote(),
            second->article.quotes(0).quote());
  EXPECT_EQ(count_versions(), 1);
  auto quote = catalog::ReadQuote(*store_, 1);
  ASSERT_TRUE(quote.ok()) << quote.status();
  ASSERT_EQ(quote->record.appearances_size(), 2);
  EXPECT_EQ(quote->record.appearances(0).article(), second->article.name());
  EXPECT_EQ(quote->record.appearances(1).article(), third->article.name());

  // A new ingestor on the same store goes on from there.
  ingestor_.reset();
  auto reopened = ArticleIngestor::Create(store_.get(), extractor_.get(), {});
  ASSERT_TRUE(reopened.ok());
  ASSERT_TRUE((*reopened)->DeleteArticle(second->article.name()).ok());
  EXPECT_EQ(count_versions(), 1);
  quote = catalog::ReadQuote(*store_, 1);
  ASSERT_TRUE(quote.ok()) << quote.status();
  ASSERT_EQ(quote->record.appearances_size(), 1);
  EXPECT_EQ(quote->record.appearances(0).article(), third->article.name());
}

TEST_F(ArticleIngestorTest, CountersSurviveReopen) {
  ASSERT_TRUE(
      ingestor_
          ->CreateArticle(Request(kHarborArticle, "https://a.example/1", 1))
          .ok());
  ingestor_.reset();
  OpenStore();
  auto ingestor = ArticleIngestor::Create(store_.get(), extractor_.get(), {});
  ASSERT_TRUE(ingestor.ok());
  auto next = (*ingestor)->CreateArticle(
      Request(kHarborReprint, "https://b.example/2", 2));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->article.name(), "articles/2");
}

TEST_F(ArticleIngestorTest, ConcurrentUploadsGetDistinctIdsAndOneEntity) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 10;
  std::vector<std::thread> threads;
  std::vector<std::string> names[kThreads];
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto outcome = ingestor_->CreateArticle(Request(
            kHarborArticle, absl::StrCat("https://c.example/", t, "/", i), i));
        if (outcome.ok()) names[t].push_back(outcome->article.name());
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> all;
  for (const auto& list : names) all.insert(list.begin(), list.end());
  EXPECT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
  auto entity = catalog::ReadEntity(*store_, "marisol-quintero");
  ASSERT_TRUE(entity.ok());
  EXPECT_EQ(entity->record.article_count(), kThreads * kPerThread);
  EXPECT_TRUE(absl::IsNotFound(
      catalog::ReadEntity(*store_, "marisol-quintero-2").status()));
}

// An article naming director `name` in full with two other people, whom
// every related article names too (the shared context), and quoting them.
std::string DirectorAtThePier(absl::string_view name) {
  return absl::StrCat("Director ", name,
                      " met Marisol Quintero and Ingrid Falk at the pier.\n\n"
                      "“The film starts here,” said ",
                      name, ".\n");
}

// A later article of the same shared context quoting `name`.
std::string DirectorOnSet(absl::string_view name) {
  return absl::StrCat("Marisol Quintero and Ingrid Falk joined director ", name,
                      " on set.\n\n“We shoot at dawn,” said ", name, ".\n");
}

// The link confidence of the article's mention of `entity`, 0 when none.
double LinkConfidence(const v1::Article& article, std::string_view entity) {
  for (const auto& mention : article.mentions()) {
    if (mention.entity() == entity) return mention.link_confidence();
  }
  return 0;
}

// The article's first quote is by `entity`, linked by inference: with less
// than full confidence, but more than even.
void ExpectFirstSpeakerInferred(const v1::Article& article,
                                const std::string& entity) {
  ASSERT_GE(article.quotes_size(), 1);
  EXPECT_EQ(article.quotes(0).speaker(), entity);
  const double confidence = LinkConfidence(article, entity);
  EXPECT_LT(confidence, 1.0);
  EXPECT_GT(confidence, 0.5);
}

TEST_F(ArticleIngestorTest, MisspelledNameLinksOnlyWithSharedContext) {
  const std::string misspelled = DirectorOnSet("Jona Whitacer");
  const std::string unrelated =
      "The chess club elected a new captain.\n\n“I will train every night,” "
      "said "
      "Jonah Whitacer, a student.\n";
  auto a = ingestor_->CreateArticle(
      Request(DirectorAtThePier("Jonah Whitacre"), "https://e.example/1", 1));
  auto b =
      ingestor_->CreateArticle(Request(misspelled, "https://e.example/2", 2));
  ASSERT_TRUE(a.ok() && b.ok());
  ExpectFirstSpeakerInferred(b->article, "entities/jonah-whitacre");

  // A close spelling with nothing in common is somebody else.
  auto c =
      ingestor_->CreateArticle(Request(unrelated, "https://e.example/3", 3));
  ASSERT_TRUE(c.ok());
  ASSERT_GE(c->article.quotes_size(), 1);
  EXPECT_NE(c->article.quotes(0).speaker(), "entities/jonah-whitacre");
}

TEST_F(ArticleIngestorTest, SurnameWithAConsonantAddedLinksWithSharedContext) {
  // "Whitacre" printed "Whitcacre": a consonant more, from either side.
  ExpectFirstSpeakerInferred(IngestAfter(DirectorAtThePier("Jonah Whitacre"),
                                         DirectorOnSet("Jonah Whitcacre")),
                             "entities/jonah-whitacre");
}

TEST_F(ArticleIngestorTest,
       SurnameWithAConsonantDroppedLinksWithSharedContext) {
  ExpectFirstSpeakerInferred(IngestAfter(DirectorAtThePier("Jonah Whitcacre"),
                                         DirectorOnSet("Jonah Whitacre")),
                             "entities/jonah-whitcacre");
}

TEST_F(ArticleIngestorTest, OrganisationLinksWithAndWithoutItsLegalForm) {
  // The longer form printed first, or second.
  const std::pair<const char*, const char*> orders[] = {
      {"Brask Maritime Inc.", "Brask Maritime"},
      {"Coldharbour Foods", "Coldharbour Foods Ltd."}};
  int n = 0;
  for (const auto& [earlier, later] : orders) {
    n += 2;
    auto a = ingestor_->CreateArticle(
        Request(absl::StrCat("Shares in ", earlier, " fell on Monday.\n"),
                absl::StrCat("https://legal.example/", n), n));
    auto b = ingestor_->CreateArticle(
        Request(absl::StrCat("Shares in ", later, " rose on Tuesday.\n"),
                absl::StrCat("https://legal.example/", n + 1), n + 1));
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_GE(a->article.mentions_size(), 1) << earlier;
    ASSERT_GE(b->article.mentions_size(), 1) << later;
    EXPECT_EQ(a->article.mentions(0).entity(), b->article.mentions(0).entity())
        << earlier << " / " << later;
  }
}

TEST_F(ArticleIngestorTest, GuessedTypeYieldsToAStoredEntityOfTheName) {
  // Two unknown capitalised words are a person for want of a cue; another
  // article named the firm with its legal form.
  const v1::Article later = IngestAfter(
      "The administrators, Brightwell Osei LLP, said creditors would meet.\n",
      "Letters from Brightwell Osei arrived on Friday.\n");
  bool as_organisation = false;
  for (const auto& mention : later.mentions()) {
    if (mention.text() == "Brightwell Osei") {
      EXPECT_EQ(mention.entity(), "entities/brightwell-osei-llp");
      as_organisation = mention.type() == v1::ORGANIZATION;
    }
  }
  EXPECT_TRUE(as_organisation);
}

TEST_F(ArticleIngestorTest, SurnameAloneLinksWithSharedContext) {
  const std::string surname =
      "Marisol Quintero and Ingrid Falk were on set again.\n\n"
      "“We shoot at dawn,” Whitacre said.\n";
  ExpectFirstSpeakerInferred(
      IngestAfter(DirectorAtThePier("Jonah Whitacre"), surname),
      "entities/jonah-whitacre");
}

TEST_F(ArticleIngestorTest, NameWithoutItsMiddleNameLinksWithSharedContext) {
  ExpectFirstSpeakerInferred(
      IngestAfter(DirectorAtThePier("Jonah Elijah Whitacre"),
                  DirectorOnSet("Jonah Whitacre")),
      "entities/jonah-elijah-whitacre");
}

TEST_F(ArticleIngestorTest, ShortGivenNameLinksWithSharedContext) {
  ExpectFirstSpeakerInferred(IngestAfter(DirectorAtThePier("Tobias Whitacre"),
                                         DirectorOnSet("Toby Whitacre")),
                             "entities/tobias-whitacre");
}

TEST_F(ArticleIngestorTest, ShortGivenNameWithoutSharedContextIsSomebodyElse) {
  const std::string unrelated =
      "The chess club elected a new captain.\n\n“I will train every night,” "
      "said Toby Whitacre, a student.\n";
  const v1::Article c =
      IngestAfter(DirectorAtThePier("Tobias Whitacre"), unrelated);
  ASSERT_GE(c.quotes_size(), 1);
  EXPECT_EQ(c.quotes(0).speaker(), "entities/toby-whitacre");
}

constexpr char kHarwickArticle[] =
    "Marisol Quintero and Ingrid Falk toured Harwick Aerospace on Monday.\n";

TEST_F(ArticleIngestorTest, CompanyShortNameLinksWithSharedContext) {
  const std::string short_name =
      "Marisol Quintero and Ingrid Falk were back on Friday. An Harwick "
      "spokeswoman declined to comment.\n";
  EXPECT_DOUBLE_EQ(LinkConfidence(IngestAfter(kHarwickArticle, short_name),
                                  "entities/harwick-aerospace"),
                   kShortNameConfidence);
}

TEST_F(ArticleIngestorTest, CompanyShortNameWithoutSharedContextIsAnother) {
  const std::string unrelated =
      "The chess club met. An Harwick spokeswoman declined to comment.\n";
  EXPECT_EQ(LinkConfidence(IngestAfter(kHarwickArticle, unrelated),
                           "entities/harwick-aerospace"),
            0.0);
}

TEST_F(ArticleIngestorTest, ListedNameIsNoShortNameOfALongerOne) {
  const v1::Article b = IngestAfter(
      "Marisol Quintero and Ingrid Falk studied at Harvard Law School.\n",
      "Marisol Quintero and Ingrid Falk visited Harvard on Friday.\n");
  EXPECT_EQ(LinkConfidence(b, "entities/harvard-law-school"), 0.0);
  EXPECT_GT(LinkConfidence(b, "entities/harvard"), 0.0);
}

TEST_F(ArticleIngestorTest, SurnameAloneWithoutSharedContextIsSomebodyElse) {
  const std::string unrelated =
      "The chess club elected a new captain.\n\n“I will train every night,” "
      "Whitacre said.\n";
  const v1::Article c =
      IngestAfter(DirectorAtThePier("Jonah Whitacre"), unrelated);
  ASSERT_GE(c.quotes_size(), 1);
  EXPECT_NE(c.quotes(0).speaker(), "entities/jonah-whitacre");
}

// Entity counts change with every article; the query service reads them from
// a secondary instance, which must see each new count after flushes and
// compactions too.
TEST_F(ArticleIngestorTest, SecondarySeesUpdatedCountsAfterFlushAndCompaction) {
  auto secondary =
      storage::Store::OpenSecondary(store_path(), dir_.path() + "/sec");
  ASSERT_TRUE(secondary.ok()) << secondary.status();
  for (int i = 1; i <= 4; ++i) {
    ASSERT_TRUE(
        ingestor_
            ->CreateArticle(Request(kHarborArticle,
                                    absl::StrCat("https://d.example/", i), i))
            .ok());
    if (i % 2 == 0) {
      ASSERT_TRUE(store_->FlushAndCompact().ok());
    }
    ASSERT_TRUE((*secondary)->CatchUp().ok());
    ASSERT_TRUE((*secondary)->CatchUp().ok());
    auto entity = catalog::ReadEntity(**secondary, "marisol-quintero");
    ASSERT_TRUE(entity.ok()) << entity.status();
    EXPECT_EQ(entity->record.article_count(), i);
  }
}

}  // namespace
}  // namespace verbatim::ingest
