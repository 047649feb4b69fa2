#include "ingest_service/extraction/eval_jsonl.h"

#include "ingest_service/entities/entity.h"
#include "ingest_service/extraction/text_util.h"

namespace verbatim::extraction {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendUnicodeEscape(char32_t c, std::string& out) {
  out += "\\u";
  out += kHex[(c >> 12) & 0xF];
  out += kHex[(c >> 8) & 0xF];
  out += kHex[(c >> 4) & 0xF];
  out += kHex[c & 0xF];
}

// Length of the well-formed UTF-8 sequence at `i`, or 0.
size_t ValidSequence(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t need;
  char32_t min;
  char32_t c;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, min = 0x80, c = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    need = 2, min = 0x800, c = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, min = 0x10000, c = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + need >= s.size()) return 0;
  for (size_t k = 1; k <= need; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    c = (c << 6) | (b & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return need + 1;
}

void AppendNull(std::string& out) { out += "null"; }

}  // namespace

void AppendJsonString(std::string_view s, std::string& out) {
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      switch (b) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        default:
          if (b < 0x20 || b == 0x7F) {
            AppendUnicodeEscape(b, out);
          } else {
            out += static_cast<char>(b);
          }
      }
      ++i;
      continue;
    }
    const size_t len = ValidSequence(s, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    // U+2028/2029 are valid JSON but break JavaScript line readers.
    if (len == 3 && b == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
         static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      AppendUnicodeEscape(
          static_cast<unsigned char>(s[i + 2]) == 0xA8 ? 0x2028 : 0x2029, out);
    } else {
      out.append(s.data() + i, len);
    }
    i += len;
  }
  out += '"';
}

std::string NameId(std::string_view name) {
  std::string id;
  bool dash = false;
  for (const char ch : name) {
    const auto b = static_cast<unsigned char>(ch);
    const bool alnum = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                       (b >= 'A' && b <= 'Z') || b >= 0x80;
    if (alnum) {
      if (dash && !id.empty()) id += '-';
      dash = false;
      id += (b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : ch;
    } else {
      dash = true;
    }
  }
  return id;
}

std::string EvalJsonLine(std::string_view file, const ExtractionResult& r,
                         absl::Span<const std::string> quote_clusters,
                         absl::Span<const std::string> entity_ids) {
  const int ne = static_cast<int>(r.entities.size());
  auto entity_id = [&](int e) {
    if (static_cast<size_t>(e) < entity_ids.size() && !entity_ids[e].empty()) {
      return entity_ids[e];
    }
    return NameId(r.entities[e].display_name);
  };
  std::string out;
  out.reserve(256 + r.quotes.size() * 200 + r.entities.size() * 80);
  out += "{\"file\":";
  AppendJsonString(file, out);
  out += ",\"quotes\":[";
  for (size_t i = 0; i < r.quotes.size(); ++i) {
    const QuoteAppearance& q = r.quotes[i];
    if (i > 0) out += ',';
    out += "{\"text\":";
    AppendJsonString(q.text, out);
    out += ",\"speaker\":";
    const bool has_speaker = q.speaker >= 0 && q.speaker < ne;
    if (has_speaker) {
      AppendJsonString(r.entities[q.speaker].display_name, out);
    } else {
      AppendNull(out);
    }
    out += ",\"speaker_id\":";
    if (has_speaker) {
      AppendJsonString(entity_id(q.speaker), out);
    } else {
      AppendNull(out);
    }
    out += ",\"cluster\":";
    if (i < quote_clusters.size() && !quote_clusters[i].empty()) {
      AppendJsonString(quote_clusters[i], out);
    } else {
      AppendNull(out);
    }
    out += '}';
  }
  out += "],\"entities\":[";
  for (int e = 0; e < ne; ++e) {
    const entities::Entity& ent = r.entities[e];
    if (e > 0) out += ',';
    out += "{\"name\":";
    AppendJsonString(ent.display_name, out);
    out += ",\"type\":";
    AppendJsonString(entities::EntityTypeName(ent.type), out);
    out += ",\"id\":";
    AppendJsonString(entity_id(e), out);
    out += ",\"aliases\":[";
    for (size_t k = 0; k < ent.aliases.size(); ++k) {
      if (k > 0) out += ',';
      AppendJsonString(ent.aliases[k], out);
    }
    out += "]}";
  }
  out += "]}";
  return out;
}

}  // namespace verbatim::extraction
