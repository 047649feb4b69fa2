#include "common/storage/store.h"

#include <array>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/storage/key_codec.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/options.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/table.h"
#include "rocksdb/write_batch.h"
#include "rocksdb/write_buffer_manager.h"

namespace verbatim::storage {
namespace {

constexpr std::array<absl::string_view, static_cast<int>(Family::kCount)>
    kFamilyNames = {
        "meta",
        "articles",
        "articles_by_time",
        "articles_by_source",
        "articles_by_entity",
        "idempotency",
        "entities",
        "entity_names",
        "quotes",
        "quotes_by_time",
        "quotes_by_speaker",
        "quotes_by_entity",
        "quote_terms",
        "quote_shingles",
        "article_tombstones",
        "entity_skeletons",
        "entity_words",
        "entity_counts",
};

constexpr absl::string_view kSchemaVersionKey = "schema_version";

absl::Status ToAbsl(const rocksdb::Status& s, absl::string_view context) {
  if (s.ok()) return absl::OkStatus();
  std::string message = absl::StrCat(context, ": ", s.ToString());
  switch (s.code()) {
    case rocksdb::Status::kNotFound:
      return absl::NotFoundError(message);
    case rocksdb::Status::kInvalidArgument:
      return absl::InvalidArgumentError(message);
    case rocksdb::Status::kNotSupported:
      return absl::UnimplementedError(message);
    case rocksdb::Status::kBusy:
    case rocksdb::Status::kTryAgain:
    case rocksdb::Status::kIncomplete:  // a kMemoryOnly read needing the disk
      return absl::UnavailableError(message);
    case rocksdb::Status::kTimedOut:
      return absl::DeadlineExceededError(message);
    case rocksdb::Status::kIOError:
      // A held LOCK file means another process owns the store.
      if (s.ToString().find("lock") != std::string::npos) {
        return absl::UnavailableError(message);
      }
      return absl::InternalError(message);
    case rocksdb::Status::kCorruption:
      return absl::DataLossError(message);
    case rocksdb::Status::kAborted:
      return absl::AbortedError(message);
    default:
      return absl::InternalError(message);
  }
}

// Memory shared by all families of one process: the block cache (data,
// index and filter blocks) and the budget of all memtables together, so that
// 17 families cannot each grow a 64 MB memtable.
constexpr size_t kBlockCacheBytes = size_t{256} << 20;
constexpr size_t kMemtableBudgetBytes = size_t{256} << 20;

std::shared_ptr<rocksdb::Cache> SharedBlockCache() {
  static const auto* cache = new std::shared_ptr<rocksdb::Cache>(
      rocksdb::NewLRUCache(kBlockCacheBytes));
  return *cache;
}

// The prefix of keys that start with a String component (catalog/keys.h).
class LeadingStringTransform : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "verbatim.LeadingString"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    return rocksdb::Slice(key.data(), Length(key));
  }
  bool InDomain(const rocksdb::Slice& key) const override {
    return Length(key) > 0;
  }
  bool SameResultWhenAppended(const rocksdb::Slice& prefix) const override {
    return Length(prefix) == prefix.size();
  }

 private:
  static size_t Length(const rocksdb::Slice& key) {
    return LeadingStringLength({key.data(), key.size()});
  }
};

// How the keys of a family group into the prefixes its cursors probe: by a
// leading 8-byte id or fingerprint, by a leading String, or not at all
// (families scanned in time order or only read by whole key).
std::shared_ptr<const rocksdb::SliceTransform> PrefixExtractor(Family family) {
  switch (family) {
    case Family::kArticles:
    case Family::kQuotes:
    case Family::kQuoteShingles:
      return std::shared_ptr<const rocksdb::SliceTransform>(
          rocksdb::NewFixedPrefixTransform(8));
    case Family::kArticlesBySource:
    case Family::kArticlesByEntity:
    case Family::kEntities:
    case Family::kEntityCounts:
    case Family::kEntityNames:
    case Family::kEntitySkeletons:
    case Family::kEntityWords:
    case Family::kQuotesBySpeaker:
    case Family::kQuotesByEntity:
    case Family::kQuoteTerms:
      return std::make_shared<LeadingStringTransform>();
    default:
      return nullptr;
  }
}

