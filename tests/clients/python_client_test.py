#!/usr/bin/python3
"""Python client test of the Verbatim gRPC API, run by run_with_services.py.

Generates Python stubs from proto/ at test time (protoc + grpc_python_plugin,
or grpc_tools.protoc when that is new enough), then exercises both services:
listing, lookups, searches, cross-outlet quote linking, error details,
idempotent uploads, deletion and read-after-write visibility.

Needs VERBATIM_INGEST_ADDR, VERBATIM_QUERY_ADDR, VERBATIM_SAMPLES_DIR,
VERBATIM_SAMPLE_COUNT and VERBATIM_REPO_ROOT in the environment. Exits 77
(skipped) when grpcio or a protobuf compiler is missing.
"""

import datetime
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import uuid

SKIP = 77

try:
    import grpc
except ImportError:
    print("SKIP: python3-grpcio is not installed for /usr/bin/python3 "
          "(run deploy/install-deps.sh)")
    sys.exit(SKIP)

REPO = os.environ.get("VERBATIM_REPO_ROOT",
                      os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
PROTO_DIR = os.path.join(REPO, "proto")
PROTO_FILES = sorted(
    glob.glob(os.path.join(PROTO_DIR, "verbatim", "v1", "*.proto"))
    + glob.glob(os.path.join(PROTO_DIR, "google", "rpc", "*.proto")))

# Sample facts the assertions rely on (deploy/samples).
FIRST_SAMPLE_URL = ("https://www.portalderledger.example/arts/2025/03/03/"
                    "marisol-vega-leaves-halcyon-records")
FIRST_OUTLET = "The Port Alder Ledger"
OUTLETS = {"The Port Alder Ledger", "Riverside Sound", "Meridian Daily",
           "Coastline Post", "Northfield Herald", "Backstage Wire"}
# Printed, with small edits, by several outlets.
REPRINTED_QUOTES = [
    ("contract is a contract", "a contract is a contract"),
    ("borrowed guitar kitchen table", "borrowed guitar"),
]


def generate_stubs(out_dir):
    """Compiles proto/ into `out_dir`; returns a description of the compiler."""
    includes = [f"-I{PROTO_DIR}", "-I/usr/include"]
    protoc = shutil.which("protoc")
    plugin = shutil.which("grpc_python_plugin")
    if protoc and plugin:
        # Debian's grpc_tools (1.14) bundles a protoc too old for proto3
        # `optional`, so the system protoc with the gRPC plugin comes first.
        cmd = [protoc, *includes, f"--python_out={out_dir}", f"--grpc_python_out={out_dir}",
               f"--plugin=protoc-gen-grpc_python={plugin}", *PROTO_FILES]
        result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"protoc failed:\n{result.stdout}")
        return "protoc + grpc_python_plugin"
    try:
        from grpc_tools import protoc as grpc_protoc
    except ImportError:
        print("SKIP: neither protoc + grpc_python_plugin nor grpc_tools is installed "
              "(run deploy/install-deps.sh)")
        sys.exit(SKIP)
    rc = grpc_protoc.main(["grpc_tools.protoc", *includes, f"--python_out={out_dir}",
                           f"--grpc_python_out={out_dir}", *PROTO_FILES])
    if rc != 0:
        raise RuntimeError(f"grpc_tools.protoc exited {rc}")
    return "grpc_tools.protoc"


STUB_DIR = tempfile.mkdtemp(prefix="verbatim-pystubs-")
try:
    print(f"generated stubs with {generate_stubs(STUB_DIR)}", flush=True)
    sys.path.insert(0, STUB_DIR)
    from google.protobuf import timestamp_pb2  # noqa: E402
    from google.rpc import error_details_pb2, status_pb2  # noqa: E402
    from verbatim.v1 import (article_pb2, entity_pb2, ingest_service_pb2,  # noqa: E402
                             ingest_service_pb2_grpc, query_service_pb2,
                             query_service_pb2_grpc, quote_pb2)
finally:
    shutil.rmtree(STUB_DIR, ignore_errors=True)

INGEST_ADDR = os.environ["VERBATIM_INGEST_ADDR"]
QUERY_ADDR = os.environ["VERBATIM_QUERY_ADDR"]
SAMPLES_DIR = os.environ["VERBATIM_SAMPLES_DIR"]
SAMPLE_COUNT = int(os.environ["VERBATIM_SAMPLE_COUNT"])
RPC_TIMEOUT = 10
CONSISTENCY_HEADER = "verbatim-consistency-token"
# Generous for sanitizer builds (several times slower); the service's own
# catch-up interval is 50 ms.
VISIBILITY_S = 3.0


