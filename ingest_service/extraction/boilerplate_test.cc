#include "ingest_service/extraction/boilerplate.h"

#include "gtest/gtest.h"

namespace verbatim::extraction {
namespace {

std::vector<std::string> MarkedLines(std::string_view text) {
  auto m = BoilerplateMarker::Create();
  EXPECT_TRUE(m.ok());
  std::vector<std::string> out;
  for (const auto& s : m->Mark(text)) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(BoilerplateTest, MarksAdsPaywallsAndCredits) {
  const std::string text =
      "Advertisement\n"
      "The council approved the budget.\n"
      "AD LOADING...\n"
      "Create a free account or sign in to keep reading.\n"
      "Already have an account?\n"
      "By continuing, you agree to our terms\n"
      "Photo Credit: City Press Office\n"
      "The mayor at the opening. (Photo by Jane Roe/Getty Images)\n"
      "The bridge at dusk. YouTube Screenshot\n"
      "Join the conversation\n"
      "She said the vote was close.\n";
  EXPECT_EQ(
      MarkedLines(text),
      (std::vector<std::string>{
          "Advertisement", "AD LOADING...",
          "Create a free account or sign in to keep reading.",
          "Already have an account?", "By continuing, you agree to our terms",
          "Photo Credit: City Press Office",
          "The mayor at the opening. (Photo by Jane Roe/Getty Images)",
          "The bridge at dusk. YouTube Screenshot", "Join the conversation"}));
}

TEST(BoilerplateTest, MarksCaptionsWithTheirCreditInside) {
  const std::string text =
      "[Photo] The singer on the Cliff Stage. Photo: Ana Roe/Northern Post\n"
      "[Image: The director at her office. Credit: Sam Hale for Daily Wire]\n"
      "Dead fish near the old bridge. (Credit: Ines Roa/The Ledger)\n"
      "Photography by Ana Roe\n"
      "The union said its members would vote. She said the photo was old.\n";
  EXPECT_EQ(MarkedLines(text).size(), 4u);
}

TEST(BoilerplateTest, WireCaptionAndRepeatedLines) {
  const std::string text =
      "SPRINGFIELD, ILLINOIS – MAY 02: A parade passes the hall.\n"
      "Town Hall Reopens After Repairs\n"
      "Prose with a dash – in May: not a caption because it is long enough "
      "to be prose and the colon comes late.\n"
      "Town Hall Reopens After Repairs\n";
  const auto lines = MarkedLines(text);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].substr(0, 11), "SPRINGFIELD");
  EXPECT_EQ(lines[1], "Town Hall Reopens After Repairs");
  EXPECT_EQ(lines[2], "Town Hall Reopens After Repairs");
}

TEST(BoilerplateTest, RepeatedPullQuoteIsNotBoilerplate) {
  const std::string text =
      "“We will rebuild every house,” the mayor said.\n"
      "The storm hit on Monday.\n"
      "“We will rebuild every house,” the mayor said.\n";
  EXPECT_TRUE(MarkedLines(text).empty());
}

TEST(BoilerplateTest, RejectsUnknownPatternKind) {
  EXPECT_FALSE(BoilerplateMarker::FromPatterns("regex .*").ok());
  EXPECT_TRUE(BoilerplateMarker::FromPatterns("# c\nexact hi\n").ok());
}

}  // namespace
}  // namespace verbatim::extraction
