// Parses the on-disk article format used by the corpora and the CLI.
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_ARTICLE_FILE_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_ARTICLE_FILE_H_

#include <string>
#include <string_view>

namespace verbatim::extraction {

struct ArticleFile {
  std::string title, source, url;
  std::string date;  // "YYYY-MM-DD" as written in the header, empty if none
  std::string body;  // everything after the header
};

// Never fails: a file with no header is all body. Understands
//  - a header of `title:`, `date:`, `source:`, `url:` lines ended by a blank
//    line (keys in any order, case-insensitive);
//  - a bare ` date YYYY-MM-DD ` prefix followed by body text on the same line;
//  - no header at all.
ArticleFile ParseArticleFile(std::string_view contents);

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_ARTICLE_FILE_H_