def parse_article_file(path):
    """The header format of deploy/samples: key: value lines, blank line, body."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    head, _, body = text.partition("\n\n")
    fields = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip()
    return fields, body


def timestamp_for_date(date):
    ts = timestamp_pb2.Timestamp()
    ts.FromDatetime(datetime.datetime.strptime(date, "%Y-%m-%d"))
    return ts


def status_details(error):
    """Decodes google.rpc.Status from the grpc-status-details-bin trailer."""
    for key, value in error.trailing_metadata() or ():
        if key == "grpc-status-details-bin":
            return status_pb2.Status.FromString(value)
    return None


def unpack_details(status):
    infos, bad_requests = [], []
    for detail in status.details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            infos.append(info)
        elif detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            bad_requests.append(bad)
    return infos, bad_requests


class VerbatimClientTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.ingest_channel = grpc.insecure_channel(INGEST_ADDR)
        cls.query_channel = grpc.insecure_channel(QUERY_ADDR)
        cls.ingest = ingest_service_pb2_grpc.IngestServiceStub(cls.ingest_channel)
        cls.query = query_service_pb2_grpc.QueryServiceStub(cls.query_channel)

    @classmethod
    def tearDownClass(cls):
        cls.ingest_channel.close()
        cls.query_channel.close()

    # -- helpers ----------------------------------------------------------

    def all_articles(self, page_size=100, **filters):
        articles, token = [], ""
        for _ in range(100):
            response = self.query.ListArticles(query_service_pb2.ListArticlesRequest(
                page_size=page_size, page_token=token, **filters), timeout=RPC_TIMEOUT)
            articles.extend(response.articles)
            token = response.next_page_token
            if not token:
                return articles
        self.fail("ListArticles returned a next_page_token 100 times in a row")

    def article_by_url(self, url):
        matches = [a for a in self.all_articles() if a.url == url]
        self.assertEqual(len(matches), 1, f"articles with url {url}: {[a.name for a in matches]}")
        return matches[0]

    def assert_rpc_error(self, code, call, *args, **kwargs):
        with self.assertRaises(grpc.RpcError) as raised:
            call(*args, timeout=RPC_TIMEOUT, **kwargs)
        error = raised.exception
        self.assertEqual(error.code(), code, f"details: {error.details()}")
        return error

    def wait_visible(self, name, budget_s):
        """Polls QueryService.GetArticle; returns (article, seconds waited)."""
        started = time.monotonic()
        while True:
            try:
                article = self.query.GetArticle(
                    query_service_pb2.GetArticleRequest(name=name), timeout=RPC_TIMEOUT)
                return article, time.monotonic() - started
            except grpc.RpcError as e:
                if e.code() != grpc.StatusCode.NOT_FOUND:
                    raise
            if time.monotonic() - started > budget_s:
                self.fail(f"{name} acknowledged by CreateArticle but not visible through "
                          f"QueryService.GetArticle after {budget_s} s")
            time.sleep(0.02)

    def wait_gone(self, name, budget_s):
        started = time.monotonic()
        while True:
            try:
                self.query.GetArticle(query_service_pb2.GetArticleRequest(name=name),
                                      timeout=RPC_TIMEOUT)
            except grpc.RpcError as e:
                if e.code() == grpc.StatusCode.NOT_FOUND:
                    return e, time.monotonic() - started
                raise
            if time.monotonic() - started > budget_s:
                self.fail(f"{name} still returned by GetArticle {budget_s} s after DeleteArticle")
            time.sleep(0.02)

    def delete_and_wait(self, name):
        """Deletes an article this test created, and waits until the query
        service no longer has it, so later tests see only the samples."""
        self.ingest.DeleteArticle(ingest_service_pb2.DeleteArticleRequest(name=name),
                                  timeout=RPC_TIMEOUT)
        self.wait_gone(name, 5.0)

    def find_entity(self, display_name):
        found = self.query.SearchEntities(
            query_service_pb2.SearchEntitiesRequest(query=display_name, page_size=100),
            timeout=RPC_TIMEOUT)
        matches = [e for e in found.entities if e.display_name == display_name]
        self.assertEqual(len(matches), 1, f"entities named {display_name!r}: "
                                          f"{[(e.name, e.display_name) for e in found.entities]}")
        return matches[0]

    def new_article(self, tag):
        unique = uuid.uuid4().hex[:12]
        return article_pb2.Article(
            title=f"Ferry timetable changes ({tag} {unique})",
            url=f"https://clienttests.example/{tag}/{unique}",
            source="Client Test Gazette",
            publish_time=timestamp_for_date("2025-04-01"),
            body=("Port Alder's harbour master, Lena Ostrova, said on Tuesday that the "
                  "evening ferry to Northfield would leave twenty minutes later from May.\n\n"
                  "\u201cWe are doing our best with two boats instead of three,\u201d Ostrova "
                  f"said. Reference {unique}.\n"))

    # -- QueryService -----------------------------------------------------

    def test_list_articles_returns_every_sample_newest_first(self):
        articles = self.all_articles()
        self.assertEqual(len(articles), SAMPLE_COUNT, [a.title for a in articles])
        sample_urls = {parse_article_file(p)[0]["url"]
                       for p in glob.glob(os.path.join(SAMPLES_DIR, "*.txt"))}
        self.assertEqual({a.url for a in articles}, sample_urls)
        self.assertEqual({a.source for a in articles}, OUTLETS)
        times = [a.publish_time.ToSeconds() for a in articles]
        self.assertEqual(times, sorted(times, reverse=True), "not most recently published first")
        for a in articles:
            self.assertRegex(a.name, r"^articles/[^/]+$")

    def test_list_articles_pages_cover_everything_once(self):
        articles = self.all_articles(page_size=2)
        names = [a.name for a in articles]
        self.assertEqual(len(names), SAMPLE_COUNT)
        self.assertEqual(len(set(names)), SAMPLE_COUNT, f"duplicates across pages: {names}")
        first = self.query.ListArticles(query_service_pb2.ListArticlesRequest(page_size=2),
                                        timeout=RPC_TIMEOUT)
        self.assertEqual(len(first.articles), 2)
        self.assertTrue(first.next_page_token)

    def test_list_articles_filters_by_source(self):
        articles = self.all_articles(source="Riverside Sound")
        self.assertEqual(len(articles), 2, [a.title for a in articles])
        self.assertTrue(all(a.source == "Riverside Sound" for a in articles))

    def test_get_article_has_body_quotes_and_offsets(self):
        listed = self.article_by_url(FIRST_SAMPLE_URL)
        article = self.query.GetArticle(query_service_pb2.GetArticleRequest(name=listed.name),
                                        timeout=RPC_TIMEOUT)
        fields, body = parse_article_file(os.path.join(
            SAMPLES_DIR, "01-ledger-vega-leaves-halcyon.txt"))
        self.assertEqual(article.name, listed.name)
        self.assertEqual(article.title, fields["title"])
        self.assertEqual(article.source, FIRST_OUTLET)
        self.assertEqual(article.publish_time.ToDatetime().date().isoformat(), fields["date"])
        self.assertIn("kitchen table in Port Alder", article.body)
        self.assertGreaterEqual(len(article.quotes), 5, "quotes extracted from sample 01")
        body_bytes = article.body.encode("utf-8")
        for q in article.quotes:
            self.assertEqual(body_bytes[q.start_offset:q.end_offset].decode("utf-8"), q.text,
                             "QuoteAppearance offsets must address `text` in the body")
            self.assertRegex(q.quote, r"^quotes/[^/]+$")
        for m in article.mentions:
            self.assertEqual(body_bytes[m.start_offset:m.end_offset].decode("utf-8"), m.text,
                             "EntityMention offsets must address `text` in the body")
        texts = " | ".join(q.text for q in article.quotes)
        self.assertIn("borrowed guitar", texts)
        self.assertNotIn("Advertisement", texts)
        speakers = {q.speaker_display_name for q in article.quotes}
        self.assertTrue(any("Vega" in s for s in speakers), f"speakers: {speakers}")
        # "The first thing I did when they said no," she said, "was call my mother. ..."
        split = [q for q in article.quotes if q.HasField("previous_part_index")]
        self.assertTrue(split, f"no quotation split by its attribution found in: {texts}")
        for q in split:
            self.assertLess(q.previous_part_index, list(article.quotes).index(q))

    def test_list_quotes_by_speaker(self):
        counts = {}
        for article in self.all_articles():
            full = self.query.GetArticle(query_service_pb2.GetArticleRequest(name=article.name),
                                         timeout=RPC_TIMEOUT)
            for q in full.quotes:
                if q.speaker:
                    counts.setdefault((q.speaker, q.speaker_display_name), set()).add(q.quote)
        self.assertTrue(counts, "no quote in any sample has a speaker")
        vega = [key for key in counts if key[1] == "Marisol Vega"]
        self.assertEqual(len(vega), 1, f"speakers found: {sorted(k[1] for k in counts)}")
        (speaker, display), quotes = vega[0], counts[vega[0]]
        self.assertGreaterEqual(len(quotes), 5, "Vega is quoted in five samples")
        response = self.query.ListQuotes(
            query_service_pb2.ListQuotesRequest(speaker=speaker, page_size=1000),
            timeout=RPC_TIMEOUT)
        self.assertTrue(response.quotes)
        for q in response.quotes:
            self.assertEqual(q.speaker, speaker)
            self.assertEqual(q.speaker_display_name, display)
        listed = {q.name for q in response.quotes}
        self.assertGreaterEqual(len(listed), 5)
        self.assertTrue(listed & quotes, f"ListQuotes(speaker={speaker}) shares no quote with "
                                         f"the articles' appearances attributed to {display}")

    def test_search_entities_and_get_entity(self):
        response = self.query.SearchEntities(
            query_service_pb2.SearchEntitiesRequest(query="marisol"), timeout=RPC_TIMEOUT)
        vega = [e for e in response.entities if e.display_name == "Marisol Vega"]
        self.assertEqual(len(vega), 1, [e.display_name for e in response.entities])
        vega = vega[0]
        self.assertEqual(vega.type, entity_pb2.PERSON)
        # Case-insensitive prefix of an alias or the name.
        upper = self.query.SearchEntities(
            query_service_pb2.SearchEntitiesRequest(query="VEG"), timeout=RPC_TIMEOUT)
        self.assertIn(vega.name, [e.name for e in upper.entities])
        entity = self.query.GetEntity(query_service_pb2.GetEntityRequest(name=vega.name),
                                      timeout=RPC_TIMEOUT)
        self.assertEqual(entity.display_name, "Marisol Vega")
        self.assertGreaterEqual(entity.article_count, 8, "Vega is named in all nine samples")
        self.assertGreaterEqual(entity.quote_count, 5)
        orgs = self.query.SearchEntities(query_service_pb2.SearchEntitiesRequest(
            query="halcyon", type=entity_pb2.ORGANIZATION), timeout=RPC_TIMEOUT)
        self.assertIn("Halcyon Records", [e.display_name for e in orgs.entities])
        self.assertTrue(all(e.type == entity_pb2.ORGANIZATION for e in orgs.entities))

    def test_search_quotes_matches_all_words(self):
        response = self.query.SearchQuotes(
            query_service_pb2.SearchQuotesRequest(query="Contract MASTERS"), timeout=RPC_TIMEOUT)
        self.assertTrue(response.quotes, "no quote contains 'contract' and 'masters'")
        for q in response.quotes:
            self.assertIn("contract", q.text.lower())
            self.assertIn("masters", q.text.lower())
        self.assertTrue(any("a contract is a contract" in q.text for q in response.quotes))

    def test_get_quote_shows_reprints_by_several_outlets(self):
        for query, phrase in REPRINTED_QUOTES:
            with self.subTest(query=query):
                found = self.query.SearchQuotes(
                    query_service_pb2.SearchQuotesRequest(query=query), timeout=RPC_TIMEOUT)
                candidates = [q for q in found.quotes if phrase in q.text]
                self.assertTrue(candidates, f"SearchQuotes({query!r}) found no quote with {phrase!r}")
                best = max(candidates, key=lambda q: len({a.source for a in q.appearances}))
                quote = self.query.GetQuote(query_service_pb2.GetQuoteRequest(name=best.name),
                                            timeout=RPC_TIMEOUT)
                sources = [a.source for a in quote.appearances]
                print(f"\n  {quote.name}: {quote.text!r}\n  printed by: {sources}", flush=True)
                self.assertGreaterEqual(len(set(sources)), 2,
                                        f"{quote.text!r} should link printings of several outlets")
                times = [a.publish_time.ToSeconds() for a in quote.appearances]
                self.assertEqual(times, sorted(times), "appearances: earliest publish_time first")
                self.assertEqual(sources[0], FIRST_OUTLET, "the Ledger printed it first")
                self.assertEqual(quote.text, quote.appearances[0].text,
                                 "canonical text is the first printing")
                self.assertIn("Vega" if "guitar" in phrase else "Okafor", quote.speaker_display_name)
                for a in quote.appearances:
                    self.assertRegex(a.article, r"^articles/[^/]+$")
                    self.assertTrue(a.url.startswith("https://"), a.url)

    def test_search_quotes_phrase_and_speaker_filter(self):
        phrase = '"a contract is a contract"'
        found = self.query.SearchQuotes(
            query_service_pb2.SearchQuotesRequest(query=phrase), timeout=RPC_TIMEOUT)
        self.assertTrue(found.quotes, f"no quote matches the phrase {phrase}")
        for q in found.quotes:
            self.assertIn("a contract is a contract", q.text.lower())
        okafor = found.quotes[0].speaker
        self.assertEqual(found.quotes[0].speaker_display_name, "Dennis Okafor")
        by_okafor = self.query.SearchQuotes(query_service_pb2.SearchQuotesRequest(
            query=phrase, speaker=okafor), timeout=RPC_TIMEOUT)
        self.assertEqual([q.name for q in by_okafor.quotes], [found.quotes[0].name])
        vega = self.find_entity("Marisol Vega")
        by_vega = self.query.SearchQuotes(query_service_pb2.SearchQuotesRequest(
            query=phrase, speaker=vega.name), timeout=RPC_TIMEOUT)
        self.assertEqual(list(by_vega.quotes), [], "Vega never said it")

    def test_reprint_edits_are_reported(self):
        found = self.query.SearchQuotes(query_service_pb2.SearchQuotesRequest(
            query='"contract is a contract" masters'), timeout=RPC_TIMEOUT)
        quote = self.query.GetQuote(query_service_pb2.GetQuoteRequest(name=found.quotes[0].name),
                                    timeout=RPC_TIMEOUT)
        self.assertEqual(list(quote.appearances[0].edits), [],
                         "the first printing is the canonical text")
        riverside = [a for a in quote.appearances if a.source == "Riverside Sound"]
        self.assertEqual(len(riverside), 1, [a.source for a in quote.appearances])
        edits = [(quote_pb2.TextEdit.Kind.Name(e.kind), e.canonical_text, e.printed_text)
                 for e in riverside[0].edits]
        self.assertIn(("CHANGED", "those", "the"), edits,
                      "Riverside Sound printed 'the masters' for 'those masters'")

    def test_related_entities_and_timeline(self):
        vega = self.find_entity("Marisol Vega")
        related = self.query.ListRelatedEntities(query_service_pb2.ListRelatedEntitiesRequest(
            entity=vega.name, page_size=20), timeout=RPC_TIMEOUT)
        names = [r.entity.display_name for r in related.related_entities]
        self.assertIn("Halcyon Records", names)
        self.assertIn("Tobias Reyna", names)
        self.assertNotIn("Marisol Vega", names, "an entity is not related to itself")
        counts = [r.shared_article_count for r in related.related_entities]
        self.assertEqual(counts, sorted(counts, reverse=True), "most shared articles first")
        halcyon = related.related_entities[names.index("Halcyon Records")]
        self.assertGreaterEqual(halcyon.shared_article_count, 7)

        director = self.find_entity("Ingrid Halvorsen")
        timeline = self.query.GetEntityTimeline(query_service_pb2.GetEntityTimelineRequest(
            entity=director.name), timeout=RPC_TIMEOUT)
        self.assertEqual(timeline.entity, director.name)
        dates = [d.date for d in timeline.days]
        self.assertEqual(dates, sorted(dates), "oldest day first")
        # Named in the samples of March 10, 12, 14 and 20; quoted from March 12.
        self.assertTrue({"2025-03-12", "2025-03-14", "2025-03-20"} <= set(dates), dates)
        self.assertTrue(set(dates) <= {"2025-03-10", "2025-03-12", "2025-03-14", "2025-03-20"},
                        dates)
        self.assertTrue(all(d.article_count == 1 for d in timeline.days), timeline)
        self.assertGreaterEqual(sum(d.quote_count for d in timeline.days), 3)
        march_14 = self.query.GetEntityTimeline(query_service_pb2.GetEntityTimelineRequest(
            entity=director.name, start_time=timestamp_for_date("2025-03-13"),
            end_time=timestamp_for_date("2025-03-15")), timeout=RPC_TIMEOUT)
        self.assertEqual([d.date for d in march_14.days], ["2025-03-14"])

    # -- errors -----------------------------------------------------------

    def test_not_found_carries_error_info(self):
        error = self.assert_rpc_error(grpc.StatusCode.NOT_FOUND, self.query.GetArticle,
                                      query_service_pb2.GetArticleRequest(name="articles/999999"))
        status = status_details(error)
        self.assertIsNotNone(status, "no grpc-status-details-bin trailer")
        self.assertEqual(status.code, grpc.StatusCode.NOT_FOUND.value[0])
        infos, _ = unpack_details(status)
        self.assertEqual(len(infos), 1, status)
        self.assertEqual(infos[0].domain, "verbatim.v1")
        self.assertEqual(infos[0].reason, "RESOURCE_NOT_FOUND")
        self.assertIn("articles/999999", error.details())

    def test_invalid_name_carries_error_info_and_bad_request(self):
        error = self.assert_rpc_error(grpc.StatusCode.INVALID_ARGUMENT, self.query.GetArticle,
                                      query_service_pb2.GetArticleRequest(name="articles/abc"))
        status = status_details(error)
        self.assertIsNotNone(status, "no grpc-status-details-bin trailer")
        self.assertEqual(status.code, grpc.StatusCode.INVALID_ARGUMENT.value[0])
        infos, bad_requests = unpack_details(status)
        self.assertEqual([(i.domain, i.reason) for i in infos], [("verbatim.v1", "INVALID_FIELD")])
        self.assertEqual(len(bad_requests), 1, status)
        self.assertEqual([v.field for v in bad_requests[0].field_violations], ["name"])

    def test_create_without_body_is_invalid(self):
        article = self.new_article("nobody")
        article.body = ""
        error = self.assert_rpc_error(grpc.StatusCode.INVALID_ARGUMENT, self.ingest.CreateArticle,
                                      ingest_service_pb2.CreateArticleRequest(article=article))
        infos, bad_requests = unpack_details(status_details(error))
        self.assertEqual(infos[0].domain, "verbatim.v1")
        self.assertTrue(bad_requests and any(v.field.endswith("body")
                                             for v in bad_requests[0].field_violations),
                        f"BadRequest should name article.body: {bad_requests}")

    # -- IngestService ----------------------------------------------------

    def test_create_article_is_idempotent_by_url(self):
        before = self.all_articles()
        path = os.path.join(SAMPLES_DIR, "01-ledger-vega-leaves-halcyon.txt")
        fields, body = parse_article_file(path)
        existing = self.article_by_url(fields["url"])
        request = ingest_service_pb2.CreateArticleRequest(article=article_pb2.Article(
            title=fields["title"], url=fields["url"], source=fields["source"],
            publish_time=timestamp_for_date(fields["date"]), body=body))
        again = self.ingest.CreateArticle(request, timeout=RPC_TIMEOUT)
        self.assertEqual(again.name, existing.name)
        time.sleep(0.5)  # give a (wrong) second copy time to reach the query service
        after = self.all_articles()
        self.assertEqual(len(after), len(before))
        self.assertEqual(sorted(a.name for a in after), sorted(a.name for a in before))
        quote_page = self.query.ListQuotes(
            query_service_pb2.ListQuotesRequest(article=existing.name, page_size=1000),
            timeout=RPC_TIMEOUT)
        for q in quote_page.quotes:
            in_article = [a for a in q.appearances if a.article == existing.name]
            self.assertEqual(len(in_article), len({(a.start_offset, a.end_offset) for a in in_article}),
                             f"{q.name} stored twice for {existing.name}")

    def test_request_id_makes_create_idempotent(self):
        request_id = f"client-test-{uuid.uuid4()}"
        first = self.ingest.CreateArticle(ingest_service_pb2.CreateArticleRequest(
            article=self.new_article("reqid"), request_id=request_id), timeout=RPC_TIMEOUT)
        try:
            # Same key, different article: the first one comes back.
            second = self.ingest.CreateArticle(ingest_service_pb2.CreateArticleRequest(
                article=self.new_article("reqid"), request_id=request_id), timeout=RPC_TIMEOUT)
            self.assertEqual(second.name, first.name)
            self.assertEqual(second.url, first.url)
        finally:
            self.delete_and_wait(first.name)

    def test_created_article_is_readable_within_one_second(self):
        created = self.ingest.CreateArticle(
            ingest_service_pb2.CreateArticleRequest(article=self.new_article("visible")),
            timeout=RPC_TIMEOUT)
        try:
            self.assertRegex(created.name, r"^articles/[^/]+$")
            self.assertTrue(created.create_time.seconds > 0)
            article, waited = self.wait_visible(created.name, VISIBILITY_S)
            print(f"\n  {created.name} visible after {waited * 1000:.0f} ms", flush=True)
            self.assertLessEqual(waited, VISIBILITY_S)
            self.assertEqual(article.title, created.title)
            self.assertEqual(len(article.quotes), 1, [q.text for q in article.quotes])
            self.assertIn("We are doing our best with two boats", article.quotes[0].text)
            self.assertIn("Ostrova", article.quotes[0].speaker_display_name)
        finally:
            self.delete_and_wait(created.name)

    def test_consistency_token_reads_own_write_at_once(self):
        created, call = self.ingest.CreateArticle.with_call(
            ingest_service_pb2.CreateArticleRequest(article=self.new_article("token")),
            timeout=RPC_TIMEOUT)
        try:
            headers = dict(call.initial_metadata())
            token = headers.get(CONSISTENCY_HEADER)
            self.assertTrue(token, f"no {CONSISTENCY_HEADER} response header: {headers}")
            # No polling: the query service waits until it has the write.
            article = self.query.GetArticle(
                query_service_pb2.GetArticleRequest(name=created.name),
                metadata=[(CONSISTENCY_HEADER, token)], timeout=RPC_TIMEOUT)
            self.assertEqual(article.url, created.url)
        finally:
            self.delete_and_wait(created.name)

    def test_curation_links_a_nickname(self):
        # The samples call Vega "Mari V"; extraction alone files that as
        # another person. Curating the alias merges the two.
        vega = self.find_entity("Marisol Vega")
        nickname = self.find_entity("Mari V")
        self.assertNotEqual(nickname.name, vega.name,
                            "extraction linked the nickname by itself: update this test")
        curated, call = self.ingest.AddEntityAlias.with_call(
            ingest_service_pb2.AddEntityAliasRequest(entity=vega.name, alias="Mari V"),
            timeout=RPC_TIMEOUT)
        self.assertEqual(curated.name, vega.name)
        self.assertIn("Mari V", curated.aliases)
        token = dict(call.initial_metadata()).get(CONSISTENCY_HEADER)
        self.assertTrue(token, f"AddEntityAlias returned no {CONSISTENCY_HEADER}")
        merged = self.query.GetEntity(query_service_pb2.GetEntityRequest(name=nickname.name),
                                      metadata=[(CONSISTENCY_HEADER, token)], timeout=RPC_TIMEOUT)
        self.assertEqual(merged.name, vega.name, "a merged name resolves to the entity it became")
        self.assertIn("Mari V", merged.aliases)
        self.assertGreaterEqual(merged.article_count, vega.article_count)
        found = self.query.SearchEntities(
            query_service_pb2.SearchEntitiesRequest(query="mari v"),
            metadata=[(CONSISTENCY_HEADER, token)], timeout=RPC_TIMEOUT)
        self.assertEqual(found.entities[0].name, vega.name)
        self.assertNotIn(nickname.name, [e.name for e in found.entities])

    def test_delete_article_then_get_is_not_found(self):
        created = self.ingest.CreateArticle(
            ingest_service_pb2.CreateArticleRequest(article=self.new_article("delete")),
            timeout=RPC_TIMEOUT)
        self.wait_visible(created.name, VISIBILITY_S)
        self.ingest.DeleteArticle(ingest_service_pb2.DeleteArticleRequest(name=created.name),
                                  timeout=RPC_TIMEOUT)
        error, waited = self.wait_gone(created.name, VISIBILITY_S)
        infos, _ = unpack_details(status_details(error))
        self.assertEqual([(i.domain, i.reason) for i in infos],
                         [("verbatim.v1", "RESOURCE_NOT_FOUND")])
        self.assertEqual(len(self.all_articles()), SAMPLE_COUNT)
        self.assert_rpc_error(grpc.StatusCode.NOT_FOUND, self.ingest.DeleteArticle,
                              ingest_service_pb2.DeleteArticleRequest(name=created.name))


if __name__ == "__main__":
    unittest.main(verbosity=2)
