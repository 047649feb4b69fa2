#include "ingest_service/extraction/outlet.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace verbatim::extraction {
namespace {

using entities::EntityAnalysis;
using entities::EntityType;
using entities::TextSpan;

// Sentence spans of `text`: lines, split after ". ".
std::vector<TextSpan> Sentences(const std::string& text) {
  std::vector<TextSpan> out;
  size_t begin = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' ||
        (i > 0 && text[i - 1] == ' ' && text[i - 2] == '.')) {
      if (i > begin) out.push_back({begin, i});
      begin = text[i] == '\n' ? i + 1 : i;
    }
  }
  return out;
}

TEST(OutletTest, NamedOutletBecomesAnOrganisation) {
  const std::string text =
      "Quarternote\nVelvet Oba told Quarternote he was tired. "
      "Daily Glare readers laughed.";
  EntityAnalysis a;
  // The recognizer took "Daily Glare" for a person.
  a.entities.push_back({"Daily Glare", EntityType::kPerson, {}, {}});
  a.mentions.push_back(
      {{text.find("Daily"), text.find("Daily") + 11}, "Daily Glare", 0});
  MarkOutlet(text, Sentences(text), "The Daily Glare", a);
  EXPECT_EQ(a.entities[0].type, EntityType::kOrganization);
  MarkOutlet(text, Sentences(text), "quarternote", a);
  ASSERT_EQ(a.entities.size(), 2u);
  EXPECT_EQ(a.entities[1].display_name, "Quarternote");
  EXPECT_EQ(a.entities[1].type, EntityType::kOrganization);
  // The masthead line and "told Quarternote", in text order.
  ASSERT_EQ(a.mentions.size(), 3u);
  EXPECT_EQ(a.mentions[0].span.begin, 0u);
  EXPECT_EQ(a.mentions[1].entity, 1);
  EXPECT_EQ(a.mentions[2].entity, 0);
}

TEST(OutletTest, WordsThatOnlyLookLikeTheOutletAreLeftAlone) {
  const std::string text =
      "The vote is close. Time will tell, she said, at time.com and at "
      "timeless.org. Nobody had Time for it.";
  EntityAnalysis a;
  MarkOutlet(text, Sentences(text), "Time", a);
  ASSERT_EQ(a.entities.size(), 1u);
  // Only the capitalised word inside its sentence.
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_EQ(a.mentions[0].span.begin, text.rfind("Time"));
  EntityAnalysis none;
  MarkOutlet(text, Sentences(text), "", none);
  MarkOutlet(text, Sentences(text), "AP", none);
  EXPECT_TRUE(none.entities.empty());
}

}  // namespace
}  // namespace verbatim::extraction
