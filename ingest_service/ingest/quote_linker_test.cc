#include "ingest_service/ingest/quote_linker.h"

#include "absl/strings/str_cat.h"
#include "common/testing/store_fixture.h"
#include "gtest/gtest.h"

namespace verbatim::ingest {
namespace {

TEST(WordContainmentTest, CountsSharedWordsWithMultiplicity) {
  EXPECT_DOUBLE_EQ(WordContainment("the pier the pier", "the pier"), 0.5);
  EXPECT_DOUBLE_EQ(WordContainment("We rebuilt it.", "we REBUILT it, twice"),
                   1.0);
  EXPECT_DOUBLE_EQ(WordContainment("", "anything"), 0.0);
}

class FindUtteranceTest : public testing::StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    if (HasFatalFailure()) return;
    Restart(1);
  }

  // Writes the changes so far and starts the next ingest.
  void Commit() {
    storage::Batch batch = store_->NewBatch();
    changes_->Apply(batch);
    ASSERT_TRUE(store_->Write(batch).ok());
    Restart(++version_);
  }

  // A new ingest at `version`, seeing what was written so far.
  void Restart(int64_t version) {
    linker_.reset();
    changes_ = std::make_unique<RecordChanges>(*store_, version);
    linker_ = std::make_unique<QuoteLinker>(*store_, *changes_, common_);
  }

  void AddQuote(uint64_t id, const std::string& text,
                const std::string& speaker) {
    v1::Quote* quote = changes_->NewQuote(id);
    quote->set_text(text);
    quote->set_speaker(speaker);
  }

  std::optional<uint64_t> Find(const std::string& text,
                               const std::string& speaker) {
    auto found = linker_->FindUtterance(text, speaker, printed_here_);
    EXPECT_TRUE(found.ok()) << found.status();
    return found.ok() ? *found : std::nullopt;
  }

  std::unique_ptr<RecordChanges> changes_;
  CommonShingles common_;
  std::unique_ptr<QuoteLinker> linker_;
  int64_t version_ = 1;
  std::map<uint64_t, std::vector<std::string>> printed_here_;
};

TEST_F(FindUtteranceTest, LinksEditedReprintsOfStoredQuotes) {
  AddQuote(
      1,
      "We will rebuild the north pier before the storm season and open it to "
      "every crew in the county.",
      "entities/a");
  Commit();

  EXPECT_EQ(Find("We will rebuild the north pier [by] the storm season.",
                 "entities/a"),
            1u);
  EXPECT_EQ(Find("We will rebuild the north pier before the storm season", ""),
            1u);
  EXPECT_EQ(
      Find("The ferry crews were never asked about the budget.", "entities/a"),
      std::nullopt);
}

TEST_F(FindUtteranceTest, LongPrintingLinksTheShortStoredQuoteItContains) {
  AddQuote(1, "The pier stays open all winter.", "entities/a");
  Commit();
  EXPECT_EQ(
      Find(
          "The pier stays open all winter. We have hired twelve new crews, the "
          "budget is signed, and the county has promised the dredging work "
          "will "
          "finish before the first storm of the season reaches the coast.",
          "entities/a"),
      1u);
}

// A first part shorter than a winnowing window ("“Nobody lets you hide,” she
// said. “...”") need not share a winnowed shingle with a printing of the
// whole sentence (before the opening fingerprint, 6 of 20 such pairs were
// missed); its opening words find it.
TEST_F(FindUtteranceTest, MergedPrintingFindsTheShortFirstPartItStartsWith) {
  AddQuote(1, "Nobody lets you hide here,", "entities/a");
  AddQuote(2, "She keeps the camera on you until you stop performing.",
           "entities/a");
  Commit();
  EXPECT_EQ(Find("Nobody lets you hide here. She keeps the camera on you "
                 "until you stop performing for the lens.",
                 "entities/a"),
            1u);
  // A stored whole is found by a later short first part the same way.
  AddQuote(3,
           "Ferries run at dawn now. The crews come from every harbor town "
           "along the coast and stay the whole season.",
           "entities/b");
  Commit();
  EXPECT_EQ(Find("Ferries run at dawn now,", "entities/b"), 3u);
}

