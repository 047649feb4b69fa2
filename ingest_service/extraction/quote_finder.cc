#include "ingest_service/extraction/quote_finder.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "ingest_service/extraction/lexicon.h"
#include "ingest_service/extraction/text_util.h"

namespace verbatim::extraction {

namespace {

struct Open {
  QuoteMark mark;
  size_t pos;  // offset of the mark
  size_t len;  // byte length of the mark
};

bool OpensContext(char32_t prev) {
  return prev == 0 || IsSpace(prev) || prev == '(' || prev == '[' ||
         prev == '{' || prev == '/' || IsDash(prev) || prev == 0x201C ||
         prev == 0x2018 || prev == '"' || prev == '\'' || prev == 0xAB ||
         prev == ':' || prev == '>';
}

bool ClosesContext(char32_t next) {
  return next == 0 || IsSpace(next) || next == '.' || next == ',' ||
         next == ';' || next == ':' || next == '!' || next == '?' ||
         next == ')' || next == ']' || IsDash(next) || next == 0x2026 ||
         next == 0x201D || next == 0x2019 || next == '"' || next == '\'' ||
         next == 0xBB;
}

// Words that may stay lower case in a title ("Return of the King"). Loaded
// once: FindQuotes is a free function, and the file is compiled in.
const text::Lexicon& TitleFunctionWords() {
  static const text::Lexicon& lexicon =
      EmbeddedLexicon("title_function_words.txt");
  return lexicon;
}

const text::Lexicon& TitlePrepositions() {
  static const text::Lexicon& lexicon =
      EmbeddedLexicon("title_prepositions.txt");
  return lexicon;
}

// Whether the word before byte `pos` (spaces skipped) is a title
// preposition, or a possessive after one ("on CBS's").
bool AfterTitlePreposition(std::string_view text, size_t pos) {
  auto word_before = [&](size_t end) {
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '\n') {
      --begin;
    }
    return std::pair<size_t, size_t>{begin, end};
  };
  auto [begin, end] = word_before(pos);
  std::string_view word = text.substr(begin, end - begin);
  if (word.ends_with("'s") || word.ends_with("\u2019s")) {
    std::tie(begin, end) = word_before(begin);
    word = text.substr(begin, end - begin);
  }
  return !word.empty() && TitlePrepositions().ContainsFolded(word);
}

void Describe(std::string_view text, QuoteCandidate& q,
              std::vector<Token>& scratch) {
  const text::Lexicon& title_words = TitleFunctionWords();
  // Only short spans can be titles, so a long quote needs just its first
  // words: tokenize a prefix and fall back to the whole span if it is short.
  constexpr size_t kPrefixBytes = 160;
  scratch.clear();
  if (q.inner.end - q.inner.begin > kPrefixBytes) {
    size_t cut = q.inner.begin + kPrefixBytes;
    while (cut < q.inner.end &&
           (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
      ++cut;
    }
    Tokenize(text, {q.inner.begin, cut}, scratch);
    int prefix_words = 0;
    for (const Token& t : scratch) prefix_words += t.kind == TokenKind::kWord;
    if (prefix_words <= kWordCap) {
      scratch.clear();
      Tokenize(text, q.inner, scratch);
    }
  } else {
    Tokenize(text, q.inner, scratch);
  }
  int words = 0;
  bool title = true;
  bool first = true;
  bool pending_terminal = false;
  for (const Token& t : scratch) {
    const std::string_view s =
        text.substr(t.span.begin, t.span.end - t.span.begin);
    if (t.kind == TokenKind::kPunct) {
      const char32_t c = CharAt(s, 0);
      if (c == '.' || c == '!' || c == '?' || c == 0x2026) {
        q.has_terminal = true;
        pending_terminal = true;
      }
      continue;
    }
    if (pending_terminal) q.inner_terminal = true;
    ++words;
    size_t len;
    char32_t c = DecodeAt(s, 0, len);
    if (c == '.' && s.size() > 1) c = DecodeAt(s, 1, len);
    const bool upper = IsUpper(c) || IsDigit(c);
    if (first) q.starts_upper = upper;
    if (title && !upper && (first || !title_words.ContainsFolded(s))) {
      title = false;
    }
    first = false;
  }
  // A trailing comma or semicolon means the quote is a clause cut by a frame.
  const std::string_view tail =
      TrimSpaces(text.substr(q.inner.begin, q.inner.end - q.inner.begin));
  if (!tail.empty() && (tail.back() == ',' || tail.back() == ';')) {
    q.has_terminal = true;
  }
  q.words = std::min(words, kWordCap + 1);
  q.title_case = words > 0 && words <= kWordCap && title;
  q.after_title_preposition =
      q.title_case && AfterTitlePreposition(text, q.outer.begin);
}

// Handles one paragraph; appends every span (top-level or nested) to `out`.
void PairParagraph(std::string_view text, entities::TextSpan para, int index,
                   std::vector<QuoteCandidate>& out) {
  std::vector<Open> stack;
  auto emit = [&](const Open& o, size_t close_pos, size_t close_len,
                  bool closed) {
    QuoteCandidate q;
    q.inner = {o.pos + o.len, close_pos};
    q.outer = {o.pos, close_pos + close_len};
    q.paragraph = index;
    q.mark = o.mark;
    q.closed = closed;
    out.push_back(q);
  };
  // Pops to the innermost opener of `mark`, stopping at a double quote when
  // closing a single one (a single close never ends an outer double quote).
  auto close = [&](QuoteMark mark, size_t pos, size_t len) -> bool {
    for (size_t k = stack.size(); k-- > 0;) {
      if (stack[k].mark == mark) {
        emit(stack[k], pos, len, true);
        stack.resize(k);
        return true;
      }
      if (mark == QuoteMark::kSingle && stack[k].mark != QuoteMark::kSingle) {
        return false;
      }
    }
    return false;
  };
  auto has_open = [&](QuoteMark mark) {
    for (size_t k = stack.size(); k-- > 0;) {
      if (stack[k].mark == mark) return true;
      if (mark == QuoteMark::kSingle && stack[k].mark != QuoteMark::kSingle) {
        return false;
      }
    }
    return false;
  };

  // '"This is a sad day, Brooks said. "We failed."': a straight opener
  // while another is open on top of the stack means that one lost its
  // closing mark. It ends at its first clause break (", " or ". "), where
  // the frame begins; without one it stays open.
  auto close_missing = [&](size_t next_open) {
    if (stack.empty() || stack.back().mark != QuoteMark::kDouble ||
        text[stack.back().pos] != '"') {
      return;
    }
    const Open o = stack.back();
    const std::string_view between =
        text.substr(o.pos + o.len, next_open - o.pos - o.len);
    size_t cut = std::string_view::npos;
    for (const std::string_view brk : {", ", ". ", "? ", "! "}) {
      cut = std::min(cut, between.find(brk));
    }
    if (cut == std::string_view::npos) return;
    stack.pop_back();
    emit(o, o.pos + o.len + cut + 1, 0, true);
  };

  // The first ’ read as a plural possessive while a single was open.
  constexpr size_t kNone = std::string_view::npos;
  struct {
    size_t opener = kNone;
    size_t pos = 0;
    size_t len = 0;
  } possessive_close;

  size_t i = para.begin;
  while (i < para.end) {
    // Every mark is '"', '\'' or starts with 0xE2 (“ ” ‘ ’) / 0xC2 (« »).
    i = FindAnyOf4(text, i, para.end, '"', '\'', '\xE2', '\xC2');
    if (i >= para.end) break;
    size_t len;
    const char32_t c = DecodeAt(text, i, len);
    const char32_t prev = i > para.begin ? CharBefore(text, i) : 0;
    const char32_t next = i + len < para.end ? CharAt(text, i + len) : 0;
    switch (c) {
      case 0x201C:  // “
        stack.push_back({QuoteMark::kDouble, i, len});
        break;
      case 0x201D:  // ”
        close(QuoteMark::kDouble, i, len);
        break;
      case '"': {
        const bool open_ctx = OpensContext(prev);
        const bool close_ctx = ClosesContext(next);
        if (has_open(QuoteMark::kDouble) && (close_ctx || !open_ctx)) {
          close(QuoteMark::kDouble, i, len);
        } else if (open_ctx && !IsSpace(next) && next != 0) {
          close_missing(i);
          stack.push_back({QuoteMark::kDouble, i, len});
        }
        break;
      }
      case 0xAB:  // «
        stack.push_back({QuoteMark::kGuillemet, i, len});
        break;
      case 0xBB:  // »
        close(QuoteMark::kGuillemet, i, len);
        break;
      case 0x2018:  // ‘ — unless an elision: ‘90s, rock ‘n’ roll
        if (IsDigit(next)) break;
        if ((next == 'n' || next == 'N') &&
            CharAt(text, i + len + 1) == 0x2019) {
          i += len + 1 + 3;  // skip n’
          continue;
        }
        stack.push_back({QuoteMark::kSingle, i, len});
        break;
      case 0x2019:  // ’ — apostrophe unless it can close an open single
      case '\'': {
        const bool word_prev = IsWordChar(prev);
        const bool word_next = IsWordChar(next);
        if (word_prev && word_next) break;  // it’s, O’Brien
        // Doubled apostrophes ('') are a typewriter convention, not one of
        // the marks we pair; a lone ' beside them is not a mark either.
        if (c == '\'' && (prev == '\'' || next == '\'')) break;
        // "the players’ view": after a plural 's' and before a lowercase
        // word, ’ is a possessive; speech closes after punctuation instead.
        const bool plural_possessive = (prev == 's' || prev == 'S') &&
                                       next == ' ' &&
                                       IsLower(CharAt(text, i + len + 1));
        if (has_open(QuoteMark::kSingle) && !word_next && !plural_possessive) {
          close(QuoteMark::kSingle, i, len);
          break;
        }
        if (plural_possessive && has_open(QuoteMark::kSingle) &&
            possessive_close.opener == kNone) {
          for (size_t k = stack.size(); k-- > 0;) {
            if (stack[k].mark != QuoteMark::kSingle) continue;
            possessive_close = {stack[k].pos, i, len};
            break;
          }
        }
        // ’90s, ’em, ’n’: elisions, never openers.
        if (c == '\'' && OpensContext(prev) && word_next && !IsDigit(next)) {
          stack.push_back({QuoteMark::kSingle, i, len});
        }
        break;
      }
      default:
        break;
    }
    i += len;
  }
  // "had been ‘planned for days’ and": a single left open closes at the
  // plural possessive it passed, which had no other way to close; one
  // opening the paragraph may run on into the next.
  for (size_t k = 0; k < stack.size(); ++k) {
    if (stack[k].pos != possessive_close.opener || stack[k].pos == para.begin) {
      continue;
    }
    emit(stack[k], possessive_close.pos, possessive_close.len, true);
    stack.resize(k);
    break;
  }
  // Unclosed doubles run to the paragraph end; unclosed singles are more
  // often elisions or possessives than quotes, so they are dropped, except
  // a ‘ opening a sentence or following a colon or comma, or a ' opening the
  // paragraph (the first part of
  // a British multi-paragraph quote: "‘A,’ she said. ‘B ...¶‘C.’").
  auto opens_sentence = [&](const Open& o) {
    const char32_t mark = CharAt(text, o.pos);
    if ((mark != 0x2018 && mark != '\'') ||
        !IsUpper(CharAt(text, o.pos + o.len))) {
      return false;
    }
    size_t b = o.pos;
    while (b > para.begin && text[b - 1] == ' ') --b;
    if (b == para.begin) return true;
    if (mark == '\'') return false;  // inside a paragraph, too often an elision
    const char32_t before = CharBefore(text, b);
    // "she said: ‘I saw it ...", "she said, ‘I rang ...": after a colon or
    // comma too.
    return before == '.' || before == '?' || before == '!' || before == ':' ||
           before == ',' || before == 0x2019 || before == 0x201D;
  };
  for (const Open& o : stack) {
    if (o.mark != QuoteMark::kSingle || opens_sentence(o)) {
      emit(o, para.end, 0, false);
      break;  // the outermost one covers any inner unclosed mark
    }
  }
}

bool Overlaps(entities::TextSpan a, entities::TextSpan b) {
  return a.begin < b.end && b.begin < a.end;
}

}  // namespace

std::vector<QuoteCandidate> FindQuotes(
    std::string_view text, const Segmentation& seg,
    absl::Span<const entities::TextSpan> boilerplate) {
  std::vector<QuoteCandidate> all;
  std::vector<QuoteCandidate> out;
  std::vector<Token> scratch;
  size_t bp = 0;
  for (size_t p = 0; p < seg.paragraphs.size(); ++p) {
    const entities::TextSpan para = seg.paragraphs[p];
    while (bp < boilerplate.size() && boilerplate[bp].end <= para.begin) ++bp;
    if (bp < boilerplate.size() && Overlaps(boilerplate[bp], para)) continue;
    all.clear();
    PairParagraph(text, para, static_cast<int>(p), all);
    // Closing order is inner-first; sort by start, outer spans first.
    std::sort(all.begin(), all.end(),
              [](const QuoteCandidate& a, const QuoteCandidate& b) {
                if (a.outer.begin != b.outer.begin) {
                  return a.outer.begin < b.outer.begin;
                }
                return a.outer.end > b.outer.end;
              });
    // Closed spans nested in a closed span are part of its text. Inside an
    // unclosed span they are kept, flagged, because the opener may be a stray
    // mark rather than a multi-paragraph quote.
    size_t cover_end = 0;
    size_t open_end = 0;
    for (QuoteCandidate& q : all) {
      if (q.outer.begin < cover_end) continue;
      if (q.inner.end <= q.inner.begin) continue;  // empty “”
      q.nested = q.outer.begin < open_end;
      Describe(text, q, scratch);
      if (q.closed) {
        cover_end = q.outer.end;
      } else {
        open_end = q.outer.end;
      }
      out.push_back(q);
    }
  }
  // Multi-paragraph quotes: an unclosed part followed by a paragraph that
  // opens with a mark.
  for (QuoteCandidate& q : out) {
    if (q.closed ||
        q.paragraph + 1 >= static_cast<int>(seg.paragraphs.size())) {
      continue;
    }
    const entities::TextSpan next = seg.paragraphs[q.paragraph + 1];
    const char32_t c = CharAt(text, next.begin);
    q.continues_next_paragraph =
        next.begin < next.end &&
        (c == 0x201C || (c == '"' && q.mark == QuoteMark::kDouble) ||
         ((c == 0x2018 || c == '\'') && q.mark == QuoteMark::kSingle) ||
         (c == 0xAB && q.mark == QuoteMark::kGuillemet));
  }
  return out;
}

}  // namespace verbatim::extraction
