#include "query_service/query/index_scan.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "common/paging/page_token.h"
#include "common/status/errors.h"
#include "common/storage/key_codec.h"
#include "google/protobuf/util/time_util.h"
#include "query_service/query/query_engine.h"

namespace verbatim::query {
using google::protobuf::util::TimeUtil;

absl::StatusOr<PageRequest> ParsePageRequest(
    const google::protobuf::Message& request, int32_t page_size,
    const std::string& page_token) {
  if (page_size < 0) {
    return status::InvalidField(
        "page_size", absl::StrCat("must not be negative; got ", page_size));
  }
  PageRequest page;
  page.size =
      page_size == 0 ? kDefaultPageSize : std::min(page_size, kMaxPageSize);
  std::unique_ptr<google::protobuf::Message> filters(request.New());
  filters->CopyFrom(request);
  const google::protobuf::Descriptor* descriptor = filters->GetDescriptor();
  const google::protobuf::Reflection* reflection = filters->GetReflection();
  for (const char* field : {"page_size", "page_token"}) {
    if (const auto* f = descriptor->FindFieldByName(field))
      reflection->ClearField(filters.get(), f);
  }
  page.filters =
      absl::StrCat(descriptor->full_name(), ":", filters->SerializeAsString());
  if (!page_token.empty()) {
    auto key = paging::DecodePageToken(page_token, page.filters);
    if (!key.ok()) return key.status();
    page.resume_key = *std::move(key);
  }
  return page;
}

absl::StatusOr<std::string> ScanIndexPage(
    const storage::Store& store, storage::Family family,
    const std::string& lower, const std::string& upper, const PageRequest& page,
    const std::function<absl::StatusOr<bool>(absl::string_view key)>& visit,
    const std::function<bool()>& full,
    const std::function<void(const std::vector<std::string>& keys)>&
        read_ahead) {
  auto cursor = store.NewCursor(family, lower, upper);
  if (!page.resume_key.empty()) cursor->Seek(page.resume_key);
  int added = 0;
  std::vector<std::string> keys;
  while (true) {
    keys.clear();
    for (; cursor->Valid() && std::ssize(keys) < page.size - added;
         cursor->Next()) {
      keys.emplace_back(cursor->key());
    }
    if (absl::Status s = cursor->status(); !s.ok()) return s;
    if (keys.empty()) return std::string();
    if (read_ahead) read_ahead(keys);
    for (const std::string& key : keys) {
      if (added > 0 && full && full()) {
        return paging::EncodePageToken(key, page.filters);
      }
      absl::StatusOr<bool> took = visit(key);
      if (!took.ok()) return took.status();
      if (*took) ++added;
    }
    if (added == page.size) {
      return cursor->Valid()
                 ? paging::EncodePageToken(cursor->key(), page.filters)
                 : std::string();
    }
  }
}

absl::StatusOr<KeyRange> TimeRange(const std::string& prefix,
                                   const google::protobuf::Timestamp* start,
                                   const google::protobuf::Timestamp* end) {
  for (const auto& [time, field] :
       {std::pair{start, "start_time"}, std::pair{end, "end_time"}}) {
    if (time != nullptr && (time->seconds() < TimeUtil::kTimestampMinSeconds ||
                            time->seconds() > TimeUtil::kTimestampMaxSeconds ||
                            time->nanos() < 0 || time->nanos() > 999999999)) {
      return status::InvalidField(
          field, "must be between 0001-01-01 and 9999-12-31 UTC");
    }
  }
  KeyRange range{prefix, storage::PrefixSuccessor(prefix)};
  int64_t start_us = 0;
  int64_t end_us = 0;
  if (start != nullptr) start_us = TimeUtil::TimestampToMicroseconds(*start);
  if (end != nullptr) end_us = TimeUtil::TimestampToMicroseconds(*end);
  if (start != nullptr && end != nullptr && start_us >= end_us) {
    return status::InvalidField("end_time", "must be after start_time");
  }
  // Times descend in keys: the newest allowed time (end - 1us) is the lower
  // bound; everything older than start lies at or past the upper bound.
  if (end != nullptr) {
    range.lower = storage::KeyWriter().Int64Descending(end_us - 1).Release();
    range.lower.insert(0, prefix);
  }
  if (start != nullptr) {
    range.upper = storage::KeyWriter().Int64Descending(start_us - 1).Release();
    range.upper.insert(0, prefix);
  }
  return range;
}

}  // namespace verbatim::query
