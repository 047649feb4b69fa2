#include "ingest_service/extraction/article_file.h"

#include <optional>

#include "ingest_service/extraction/text_util.h"

namespace verbatim::extraction {

namespace {

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

std::string_view StripBom(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

// Returns the line starting at `pos` without its terminator and advances
// `pos` past the terminator.
std::string_view NextLine(std::string_view s, size_t& pos) {
  const size_t nl = s.find('\n', pos);
  const size_t end = nl == std::string_view::npos ? s.size() : nl;
  std::string_view line = s.substr(pos, end - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = nl == std::string_view::npos ? s.size() : nl + 1;
  return line;
}

// "key: value" for one of the header keys; nullopt otherwise.
std::optional<std::pair<std::string_view, std::string_view>> HeaderField(
    std::string_view line) {
  static constexpr std::string_view kKeys[] = {"title", "date", "source",
                                               "url"};
  for (std::string_view key : kKeys) {
    if (line.size() > key.size() && StartsWithIgnoreCase(line, key) &&
        line[key.size()] == ':') {
      return std::make_pair(key, TrimSpaces(line.substr(key.size() + 1)));
    }
  }
  return std::nullopt;
}

}  // namespace

ArticleFile ParseArticleFile(std::string_view contents) {
  ArticleFile out;
  std::string_view s = StripBom(contents);

  // Form 1: a block of header lines ended by a blank line (or end of file).
  {
    size_t pos = 0;
    ArticleFile header;
    bool any = false;
    bool valid = true;
    while (pos < s.size()) {
      const size_t line_start = pos;
      std::string_view line = NextLine(s, pos);
      if (TrimSpaces(line).empty()) {
        if (!any) valid = false;
        break;
      }
      const auto field = HeaderField(line);
      if (!field.has_value()) {
        valid = false;
        pos = line_start;
        break;
      }
      any = true;
      const auto [key, value] = *field;
      if (key == "title") header.title = std::string(value);
      if (key == "date") header.date = std::string(value);
      if (key == "source") header.source = std::string(value);
      if (key == "url") header.url = std::string(value);
    }
    if (any && valid) {
      header.body = std::string(s.substr(pos));
      return header;
    }
  }

  // Form 2: " date YYYY-MM-DD " prefix on the first line.
  {
    std::string_view t = s;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) {
      t.remove_prefix(1);
    }
    if (StartsWithIgnoreCase(t, "date") && t.size() > 4 &&
        (t[4] == ' ' || t[4] == '\t' || t[4] == ':')) {
      std::string_view rest = t.substr(5);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) {
        rest.remove_prefix(1);
      }
      if (rest.size() >= 10 && IsIsoDate(rest.substr(0, 10)) &&
          (rest.size() == 10 || rest[10] == ' ' || rest[10] == '\t' ||
           rest[10] == '\n' || rest[10] == '\r')) {
        out.date = std::string(rest.substr(0, 10));
        rest.remove_prefix(10);
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) {
          rest.remove_prefix(1);
        }
        out.body = std::string(rest);
        return out;
      }
    }
  }

  // Form 3: no header.
  out.body = std::string(s);
  return out;
}

}  // namespace verbatim::extraction
