#include "common/storage/key_codec.h"

namespace verbatim::storage {
namespace {

constexpr uint64_t kSignBit = uint64_t{1} << 63;

void AppendBigEndian(uint64_t value, std::string& out) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xFF));
  }
}

bool ReadBigEndian(absl::string_view& in, uint64_t* value) {
  if (in.size() < 8) return false;
  uint64_t result = 0;
  for (int i = 0; i < 8; ++i) {
    result = (result << 8) | static_cast<uint8_t>(in[i]);
  }
  in.remove_prefix(8);
  *value = result;
  return true;
}

}  // namespace

KeyWriter& KeyWriter::Uint64(uint64_t value) {
  AppendBigEndian(value, key_);
  return *this;
}

KeyWriter& KeyWriter::Int64(int64_t value) {
  AppendBigEndian(static_cast<uint64_t>(value) ^ kSignBit, key_);
  return *this;
}

KeyWriter& KeyWriter::Int64Descending(int64_t value) {
  AppendBigEndian(~(static_cast<uint64_t>(value) ^ kSignBit), key_);
  return *this;
}

KeyWriter& KeyWriter::String(absl::string_view value) {
  for (char c : value) {
    key_.push_back(c);
    if (c == '\0') key_.push_back('\xFF');
  }
  key_.push_back('\0');
  key_.push_back('\x01');
  return *this;
}

bool KeyReader::Uint64(uint64_t* value) { return ReadBigEndian(rest_, value); }

bool KeyReader::Int64(int64_t* value) {
  uint64_t raw;
  if (!ReadBigEndian(rest_, &raw)) return false;
  *value = static_cast<int64_t>(raw ^ kSignBit);
  return true;
}

bool KeyReader::Int64Descending(int64_t* value) {
  uint64_t raw;
  if (!ReadBigEndian(rest_, &raw)) return false;
  *value = static_cast<int64_t>(~raw ^ kSignBit);
  return true;
}

bool KeyReader::String(std::string* value) {
  value->clear();
  for (size_t i = 0; i < rest_.size(); ++i) {
    if (rest_[i] != '\0') {
      value->push_back(rest_[i]);
      continue;
    }
    if (i + 1 >= rest_.size()) break;
    if (rest_[i + 1] == '\x01') {
      rest_.remove_prefix(i + 2);
      return true;
    }
    if (rest_[i + 1] != '\xFF') break;
    value->push_back('\0');
    ++i;
  }
  rest_ = {};
  return false;
}

size_t LeadingStringLength(absl::string_view key) {
  for (size_t i = 0; i + 1 < key.size(); ++i) {
    if (key[i] != '\0') continue;
    if (key[i + 1] == '\x01') return i + 2;
    if (key[i + 1] != '\xFF') return 0;
    ++i;  // an escaped NUL
  }
  return 0;
}

std::string PrefixSuccessor(absl::string_view prefix) {
  std::string result(prefix);
  while (!result.empty()) {
    if (static_cast<uint8_t>(result.back()) != 0xFF) {
      result.back() =
          static_cast<char>(static_cast<uint8_t>(result.back()) + 1);
      return result;
    }
    result.pop_back();
  }
  return result;
}

}  // namespace verbatim::storage
