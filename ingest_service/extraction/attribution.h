// Stage 5: finds who a quote is attributed to, as text (a name, a pronoun, a
// description) or as a link to another quote. Resolution to entities happens
// later (speaker_resolver.h), so this stage is pure text analysis.
//
// Rules form a cascade from high to low precision; the first that fires wins
// and records its name, a confidence and the printed cue:
//   post_name_verb   “Q,” NAME said            0.95
//   post_verb_name   “Q,” said NAME            0.93
//   dash             “Q” — NAME                0.85
//   pre_name_verb    NAME said: “Q” / NAME said, “Q”    0.9
//   pre_name_verb_that  NAME said that ... “FRAGMENT”    0.8
//   according_to     ... according to NAME     0.85
//   label            NAME: “Q” (transcripts, interviews)  0.75
//   headline_label   Name: “Q” opening a headline or list item  0.6
//   continuation     “A,” she said. “B.” (B continues A)  0.85
//   carry_over       a quote paragraph without a frame continues the
//                    previous paragraph's speaker           0.6
//   pre_verb_name    Said NAME: “Q”                         0.9
//   pre_subject_participle  NAME did X, saying “Q”          0.7
//   pre_paragraph_colon     NAME said:\n“Q” (block quote)   0.8
//   previous_sentence ..., NAME said. “Q”                   0.7
//   carry_back       earlier unclosed parts of a multi-paragraph quote take
//                    the speaker of its framed last part      0.6
//   paragraph_intro  a multi-paragraph quote introduced by the previous
//                    paragraph's cue ("She explained why.\n“A ...\n“B.”");
//                    later parts carry over                   0.7
//   paragraph_subject  the same without a cue, the name opening that
//                    paragraph's last sentence ("Lee read a statement.");
//                    before a colon also a pronoun or description  0.5 / 0.7
// Pronoun and description subjects lower the confidence by 0.1 / 0.2 and
// append "/pronoun" or "/description" to the rule name.
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_ATTRIBUTION_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_ATTRIBUTION_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "ingest_service/entities/entity.h"
#include "ingest_service/extraction/lexicon.h"
#include "ingest_service/extraction/quote_finder.h"
#include "ingest_service/extraction/segmenter.h"

namespace verbatim::extraction {

enum class SubjectKind {
  kNone,          // no frame found
  kName,          // `subject` is a proper name
  kPronoun,       // `subject` is he/she/they...
  kDescription,   // `subject` is "the mayor", "the Compton rapper"
  kContinuation,  // same speaker as quote `link` (split quote)
  kCarryOver,     // same speaker as quote `link` (previous paragraph)
};

struct Attribution {
  SubjectKind kind = SubjectKind::kNone;
  entities::TextSpan subject;  // the subject words, honorifics stripped
  entities::Gender gender = entities::Gender::kUnknown;  // from pronoun/title
  bool organization = false;  // description names an organisation
  // The description introduces someone unnamed ("one supporter", "a
  // resident"; lexicons/determiners.txt).
  bool indefinite = false;
  std::string rule;
  std::string cue;
  double confidence = 0.0;
  int link = -1;                // quote index for continuation/carry-over
  bool adjacent_frame = false;  // a cue touches the quote (“Q,” she said)
  bool fragment = false;        // the quote sits inside a clause
  // A part of a multi-paragraph quote whose chain has a speech frame (at its
  // end, or a cue introducing it): its unclosed parts are speech rather
  // than a block excerpt.
  bool framed_chain = false;
};

// Thread-safe after construction: Attribute is const.
class Attributor {
 public:
  // Takes its lexicons from EmbeddedLexicon (lexicon.h), shared with the
  // other stages; the status is always OK today.
  static absl::StatusOr<Attributor> Create();

  // Analyses the frame of each quote in `quotes` (text order). Quotes whose
  // `frame_boundary` flag is false (titles, scare quotes) are read as
  // ordinary words of the surrounding frames. Returns one Attribution per
  // quote.
  std::vector<Attribution> Attribute(
      std::string_view text, const Segmentation& seg,
      absl::Span<const QuoteCandidate> quotes,
      const std::vector<bool>& frame_boundary) const;

 private:
  struct Lexicons {
    text::Lexicon particles, abbreviations, honorifics, pronouns, roles,
        stopwords, skip_words, determiners, colon_verbs, excerpt_verbs,
        sentence_openers, object_prepositions, adjective_endings,
        utterance_nouns, subordinators;
  };
  explicit Attributor(Lexicons lex) : lex_(std::move(lex)) {}

