#include "common/storage/store.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "common/storage/key_codec.h"
#include "common/testing/temp_dir.h"
#include "gtest/gtest.h"

namespace verbatim::storage {
namespace {

TEST(StoreTest, PutGetDeleteAndNotFound) {
  testing::TempDir dir;
  auto store = Store::OpenPrimary(dir.path(), {});
  ASSERT_TRUE(store.ok()) << store.status();
  Batch batch = (*store)->NewBatch();
  batch.Put(Family::kArticles, "k1", "v1");
  batch.Put(Family::kQuotes, "k1", "other family");
  ASSERT_TRUE((*store)->Write(batch).ok());
  EXPECT_EQ(*(*store)->Get(Family::kArticles, "k1"), "v1");
  EXPECT_EQ(*(*store)->Get(Family::kQuotes, "k1"), "other family");
  EXPECT_TRUE(
      absl::IsNotFound((*store)->Get(Family::kEntities, "k1").status()));

  Batch remove = (*store)->NewBatch();
  remove.Delete(Family::kArticles, "k1");
  ASSERT_TRUE((*store)->Write(remove).ok());
  EXPECT_TRUE(
      absl::IsNotFound((*store)->Get(Family::kArticles, "k1").status()));
}

TEST(StoreTest, CursorHonoursBoundsInKeyOrder) {
  testing::TempDir dir;
  auto store = Store::OpenPrimary(dir.path(), {});
  ASSERT_TRUE(store.ok());
  Batch batch = (*store)->NewBatch();
  for (int i : {5, 1, 3, 9}) {
    batch.Put(Family::kArticlesByTime, KeyWriter().String("a").Int64(i).key(),
              "");
  }
  batch.Put(Family::kArticlesByTime, KeyWriter().String("b").Int64(0).key(),
            "");
  ASSERT_TRUE((*store)->Write(batch).ok());

  const std::string prefix = KeyWriter().String("a").key();
  auto cursor = (*store)->NewCursor(Family::kArticlesByTime, prefix,
                                    PrefixSuccessor(prefix));
  std::vector<int64_t> seen;
  for (; cursor->Valid(); cursor->Next()) {
    KeyReader reader(cursor->key());
    std::string s;
    int64_t v;
    ASSERT_TRUE(reader.String(&s) && reader.Int64(&v));
    seen.push_back(v);
  }
  EXPECT_TRUE(cursor->status().ok());
  EXPECT_EQ(seen, (std::vector<int64_t>{1, 3, 5, 9}));
}

// Keys under `prefix` read through a re-aimed PrefixCursor.
std::vector<std::string> KeysUnder(PrefixCursor& cursor,
                                   const std::string& prefix) {
  std::vector<std::string> keys;
  for (cursor.Seek(prefix); cursor.Valid(); cursor.Next()) {
    keys.emplace_back(cursor.key());
  }
  EXPECT_TRUE(cursor.status().ok()) << cursor.status();
  return keys;
}

TEST(StoreTest, PrefixCursorReadsOnePrefixAtATimeInMemtableAndFiles) {
  testing::TempDir dir;
  auto store = Store::OpenPrimary(dir.path(), {});
  ASSERT_TRUE(store.ok());
  const auto id_key = [](uint64_t id, int64_t n) {
    return KeyWriter().Uint64(id).Int64Descending(n).Release();
  };
  const auto word_key = [](absl::string_view word, uint64_t id) {
    return KeyWriter().String(word).Uint64(id).Release();
  };
  Batch flushed = (*store)->NewBatch();
  flushed.Put(Family::kQuotes, id_key(7, 1), "old");
  flushed.Put(Family::kQuoteTerms, word_key("rain", 1), "");
  flushed.Put(Family::kQuoteTerms, word_key("rainy", 2), "");
  flushed.Put(Family::kArticlesByTime, word_key("t", 3), "");
  ASSERT_TRUE((*store)->Write(flushed).ok());
  ASSERT_TRUE((*store)->FlushAndCompact().ok());
  Batch fresh = (*store)->NewBatch();
  fresh.Put(Family::kQuotes, id_key(7, 2), "new");
  fresh.Put(Family::kQuotes, id_key(8, 1), "other");
  fresh.Put(Family::kQuoteTerms, word_key("rain", 5), "");
  ASSERT_TRUE((*store)->Write(fresh).ok());

  auto quotes = (*store)->NewPrefixCursor(Family::kQuotes);
  const std::string seven = KeyWriter().Uint64(7).Release();
  EXPECT_EQ(KeysUnder(*quotes, seven),
            (std::vector<std::string>{id_key(7, 2), id_key(7, 1)}));
  EXPECT_EQ(KeysUnder(*quotes, KeyWriter().Uint64(8).Release()),
            (std::vector<std::string>{id_key(8, 1)}));
  EXPECT_TRUE(KeysUnder(*quotes, KeyWriter().Uint64(9).Release()).empty());
  EXPECT_EQ(KeysUnder(*quotes, seven).size(), 2u);  // re-aimed backwards

  auto terms = (*store)->NewPrefixCursor(Family::kQuoteTerms);
  EXPECT_EQ(
      KeysUnder(*terms, KeyWriter().String("rain").Release()),
      (std::vector<std::string>{word_key("rain", 1), word_key("rain", 5)}));
  EXPECT_TRUE(KeysUnder(*terms, KeyWriter().String("snow").Release()).empty());
  auto plain = (*store)->NewPrefixCursor(Family::kArticlesByTime);
  EXPECT_EQ(KeysUnder(*plain, KeyWriter().String("t").Release()).size(), 1u);

  // Backwards from a bound, across memtable and files, never leaving the
  // prefix ("rainy" sorts after every "rain" key).
  const std::string rain = KeyWriter().String("rain").Release();
  std::vector<std::string> backwards;
  for (terms->SeekForPrev(rain, word_key("rain", ~uint64_t{0})); terms->Valid();
       terms->Prev()) {
    backwards.emplace_back(terms->key());
  }
  EXPECT_TRUE(terms->status().ok());
  EXPECT_EQ(backwards, (std::vector<std::string>{word_key("rain", 5),
                                                 word_key("rain", 1)}));
  terms->SeekForPrev(rain, word_key("rain", 4));
  ASSERT_TRUE(terms->Valid());
  EXPECT_EQ(terms->key(), word_key("rain", 1));
  terms->SeekForPrev(rain, word_key("rain", 0));
  EXPECT_FALSE(terms->Valid());

  // A bounded cursor across prefixes ("rain" and "rainy") still sees both
  // families of keys: prefix filters never hide keys from a range scan.
  const std::string partial = "rain";
  auto range = (*store)->NewCursor(Family::kQuoteTerms, partial,
                                   PrefixSuccessor(partial));
  int rows = 0;
  for (; range->Valid(); range->Next()) ++rows;
  EXPECT_EQ(rows, 3);
}

TEST(StoreTest, MemoryOnlyCursorsReadMemtablesAndCachedBlocksOnly) {
  testing::TempDir dir;
  auto store = Store::OpenPrimary(dir.path(), {});
  ASSERT_TRUE(store.ok()) << store.status();
  const std::string flushed = KeyWriter().Uint64(0x5eed0001).Release();
  const std::string unflushed = KeyWriter().Uint64(0x5eed0002).Release();
  Batch batch = (*store)->NewBatch();
  batch.Put(Family::kQuotes, flushed + "v", "on disk");
  ASSERT_TRUE((*store)->Write(batch).ok());
  ASSERT_TRUE((*store)->FlushAndCompact().ok());
  Batch later = (*store)->NewBatch();
  later.Put(Family::kQuotes, unflushed + "v", "in the memtable");
  ASSERT_TRUE((*store)->Write(later).ok());

  auto in_memory =
      (*store)->NewPrefixCursor(Family::kQuotes, ReadFrom::kMemoryOnly);
  in_memory->Seek(unflushed);
  ASSERT_TRUE(in_memory->Valid());
  EXPECT_EQ(in_memory->value(), "in the memtable");
  // The flushed row's block has not been read yet: reading it needs the
  // disk, which a memory-only cursor reports instead of doing.
  in_memory->Seek(flushed);
  EXPECT_FALSE(in_memory->Valid());
  EXPECT_EQ(in_memory->status().code(), absl::StatusCode::kUnavailable)
      << in_memory->status();

  auto anywhere = (*store)->NewPrefixCursor(Family::kQuotes);
  anywhere->Seek(flushed);
  ASSERT_TRUE(anywhere->Valid());
  EXPECT_EQ(anywhere->value(), "on disk");
  // Now its block is in the block cache.
  in_memory->Seek(flushed);
  ASSERT_TRUE(in_memory->Valid()) << in_memory->status();
  EXPECT_EQ(in_memory->value(), "on disk");
}

TEST(StoreTest, SchemaVersionIsCheckedOnReopen) {
  testing::TempDir dir;
  {
    auto store = Store::OpenPrimary(dir.path(), {});
    ASSERT_TRUE(store.ok());
    Batch batch = (*store)->NewBatch();
    batch.Put(Family::kMeta, "schema_version", "999");
    ASSERT_TRUE((*store)->Write(batch).ok());
  }
  auto reopened = Store::OpenPrimary(dir.path(), {});
  EXPECT_EQ(reopened.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(StoreTest, OlderSchemaIsUpgradedOnOpen) {
  testing::TempDir dir;
  {
    auto store = Store::OpenPrimary(dir.path(), {});
    ASSERT_TRUE(store.ok());
    Batch batch = (*store)->NewBatch();
    batch.Put(Family::kMeta, "schema_version",
              absl::StrCat(kOldestUpgradableSchemaVersion));
    batch.Put(Family::kQuoteTerms, "kept", "");
    ASSERT_TRUE((*store)->Write(batch).ok());
  }
  auto reopened = Store::OpenPrimary(dir.path(), {});
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  EXPECT_EQ(*(*reopened)->Get(Family::kMeta, "schema_version"),
            absl::StrCat(kSchemaVersion));
  EXPECT_TRUE((*reopened)->Get(Family::kQuoteTerms, "kept").ok());
}

TEST(StoreTest, SecondPrimaryIsUnavailable) {
  testing::TempDir dir;
  auto first = Store::OpenPrimary(dir.path(), {});
  ASSERT_TRUE(first.ok());
  auto second = Store::OpenPrimary(dir.path(), {});
  EXPECT_EQ(second.status().code(), absl::StatusCode::kUnavailable)
      << second.status();
}

TEST(StoreTest, SecondaryWithoutPrimaryIsNotFound) {
  testing::TempDir dir;
  auto secondary =
      Store::OpenSecondary(dir.path() + "/missing", dir.path() + "/secondary");
  EXPECT_TRUE(absl::IsNotFound(secondary.status())) << secondary.status();
}

// Writes batches spanning three families in a child process and kills it
// with SIGKILL mid-stream: on reopen every batch is there whole or not at all.
TEST(StoreTest, BatchesSurviveKillWholeOrNotAtAll) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/db";
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto store = Store::OpenPrimary(path, {});
    if (!store.ok()) _exit(2);
    for (uint64_t i = 0;; ++i) {
      Batch batch = (*store)->NewBatch();
      const std::string key = KeyWriter().Uint64(i).Release();
      batch.Put(Family::kArticles, key, std::string(4000, 'a'));
      batch.Put(Family::kQuotes, key, "q");
      batch.Put(Family::kEntities, key, "e");
      if (!(*store)->Write(batch).ok()) _exit(3);
      if (i == 200) {
        // Tell the parent that writing is under way.
        std::ofstream(dir.path() + "/started") << "1";
      }
    }
  }
  while (!std::filesystem::exists(dir.path() + "/started")) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  kill(child, SIGKILL);
  int wstatus = 0;
  waitpid(child, &wstatus, 0);
  ASSERT_TRUE(WIFSIGNALED(wstatus)) << "child exited early: " << wstatus;

  auto store = Store::OpenPrimary(path, {});
  ASSERT_TRUE(store.ok()) << store.status();
  auto keys = [&](Family family) {
    std::vector<std::string> result;
    for (auto c = (*store)->NewCursor(family, "", ""); c->Valid(); c->Next()) {
      result.emplace_back(c->key());
    }
    return result;
  };
  const std::vector<std::string> articles = keys(Family::kArticles);
  EXPECT_GT(articles.size(), 200u);
  EXPECT_EQ(keys(Family::kQuotes), articles);
  EXPECT_EQ(keys(Family::kEntities), articles);
}

// The secondary instance follows the primary through flushes and compactions
// for write-once keys (overwritten keys may read stale there: see store.h).
TEST(StoreTest, SecondaryCatchesUpThroughFlushAndCompaction) {
  testing::TempDir dir;
  auto primary = Store::OpenPrimary(dir.path() + "/db", {});
  ASSERT_TRUE(primary.ok());
  auto secondary =
      Store::OpenSecondary(dir.path() + "/db", dir.path() + "/secondary");
  ASSERT_TRUE(secondary.ok()) << secondary.status();
  auto write = [&](int i) {
    Batch batch = (*primary)->NewBatch();
    batch.Put(Family::kEntities, KeyWriter().Uint64(i).key(), absl::StrCat(i));
    ASSERT_TRUE((*primary)->Write(batch).ok());
  };
  auto count_visible = [&]() {
    // Two catch-ups: after one, not everything written before it need show.
    EXPECT_TRUE((*secondary)->CatchUp().ok());
    EXPECT_TRUE((*secondary)->CatchUp().ok());
    int n = 0;
    for (auto c = (*secondary)->NewCursor(Family::kEntities, "", "");
         c->Valid(); c->Next()) {
      ++n;
    }
    return n;
  };
  write(1);
  EXPECT_EQ(count_visible(), 1);
  write(2);
  ASSERT_TRUE((*primary)->FlushAndCompact().ok());
  EXPECT_EQ(count_visible(), 2);
  write(3);
  ASSERT_TRUE((*primary)->FlushAndCompact().ok());
  write(4);
  EXPECT_EQ(count_visible(), 4);
  // Catch-ups that find the primary's logs unchanged skip the work, and the
  // next write is seen all the same, before and after a flush.
  EXPECT_EQ(count_visible(), 4);
  EXPECT_EQ(count_visible(), 4);
  write(5);
  EXPECT_EQ(count_visible(), 5);
  ASSERT_TRUE((*primary)->FlushAndCompact().ok());
  EXPECT_EQ(count_visible(), 5);
  write(6);
  EXPECT_EQ(count_visible(), 6);
}

}  // namespace
}  // namespace verbatim::storage
