// verbatim_entities_dump [--jsonl | --candidates] FILE...
//
// Runs the entity recognizer over whole files. Default output is one line per
// entity for reading; --jsonl prints the eval scorer's format (entities only,
// no quotes) so entity rules can be scored before the full pipeline runs;
// --candidates prints every candidate with its type votes, to debug rules.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "ingest_service/entities/candidate_finder.h"
#include "ingest_service/entities/entity_recognizer.h"
#include "ingest_service/entities/lexicons.h"
#include "ingest_service/entities/tokenizer.h"
#include "ingest_service/entities/type_classifier.h"

namespace {

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void PrintCandidates(const std::string& text) {
  using namespace verbatim::entities;  // NOLINT: debugging aid
  static const auto* const lex = new Lexicons(*LoadEmbeddedLexicons());
  const std::vector<Token> tokens = Tokenize(text, {});
  for (const Candidate& c : FindCandidates(text, tokens, *lex)) {
    const Classification r = Classify(text, tokens, c, *lex);
    std::cout << text.substr(r.span.begin, r.span.end - r.span.begin) << "\t"
              << EntityTypeName(r.type) << " " << r.score
              << (c.title_line ? " title" : "")
              << (tokens[c.first].sentence_start ? " initial" : "") << " [";
    for (const float v : r.votes) std::cout << v << " ";
    std::cout << "]\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  using verbatim::entities::EntityRecognizer;
  using verbatim::entities::EntityTypeName;
  auto recognizer = EntityRecognizer::Create();
  if (!recognizer.ok()) {
    std::cerr << recognizer.status() << "\n";
    return 1;
  }
  bool jsonl = false;
  bool candidates = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--jsonl") {
      jsonl = true;
      continue;
    }
    if (arg == "--candidates") {
      candidates = true;
      continue;
    }
    std::ifstream in(arg, std::ios::binary);
    if (!in) {
      std::cerr << "cannot read " << arg << "\n";
      return 1;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    if (candidates) {
      PrintCandidates(text);
      continue;
    }
    const auto analysis = (*recognizer)->Recognize(text, {});
    if (jsonl) {
      std::string line = "{\"file\": " + JsonString(BaseName(arg)) +
                         ", \"quotes\": [], \"entities\": [";
      for (size_t e = 0; e < analysis.entities.size(); ++e) {
        const auto& entity = analysis.entities[e];
        if (e > 0) line += ", ";
        line += "{\"name\": " + JsonString(entity.display_name) +
                ", \"type\": \"" + std::string(EntityTypeName(entity.type)) +
                "\", \"aliases\": [";
        for (size_t a = 0; a < entity.aliases.size(); ++a) {
          if (a > 0) line += ", ";
          line += JsonString(entity.aliases[a]);
        }
        line += "]}";
      }
      std::cout << line << "]}\n";
      continue;
    }
    std::cout << "== " << arg << "\n";
    for (const auto& entity : analysis.entities) {
      std::cout << EntityTypeName(entity.type) << "\t" << entity.display_name;
      for (const auto& alias : entity.aliases) std::cout << " | " << alias;
      std::cout << "\tgender=" << static_cast<int>(entity.gender)
                << "\ttype_score=" << entity.type_score << "\n";
    }
  }
  return 0;
}