rocksdb::ColumnFamilyOptions FamilyOptions(Family family) {
  rocksdb::ColumnFamilyOptions options;
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  // Point reads (idempotency keys, tombstones, index rows) use whole-key
  // filters; cursors use the prefix filters.
  table.whole_key_filtering = true;
  table.block_cache = SharedBlockCache();
  // Index and filter blocks stay with their table readers rather than in the
  // block cache: in the cache, data blocks evicted the (megabyte-sized) full
  // filters of large files, and every probe re-read and re-checksummed one
  // (the ingest rate fell from 112 to 21 articles/s past 10k articles).
  table.cache_index_and_filter_blocks = false;
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  options.prefix_extractor = PrefixExtractor(family);
  if (options.prefix_extractor != nullptr) {
    options.memtable_prefix_bloom_size_ratio = 0.05;
    // Rows of one prefix (a term's postings, an entity's articles, a
    // record's versions) are inserted next to the last one: the memtable
    // starts its skip-list search there.
    options.memtable_insert_with_hint_prefix_extractor =
        options.prefix_extractor;
  }
  options.level_compaction_dynamic_level_bytes = true;
  // Article and quote records are text: worth compressing. Index rows are
  // short keys with empty values.
  const bool text_records =
      family == Family::kArticles || family == Family::kQuotes;
  options.compression =
      text_records ? rocksdb::kZSTD : rocksdb::kLZ4Compression;
  return options;
}

std::vector<rocksdb::ColumnFamilyDescriptor> Descriptors() {
  std::vector<rocksdb::ColumnFamilyDescriptor> result;
  result.emplace_back(rocksdb::kDefaultColumnFamilyName,
                      rocksdb::ColumnFamilyOptions());
  for (int i = 0; i < static_cast<int>(Family::kCount); ++i) {
    result.emplace_back(std::string(kFamilyNames[i]),
                        FamilyOptions(static_cast<Family>(i)));
  }
  return result;
}

rocksdb::Slice ToSlice(absl::string_view s) {
  return rocksdb::Slice(s.data(), s.size());
}

absl::string_view ToView(const rocksdb::Slice& s) {
  return {s.data(), s.size()};
}

// The names and sizes of the primary's MANIFEST and WAL files: what a
// catch-up reads. The primary appends every write and every flush or
// compaction to them (WAL space is preallocated without changing the size),
// and starts new ones under new names. Empty when the directory cannot be
// read.
std::string PrimaryLogFingerprint(const std::string& primary_path) {
  std::error_code error;
  std::string fingerprint;
  for (const auto& entry :
       std::filesystem::directory_iterator(primary_path, error)) {
    const std::string name = entry.path().filename().string();
    if (!absl::StartsWith(name, "MANIFEST-") && !absl::EndsWith(name, ".log")) {
      continue;
    }
    std::error_code size_error;
    const uintmax_t size = entry.file_size(size_error);
    if (size_error) return "";
    absl::StrAppend(&fingerprint, name, ":", size, ";");
  }
  if (error) return "";
  return fingerprint;
}

}  // namespace

absl::string_view FamilyName(Family family) {
  return kFamilyNames[static_cast<int>(family)];
}

Batch::Batch(const Store* store)
    : store_(store), batch_(std::make_unique<rocksdb::WriteBatch>()) {}
Batch::~Batch() = default;
Batch::Batch(Batch&&) noexcept = default;
Batch& Batch::operator=(Batch&&) noexcept = default;

void Batch::Put(Family family, absl::string_view key, absl::string_view value) {
  batch_->Put(store_->Handle(family), ToSlice(key), ToSlice(value));
}

void Batch::Delete(Family family, absl::string_view key) {
  batch_->Delete(store_->Handle(family), ToSlice(key));
}

int Batch::count() const { return batch_->Count(); }

struct Cursor::Bounds {
  rocksdb::Slice lower;
  rocksdb::Slice upper;
  rocksdb::ReadOptions read_options;
};

Cursor::Cursor(std::string lower, std::string upper)
    : lower_(std::move(lower)),
      upper_(std::move(upper)),
      bounds_(std::make_unique<Bounds>()) {
  bounds_->lower = rocksdb::Slice(lower_);
  bounds_->upper = rocksdb::Slice(upper_);
  bounds_->read_options.iterate_lower_bound = &bounds_->lower;
  // Prefix filters only where they cannot change what a bounded scan sees.
  bounds_->read_options.auto_prefix_mode = true;
  if (!upper_.empty())
    bounds_->read_options.iterate_upper_bound = &bounds_->upper;
}
Cursor::~Cursor() = default;
bool Cursor::Valid() const { return it_->Valid(); }
absl::string_view Cursor::key() const { return ToView(it_->key()); }
absl::string_view Cursor::value() const { return ToView(it_->value()); }
void Cursor::Next() { it_->Next(); }
void Cursor::Seek(absl::string_view target) {
  it_->Seek(ToSlice(target < absl::string_view(lower_) ? lower_ : target));
}
absl::Status Cursor::status() const { return ToAbsl(it_->status(), "iterate"); }