  struct Frame;  // tokens of one side of a quote
  // Whether `w` ends like an adjective or adverb describing a person in a
  // scene (lexicons/adjective_endings.txt).
  bool LooksLikeAdjective(std::string_view w) const;
  bool AnalyzePost(std::string_view text, const Frame& f, Attribution& a) const;
  // "• Van der Berg: ‘This squad is not finished’": a headline or list item
  // opening with a name and a colon before the quote.
  bool AnalyzeHeadlineLabel(std::string_view text, entities::TextSpan para,
                            const QuoteCandidate& q, Attribution& a) const;
  // A subject opening `f`, after any opening clause, as the subject of a
  // verb: a name ("Lee opened the call"), with `descriptions` also a pronoun
  // or a description ("She went on:"); not an owner ("Lee's campaign") or a
  // modifier ("Library supporters").
  bool OpeningSubject(std::string_view text, const Frame& f, bool descriptions,
                      Attribution& lead) const;
  bool AnalyzePre(std::string_view text, const Frame& f, Attribution& a) const;
  // "She paused, then added: “Q”", "Okafor shook his head and said": the
  // subject opening `f`, when the cue at token `cue` is coordinated with a
  // short predicate it starts.
  bool CoordinatedSubject(std::string_view text, const Frame& f, int cue,
                          Attribution& a) const;
  // "..., Schiff said. “Q”": the sentence before a quote that opens its own
  // sentence ends with a cue.
  bool AnalyzePreviousSentence(std::string_view text, const Segmentation& seg,
                               const QuoteCandidate& q, Attribution& a) const;
  bool AnalyzeAccordingTo(std::string_view text, const Frame& f,
                          Attribution& a) const;
  // "Trump is promising lower taxes and “jobs, jobs, jobs,” but ...": an
  // unframed fragment is the words of the person whose name opens its
  // sentence as the subject of a verb (the weakest rule).
  bool AnalyzeSentenceSubject(std::string_view text, const Segmentation& seg,
                              const QuoteCandidate& q, Attribution& a) const;
  // "“Q.”\nThose were the words of Ana Ruiz, ...": a paragraph after one
  // ending in the quote opens by naming whose words they were.
  bool AnalyzeWordsOfNext(std::string_view text, const Segmentation& seg,
                          const QuoteCandidate& q, Attribution& a) const;
  // "She explained what the song meant.\n“Q ...": the last sentence of the
  // paragraph before a multi-paragraph quote has a cue with a subject.
  bool AnalyzeParagraphIntro(std::string_view text, const Segmentation& seg,
                             const QuoteCandidate& q, Attribution& a) const;
  // Subject ending just before token `end` (exclusive) of `f`, searching
  // backwards at most to `floor`; fills a.kind/subject/gender.
  bool SubjectBefore(std::string_view text, const Frame& f, int end, int floor,
                     Attribution& a) const;
  // Subject starting at token `begin`, reading forwards.
  bool SubjectAfter(std::string_view text, const Frame& f, int begin,
                    Attribution& a) const;
  // A lower-case cue verb (cue_verbs.h).
  bool IsCue(std::string_view word) const;
  // Whether token `k` of `f` is a cue used as a verb: not the plural noun
  // of "once the newspaper reports appeared" (a cue ending in -s followed
  // by a past-tense verb).
  bool IsCueAt(const Frame& f, int k) const;
  bool IsIndefinite(std::string_view determiner) const;
  // Whether `a` is a description whose head is a role noun of `kind`
  // (lexicons/role_nouns.txt): "the memo" is a `document`, "the minister" a
  // `person`.
  bool DescribesRoleOfKind(std::string_view text, const Attribution& a,
                           std::string_view kind) const;
  // Whether `word` is a role noun of `kind` ("memo": `document`).
  bool IsRoleOfKind(std::string_view word, std::string_view kind) const;
  // The index of the word a clause's subject may start at: 1 after an
  // opener without a comma ("But Ana Ruiz, from Lagos, said";
  // lexicons/sentence_openers.txt), else 0.
  int SubjectStart(const Frame& f) const;
  // Whether a subject found by SubjectAfter(f, `begin`) and starting at
  // `subject_begin` opens the clause at `begin`: it starts there, or a
  // determiner and lower-case words ("Her grandson Tyler") or titles
  // ("President Ana Ruiz") lead up to it.
  bool SubjectOpensClause(const Frame& f, int begin,
                          size_t subject_begin) const;
  // Index after a parenthetical starting at `k` ("(R-Ohio)"), else `k`.
  int SkipParenthetical(const Frame& f, int k) const;
  // True when the period token `k` ends an abbreviation, an initial or sits
  // inside parentheses, so it does not end the frame's sentence.
  bool IsAbbreviationPeriod(const Frame& f, int k) const;
  // "van", "bin": a lower-case particle that may open a surname.
  bool IsSurnameParticle(std::string_view word) const;
  bool IsNameWord(std::string_view word) const;
  // The index of the capitalised name word after a run of surname particles
  // starting at `k` ("van der Berg"), or -1 when there is no such run.
  int NameAfterParticles(const Frame& f, int k) const;
  // The word opening a name after the role word at `k` and any role words
  // after it, in apposition or not ("the union's general secretary, Ola
  // Berg", "the guitarist Otis Renfro"), or -1.
  int AppositiveNameAfterRole(const Frame& f, int k) const;
  // Whether tokens [begin, end) of `f` are name words and dots.
  bool NameRun(const Frame& f, int begin, int end) const;
  // Whether tokens [begin, end) of `f` are role nouns and then a name
  // ("businessman Victor Salas").
  bool TitledName(const Frame& f, int begin, int end) const;
  // The last capitalised person role noun ("Republican", "Senator") among
  // tokens [begin, end) of `f` that an abbreviation does not follow ("King
  // Jr."), or -1.
  int LastPersonRoleIn(const Frame& f, int begin, int end) const;
  // Whether tokens [begin, end) of `f` are a determiner, a description
  // ending in a capitalised person role and then a name ("the Colorado
  // Democrat Priya Raghunathan").
  bool RoleThenName(const Frame& f, int begin, int end) const;
  // A role noun ("singer") or a hyphenated compound of them
  // ("singer-songwriter"), in any case.
  bool IsRoleWord(std::string_view word) const;

  Lexicons lex_;
};

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_ATTRIBUTION_H_
