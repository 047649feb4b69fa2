#include "common/catalog/resource_names.h"

#include "gtest/gtest.h"

namespace verbatim::catalog {
namespace {

TEST(ResourceNamesTest, FormatsAndParsesArticleAndQuoteNames) {
  EXPECT_EQ(ArticleName(42), "articles/42");
  EXPECT_EQ(*ParseArticleName("articles/42", "name"), 42u);
  EXPECT_EQ(*ParseQuoteName("quotes/7", "name"), 7u);
}

TEST(ResourceNamesTest, RejectsMalformedNumericNames) {
  for (const char* bad :
       {"", "articles/", "articles/0", "articles/-1", "articles/1a", "quotes/1",
        "articles/1/2", "articles/../../etc",
        "articles/99999999999999999999999"}) {
    auto parsed = ParseArticleName(bad, "name");
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument)
        << bad;
  }
}

TEST(ResourceNamesTest, EntityNamesAreSlugs) {
  EXPECT_EQ(*ParseEntityName("entities/kendrick-lamar", "speaker"),
            "kendrick-lamar");
  for (const char* bad : {"", "entities/", "entities/Kendrick", "entities/a b",
                          "entities/../x", "people/x"}) {
    EXPECT_FALSE(ParseEntityName(bad, "speaker").ok()) << bad;
  }
}

TEST(ResourceNamesTest, SlugsAreLowerCaseAscii) {
  EXPECT_EQ(EntitySlug("Kendrick Lamar"), "kendrick-lamar");
  EXPECT_EQ(EntitySlug("K.Dot"), "kdot");
  EXPECT_EQ(EntitySlug("Mr. Morale & The Big Steppers"),
            "mr-morale-the-big-steppers");
  EXPECT_EQ(EntitySlug("Anderson .Paak"), "anderson-paak");
  EXPECT_EQ(EntitySlug("東京"), "entity");
  // Accented letters are their letters; curly apostrophes are apostrophes.
  EXPECT_EQ(EntitySlug("Inmaculada Ferrer-Ibáñez"), "inmaculada-ferrer-ibanez");
  EXPECT_EQ(EntitySlug("Ríos Vivos"), "rios-vivos");
  EXPECT_EQ(EntitySlug("Siobhán O’Keeffe"), "siobhan-okeeffe");
  EXPECT_EQ(EntitySlug("Straße 東京 Ost"), "strasse-ost");
  EXPECT_EQ(EntitySlug("\xC3"), "entity");  // cut UTF-8
  EXPECT_LE(EntitySlug(std::string(500, 'a')).size(), 60u);
  // Found by the fuzzer: a separator at the limit must not end the slug.
  EXPECT_EQ(EntitySlug(std::string(60, 'a') + " b"), std::string(60, 'a'));
  EXPECT_EQ(EntitySlug(std::string(59, 'a') + " b"), std::string(59, 'a'));
  EXPECT_EQ(EntitySlug(std::string(58, 'a') + " b"),
            std::string(58, 'a') + "-b");
}

}  // namespace
}  // namespace verbatim::catalog