PrefixCursor::~PrefixCursor() = default;
void PrefixCursor::Seek(absl::string_view prefix) {
  prefix_.assign(prefix.data(), prefix.size());
  it_->Seek(ToSlice(prefix_));
}
void PrefixCursor::SeekForPrev(absl::string_view prefix,
                               absl::string_view target) {
  prefix_.assign(prefix.data(), prefix.size());
  it_->SeekForPrev(ToSlice(target));
}
bool PrefixCursor::Valid() const {
  return it_->Valid() && it_->key().starts_with(ToSlice(prefix_));
}
absl::string_view PrefixCursor::key() const { return ToView(it_->key()); }
absl::string_view PrefixCursor::value() const { return ToView(it_->value()); }
void PrefixCursor::Next() { it_->Next(); }
void PrefixCursor::Prev() { it_->Prev(); }
absl::Status PrefixCursor::status() const {
  return ToAbsl(it_->status(), "iterate");
}

absl::StatusOr<std::unique_ptr<Store>> Store::OpenPrimary(
    const std::string& path, const StoreOptions& options) {
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  db_options.IncreaseParallelism(2);
  db_options.max_open_files = -1;  // required by secondary instances
  db_options.write_buffer_manager =
      std::make_shared<rocksdb::WriteBufferManager>(kMemtableBudgetBytes);
  std::unique_ptr<Store> store(new Store());
  store->options_ = options;
  rocksdb::DB* db = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  absl::Status status =
      ToAbsl(rocksdb::DB::Open(db_options, path, Descriptors(), &handles, &db),
             absl::StrCat("open store ", path));
  if (!status.ok()) return status;
  store->db_.reset(db);
  store->handles_ = std::move(handles);

  absl::StatusOr<std::string> version =
      store->Get(Family::kMeta, kSchemaVersionKey);
  if (version.ok()) {
    int stored = 0;
    if (!absl::SimpleAtoi(*version, &stored) ||
        stored < kOldestUpgradableSchemaVersion || stored > kSchemaVersion) {
      return absl::FailedPreconditionError(
          absl::StrCat("store ", path, " has schema version ", *version,
                       "; this build reads versions ",
                       kOldestUpgradableSchemaVersion, " to ", kSchemaVersion));
    }
    if (stored < kSchemaVersion) {
      // Older builds must no longer open it: they would miss what changed.
      Batch batch = store->NewBatch();
      batch.Put(Family::kMeta, kSchemaVersionKey, absl::StrCat(kSchemaVersion));
      if (absl::Status s = store->Write(batch); !s.ok()) return s;
    }
  } else if (absl::IsNotFound(version.status())) {
    Batch batch = store->NewBatch();
    batch.Put(Family::kMeta, kSchemaVersionKey, absl::StrCat(kSchemaVersion));
    if (absl::Status s = store->Write(batch); !s.ok()) return s;
  } else {
    return version.status();
  }
  return store;
}

absl::StatusOr<std::unique_ptr<Store>> Store::OpenSecondary(
    const std::string& primary_path, const std::string& secondary_path) {
  rocksdb::Options options;
  options.max_open_files = -1;
  // Every catch-up that finds new table files loads them with this many
  // threads, started and joined each time: while the primary flushes often
  // that was a fifth of the secondary's CPU, and the ingest rate rose by a
  // third without it. One thread opens a few files just as fast.
  options.max_file_opening_threads = 1;
  std::unique_ptr<Store> store(new Store());
  store->secondary_ = true;
  store->primary_path_ = primary_path;
  rocksdb::DB* db = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::Status s = rocksdb::DB::OpenAsSecondary(
      options, primary_path, secondary_path, Descriptors(), &handles, &db);
  if (!s.ok()) {
    // A missing CURRENT file means the primary has not created the store yet.
    if (s.IsInvalidArgument() || s.IsPathNotFound() ||
        s.ToString().find("No such file") != std::string::npos) {
      return absl::NotFoundError(absl::StrCat("no store at ", primary_path,
                                              " yet (", s.ToString(), ")"));
    }
    return ToAbsl(s, absl::StrCat("open secondary of ", primary_path));
  }
  store->db_.reset(db);
  store->handles_ = std::move(handles);
  return store;
}

