// The RocksDB store: column families, batches, point reads and range cursors.
//
// This is the only place where rocksdb::Status becomes absl::Status. Other
// modules see Family values and encoded keys (key_codec.h), never RocksDB
// types.
//
// Secondary instances (RocksDB 7.8) can keep serving an old value of a key the
// primary overwrote or deleted and then flushed, until their memtable is
// rebuilt. Callers therefore write records once under new keys and read the
// newest version (see catalog/), and validate index rows against records.
//
// Thread-safety: a Store is safe for concurrent use. A Batch or Cursor belongs
// to one thread.
#ifndef VERBATIM_COMMON_STORAGE_STORE_H_
#define VERBATIM_COMMON_STORAGE_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace rocksdb {
class ColumnFamilyHandle;
class DB;
class Iterator;
struct ReadOptions;
class WriteBatch;
}  // namespace rocksdb

namespace verbatim::storage {

// One column family per record kind and per index. Keys are documented in
// schema.h. The numeric order is the order families are opened in.
enum class Family : int {
  kMeta = 0,
  kArticles,
  kArticlesByTime,
  kArticlesBySource,
  kArticlesByEntity,
  kIdempotency,
  kEntities,
  kEntityNames,
  kQuotes,
  kQuotesByTime,
  kQuotesBySpeaker,
  kQuotesByEntity,  // unused since schema 2 (catalog/keys.h)
  kQuoteTerms,
  kQuoteShingles,
  kArticleTombstones,
  kEntitySkeletons,
  kEntityWords,
  kEntityCounts,
  kCount,  // not a family
};

// Returns the family's RocksDB name, e.g. "articles_by_time".
absl::string_view FamilyName(Family family);

// Where a cursor may read from. kMemoryOnly reads only the memtables and the
// block cache: a read that would need the disk fails (UNAVAILABLE) instead of
// waiting, so a caller can serve what is in memory at once and hand the rest
// to other threads.
enum class ReadFrom { kAnywhere, kMemoryOnly };

struct StoreOptions {
  // fsync the WAL on every write. Without it an acknowledged write survives a
  // process crash but not a power loss.
  bool sync = false;
};

class Store;

// Writes that are applied together or not at all.
class Batch {
 public:
  ~Batch();
  Batch(Batch&&) noexcept;
  Batch& operator=(Batch&&) noexcept;

  void Put(Family family, absl::string_view key, absl::string_view value);
  void Delete(Family family, absl::string_view key);
  int count() const;

 private:
  friend class Store;
  explicit Batch(const Store* store);
  const Store* store_;
  std::unique_ptr<rocksdb::WriteBatch> batch_;
};

// Iterates the keys of one family in [lower, upper), ascending. Keeps a
// consistent view of the store as of its creation.
class Cursor {
 public:
  ~Cursor();
  bool Valid() const;
  absl::string_view key() const;
  absl::string_view value() const;
  void Next();
  // Positions at the first key >= target (within the bounds).
  void Seek(absl::string_view target);
  // OK, or the error that ended iteration early.
  absl::Status status() const;

 private:
  friend class Store;
  Cursor(std::string lower, std::string upper);
  // The iterator holds pointers into the bounds and read options: they are
  // declared first so they outlive it.
  std::string lower_;
  std::string upper_;
  struct Bounds;
  std::unique_ptr<Bounds> bounds_;
  std::unique_ptr<rocksdb::Iterator> it_;
};

// Reads the keys under one prefix at a time and can be re-aimed at another
// prefix: far cheaper than a Cursor per prefix when one operation probes many
// (records by id, posting lists). Keeps a consistent view of the store as of
// its creation.
//
// A prefix is a whole first key component of the family (an 8-byte id or
// fingerprint, or a String component; catalog/keys.h), so that the family's
// prefix Bloom filters can skip files that cannot hold it.
class PrefixCursor {
 public:
  ~PrefixCursor();
  // Positions at the first key starting with `prefix`.
  void Seek(absl::string_view prefix);
  // Positions at the last key starting with `prefix` that is <= `target`
  // (which starts with `prefix`), for reading a prefix backwards.
  void SeekForPrev(absl::string_view prefix, absl::string_view target);
  // True while positioned on a key starting with the sought prefix.
  bool Valid() const;
  absl::string_view key() const;
  absl::string_view value() const;
  void Next();
  void Prev();
  // OK, or the error that ended iteration early.
  absl::Status status() const;

 private:
  friend class Store;
  PrefixCursor() = default;
  std::string prefix_;
  std::unique_ptr<rocksdb::Iterator> it_;
};

class Store {
 public:
  // Opens (creating when missing) the primary, read-write store at `path` and
  // records the schema version. FAILED_PRECONDITION on a store written by an
  // incompatible schema; UNAVAILABLE when another process holds the lock.
  static absl::StatusOr<std::unique_ptr<Store>> OpenPrimary(
      const std::string& path, const StoreOptions& options);

  // Opens a read-only secondary instance that follows the primary at
  // `primary_path`, keeping its own files in `secondary_path`. NOT_FOUND when
  // no primary store exists there yet.
  static absl::StatusOr<std::unique_ptr<Store>> OpenSecondary(
      const std::string& primary_path, const std::string& secondary_path);

  ~Store();

  // Secondary only: replays what the primary wrote since the last call. After
  // one call a later write may be visible before an earlier one; a second call
  // makes everything the primary had written before the first one visible.
  absl::Status CatchUp();

  // Returns the value, NOT_FOUND when the key is absent.
  absl::StatusOr<std::string> Get(Family family, absl::string_view key) const;

  // Reads several keys of one family at once, in a consistent view; absent
  // keys yield NOT_FOUND entries.
  std::vector<absl::StatusOr<std::string>> MultiGet(
      Family family, const std::vector<std::string>& keys) const;

  Batch NewBatch() const { return Batch(this); }

  // Applies the batch atomically (WAL always on).
  absl::Status Write(Batch& batch);

  // A cursor over [lower, upper) of `family`; an empty upper means no bound.
  std::unique_ptr<Cursor> NewCursor(Family family, std::string lower,
                                    std::string upper) const;

  // A re-aimable cursor over `family`; Seek it before use.
  std::unique_ptr<PrefixCursor> NewPrefixCursor(
      Family family, ReadFrom from = ReadFrom::kAnywhere) const;

  // The sequence number of the last write visible to this instance.
  uint64_t LatestSequenceNumber() const;

  // Flushes memtables and compacts every family (tests and maintenance).
  absl::Status FlushAndCompact();

 private:
  Store() = default;
  friend class Batch;
  rocksdb::ColumnFamilyHandle* Handle(Family family) const;

  StoreOptions options_;
  bool secondary_ = false;
  std::string primary_path_;  // of a secondary
  // What the primary's logs looked like when the last successful catch-up
  // started (CatchUp).
  absl::Mutex caught_up_mu_;
  std::string caught_up_fingerprint_ ABSL_GUARDED_BY(caught_up_mu_);
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
};

// The schema version this build reads and writes. OpenPrimary upgrades a
// store of an older version from kOldestUpgradableSchemaVersion on in place
// (it only marks it; the versions differ in rows this build never reads):
//   2 -> 3: search stop words lost their term rows (text/stop_words.h); the
//           rows of a version-2 store stay unread.
inline constexpr int kSchemaVersion = 3;
inline constexpr int kOldestUpgradableSchemaVersion = 2;

}  // namespace verbatim::storage

#endif  // VERBATIM_COMMON_STORAGE_STORE_H_