TEST_F(FindUtteranceTest, PhrasesSharedByManyQuotesDoNotHideTheRightOne) {
  // More quotes than the linker reads per shingle share "we are going to".
  for (uint64_t id = 1; id <= 80; ++id) {
    AddQuote(id,
             absl::StrCat("We are going to open harbor number ", id,
                          " before the winter storms arrive."),
             "entities/a");
  }
  AddQuote(
      100,
      "We are going to rebuild the ferry terminal with money from the state "
      "and the county together.",
      "entities/a");
  Commit();
  EXPECT_EQ(Find("We are going to rebuild the ferry terminal with money from "
                 "the state "
                 "and county.",
                 "entities/a"),
            100u);
  EXPECT_EQ(Find("We are going to open harbor number 42 before the winter "
                 "storms arrive.",
                 "entities/a"),
            42u);
  // The shared phrases were learned; the next ingest skips them and still
  // finds the same quotes.
  EXPECT_FALSE(common_.empty());
  const CommonShingles learned = common_;
  Restart(++version_);
  EXPECT_EQ(Find("We are going to open harbor number 42 before the winter "
                 "storms arrive.",
                 "entities/a"),
            42u);
  EXPECT_EQ(Find("We are going to rebuild the ferry terminal with money from "
                 "the state "
                 "and county.",
                 "entities/a"),
            100u);
  EXPECT_EQ(common_, learned);
}

TEST_F(FindUtteranceTest, ShortQuotesDifferingInOneWordAreDifferent) {
  AddQuote(1, "We sail at nine.", "entities/a");
  EXPECT_EQ(Find("We sail at ten.", "entities/a"), std::nullopt);
  EXPECT_EQ(Find("We sail at nine!", "entities/a"), 1u);
}

TEST_F(FindUtteranceTest, ShortQuoteBySomeoneElseIsAnotherUtterance) {
  AddQuote(1, "We are ready for the vote.", "entities/a");
  EXPECT_EQ(Find("We are ready for the vote.", "entities/b"), std::nullopt);
  EXPECT_EQ(Find("We are ready for the vote.", "entities/a"), 1u);
}

TEST_F(FindUtteranceTest, ShortQuoteBySurnameOfItsSpeakerIsTheSame) {
  AddQuote(1, "We are ready for the vote.", "entities/ines-okoro");
  // Another article named her by surname alone.
  EXPECT_EQ(Find("We are ready for the vote.", "entities/okoro"), 1u);
  // A different person, or one whose surname only ends the same way, is not.
  EXPECT_EQ(Find("We are ready for the vote.", "entities/tade-mbeki"),
            std::nullopt);
  EXPECT_EQ(Find("We are ready for the vote.", "entities/koro"), std::nullopt);
}

TEST_F(FindUtteranceTest, ReorderedFragmentLinksToItsSpeakersQuote) {
  AddQuote(1, "This is the club I dreamed about as a boy in Rosario.",
           "entities/mateo-alvarenga");
  AddQuote(2, "We will be ready for the derby.", "entities/mateo-alvarenga");
  // Before and after the quotes are stored.
  for (int stored = 0; stored < 2; ++stored) {
    EXPECT_EQ(
        Find("dreamed about this club as a boy", "entities/mateo-alvarenga"),
        1u);
    // Another speaker's, or too few words to tell.
    EXPECT_EQ(Find("dreamed about this club as a boy", "entities/ilse-kremer"),
              std::nullopt);
    EXPECT_EQ(Find("a boy who dreamed", "entities/mateo-alvarenga"),
              std::nullopt);
    Commit();
  }
}