Store::~Store() {
  if (db_ == nullptr) return;
  for (rocksdb::ColumnFamilyHandle* handle : handles_) {
    db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
  }
  db_->Close().PermitUncheckedError();
}

rocksdb::ColumnFamilyHandle* Store::Handle(Family family) const {
  // handles_[0] is the default family, unused.
  return handles_[static_cast<int>(family) + 1];
}

absl::Status Store::CatchUp() {
  if (!secondary_)
    return absl::FailedPreconditionError("not a secondary store");
  // A catch-up rebuilds the secondary's view of every table file under the
  // DB mutex even when the primary wrote nothing (about 1 ms of CPU at 1M
  // articles, every interval): skip it when the files it would read are as
  // they were when the last successful one started.
  const std::string fingerprint = PrimaryLogFingerprint(primary_path_);
  if (!fingerprint.empty()) {
    absl::MutexLock lock(&caught_up_mu_);
    if (fingerprint == caught_up_fingerprint_) return absl::OkStatus();
  }
  absl::Status status =
      ToAbsl(db_->TryCatchUpWithPrimary(), "catch up with primary");
  if (status.ok() && !fingerprint.empty()) {
    absl::MutexLock lock(&caught_up_mu_);
    caught_up_fingerprint_ = fingerprint;
  }
  return status;
}

absl::StatusOr<std::string> Store::Get(Family family,
                                       absl::string_view key) const {
  std::string value;
  rocksdb::Status s =
      db_->Get(rocksdb::ReadOptions(), Handle(family), ToSlice(key), &value);
  if (!s.ok()) return ToAbsl(s, absl::StrCat("get ", FamilyName(family)));
  return value;
}

std::vector<absl::StatusOr<std::string>> Store::MultiGet(
    Family family, const std::vector<std::string>& keys) const {
  std::vector<rocksdb::Slice> slices;
  slices.reserve(keys.size());
  for (const std::string& key : keys) slices.push_back(ToSlice(key));
  std::vector<rocksdb::ColumnFamilyHandle*> handles(keys.size(),
                                                    Handle(family));
  std::vector<std::string> values;
  std::vector<rocksdb::Status> statuses =
      db_->MultiGet(rocksdb::ReadOptions(), handles, slices, &values);
  std::vector<absl::StatusOr<std::string>> result;
  result.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (statuses[i].ok()) {
      result.emplace_back(std::move(values[i]));
    } else {
      result.emplace_back(
          ToAbsl(statuses[i], absl::StrCat("get ", FamilyName(family))));
    }
  }
  return result;
}

absl::Status Store::Write(Batch& batch) {
  if (secondary_)
    return absl::FailedPreconditionError("secondary store is read-only");
  rocksdb::WriteOptions write_options;
  write_options.sync = options_.sync;
  return ToAbsl(db_->Write(write_options, batch.batch_.get()), "write batch");
}

std::unique_ptr<Cursor> Store::NewCursor(Family family, std::string lower,
                                         std::string upper) const {
  auto cursor =
      std::unique_ptr<Cursor>(new Cursor(std::move(lower), std::move(upper)));
  cursor->it_.reset(
      db_->NewIterator(cursor->bounds_->read_options, Handle(family)));
  cursor->it_->Seek(cursor->bounds_->lower);
  return cursor;
}

std::unique_ptr<PrefixCursor> Store::NewPrefixCursor(Family family,
                                                     ReadFrom from) const {
  std::unique_ptr<PrefixCursor> cursor(new PrefixCursor());
  rocksdb::ReadOptions read_options;
  if (from == ReadFrom::kMemoryOnly)
    read_options.read_tier = rocksdb::kBlockCacheTier;
  // Families without a prefix extractor iterate in total order anyway.
  read_options.prefix_same_as_start = true;
  cursor->it_.reset(db_->NewIterator(read_options, Handle(family)));
  return cursor;
}

uint64_t Store::LatestSequenceNumber() const {
  return db_->GetLatestSequenceNumber();
}

absl::Status Store::FlushAndCompact() {
  for (int i = 0; i < static_cast<int>(Family::kCount); ++i) {
    rocksdb::ColumnFamilyHandle* handle = Handle(static_cast<Family>(i));
    if (absl::Status s =
            ToAbsl(db_->Flush(rocksdb::FlushOptions(), handle), "flush");
        !s.ok()) {
      return s;
    }
    if (absl::Status s =
            ToAbsl(db_->CompactRange(rocksdb::CompactRangeOptions(), handle,
                                     nullptr, nullptr),
                   "compact");
        !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace verbatim::storage
