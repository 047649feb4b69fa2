#include "ingest_service/extraction/eval_jsonl.h"

#include "gtest/gtest.h"

namespace verbatim::extraction {
namespace {

TEST(EvalJsonlTest, EscapesStrings) {
  std::string out;
  AppendJsonString("a\"b\\c\nd\x01 “é” \xFF", out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\u0001 “é” \xEF\xBF\xBD\"");
}

TEST(EvalJsonlTest, NameId) {
  EXPECT_EQ(NameId("Kendrick Lamar"), "kendrick-lamar");
  EXPECT_EQ(NameId("  Dr. O’Neil-Smith "), "dr-o’neil-smith");
}

TEST(EvalJsonlTest, WritesSchemaWithNullsAndDerivedIds) {
  ExtractionResult r;
  entities::Entity e;
  e.display_name = "Ann Lee";
  e.type = entities::EntityType::kPerson;
  e.aliases = {"Lee"};
  r.entities.push_back(e);
  QuoteAppearance q1;
  q1.text = "We won,";
  q1.speaker = 0;
  QuoteAppearance q2;
  q2.text = "Who knows";
  r.quotes = {q1, q2};
  EXPECT_EQ(EvalJsonLine("a.txt", r, {}, {}),
            "{\"file\":\"a.txt\",\"quotes\":["
            "{\"text\":\"We won,\",\"speaker\":\"Ann Lee\",\"speaker_id\":"
            "\"ann-lee\",\"cluster\":null},"
            "{\"text\":\"Who knows\",\"speaker\":null,\"speaker_id\":null,"
            "\"cluster\":null}],"
            "\"entities\":[{\"name\":\"Ann Lee\",\"type\":\"PERSON\",\"id\":"
            "\"ann-lee\",\"aliases\":[\"Lee\"]}]}");
  const std::vector<std::string> clusters = {"c1", "c2"};
  const std::vector<std::string> ids = {"e42"};
  const std::string line = EvalJsonLine("a.txt", r, clusters, ids);
  EXPECT_NE(line.find("\"speaker_id\":\"e42\""), std::string::npos);
  EXPECT_NE(line.find("\"cluster\":\"c2\""), std::string::npos);
  EXPECT_NE(line.find("\"id\":\"e42\""), std::string::npos);
}

}  // namespace
}  // namespace verbatim::extraction