TEST_F(FindUtteranceTest, FourWordFragmentFindsItsSpeakersQuote) {
  // Winnowing keeps one shingle of this quote, none of the fragment's.
  AddQuote(1, "We simply disagree about what comes next.",
           "entities/elliot-ramsey");
  for (int stored = 0; stored < 2; ++stored) {
    EXPECT_EQ(Find("about what comes next.", "entities/elliot-ramsey"), 1u);
    EXPECT_EQ(Find("about what comes later.", "entities/elliot-ramsey"),
              std::nullopt);
    Commit();
  }
}

TEST_F(FindUtteranceTest, ShortReprintWithAContractionSpelledOutIsTheSame) {
  AddQuote(1, "We can't go back now.", "entities/ada-vantrell");
  for (int stored = 0; stored < 2; ++stored) {
    EXPECT_EQ(Find("We cannot go back now.", "entities/ada-vantrell"), 1u);
    EXPECT_EQ(Find("We can go forward now.", "entities/ada-vantrell"),
              std::nullopt);
    Commit();
  }
}

TEST_F(FindUtteranceTest, LongNearIdenticalQuoteLinksDespiteSpeakerNames) {
  AddQuote(
      1,
      "Nobody asked the ferry crews what they think of the transit budget, "
      "and nobody will.",
      "entities/tomas-reyes");
  EXPECT_EQ(
      Find(
          "Nobody asked the ferry crews what they think of the transit budget, "
          "and nobody will.",
          "entities/reyes"),
      1u);
}

TEST_F(FindUtteranceTest, MergedPrintingBelongsToTheUtteranceItStartsWith) {
  AddQuote(1, "The harbor was empty for a decade and we are changing that now.",
           "");
  AddQuote(2, "Every family in the valley deserves a working ferry again.", "");
  EXPECT_EQ(Find("Every family in the valley deserves a working ferry again. "
                 "The harbor "
                 "was empty for a decade and we are changing that now.",
                 ""),
            2u);
  EXPECT_EQ(Find("The harbor was empty for a decade and we are changing that "
                 "now. Every "
                 "family in the valley deserves a working ferry again.",
                 ""),
            1u);
}

TEST_F(FindUtteranceTest, SecondPartOfASplitQuoteIsItsOwnUtterance) {
  AddQuote(
      1,
      "The harbor was empty for a decade. Every family in the valley deserves "
      "a working ferry again.",
      "");
  // This article printed the first half already, split by "she said".
  printed_here_[1] = {"The harbor was empty for a decade."};
  EXPECT_EQ(
      Find("Every family in the valley deserves a working ferry again.", ""),
      std::nullopt);
  // A repeat of the printed half (a pull quote), or the whole after a
  // snippet, is the same utterance.
  EXPECT_EQ(Find("The harbor was empty for a decade.", ""), 1u);
  printed_here_[1] = {"empty for a decade"};
  EXPECT_EQ(Find("The harbor was empty for a decade.", ""), 1u);
}

TEST_F(FindUtteranceTest, RestOfASentenceSplitByItsAttributionIsTheSame) {
  AddQuote(
      1,
      "We told them in writing, in black and white, that the system was not "
      "ready.",
      "");
  // “We told them in writing,” he said, “in black and white, ...”: the rest
  // of the sentence, in lower case, goes on with the utterance.
  printed_here_[1] = {"We told them in writing,"};
  EXPECT_EQ(Find("in black and white, that the system was not ready.", ""), 1u);
}

TEST_F(FindUtteranceTest, ShortFirstPartRepeatedInTheSecondIsNoSnippet) {
  // “The bus rides,” he said. “The games are three hours. The bus rides are
  // where you find out who these kids are.”
  AddQuote(1, "The bus rides,", "Doc Ames");
  printed_here_[1] = {"The bus rides,"};
  EXPECT_EQ(Find("The games are three hours. The bus rides are where you find "
                 "out who these kids are.",
                 "Doc Ames"),
            std::nullopt);
}

}  // namespace
}  // namespace verbatim::ingest
