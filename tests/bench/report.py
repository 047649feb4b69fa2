#!/usr/bin/env python3
"""Turns results.txt ("name value unit" lines) into BENCHMARKS.md-ready tables.

usage: report.py RESULTS MACHINE_TXT OUT_MD
Prints derived ratio lines ("name value unit") on stdout.
"""
import re
import sys


def load(path):
    figures = {}
    for line in open(path):
        parts = line.split()
        if len(parts) == 3:
            try:
                figures[parts[0]] = (float(parts[1]), parts[2])
            except ValueError:
                pass
    return figures


def main():
    results, machine, out = sys.argv[1:4]
    f = load(results)
    # Older runs named lag figures visibility_lag[_ingesting]_at_<n>_p99_ms.
    for name in list(f):
        m = re.match(r"(visibility_lag(?:_ingesting)?)_at_(\w+?)_(p50_ms|p99_ms|max_ms|failures)$", name)
        if m:
            f["%s_%s_at_%s" % (m.group(1), m.group(3), m.group(2))] = f[name]
    labels = []
    for name in f:
        m = re.match(r"ingest_articles_per_s_to_(\w+)$", name)
        if m:
            labels.append(m.group(1))
    if labels:
        for name in list(f):
            m = re.match(r"(visibility_lag(?:_ingesting)?_(?:p50_ms|p99_ms|max_ms|failures))_at_%s$" % labels[-1], name)
            if m and m.group(1) not in f:
                f[m.group(1)] = f[name]
    v = lambda name: f.get(name, (None, ""))[0]
    derived = []

    def ratio(name, a, b):
        if v(a) and v(b):
            r = v(a) / v(b)
            derived.append((name, r, "ratio"))
            f[name] = (r, "ratio")
            return r
        return None

    ratio("ingest_mb_over_dbbench_fillrandom_mb", "ingest_mb_per_s", "dbbench_fillrandom_mb_per_s")
    ratio("get_quote_p50_over_health_p50", "get_quote_p50_us", "health_p50_us")
    ratio("get_quote_p50_over_dbbench_readrandom", "get_quote_p50_us", "dbbench_readrandom_us_per_op")
    ratio("list_quotes_p50_over_health_p50", "list_quotes_p50_us", "health_p50_us")
    ratio("sync_ingest_over_dbbench_fillrandom_sync",
          "sweep_s4_sync1_ingest_mb_per_s", "dbbench_fillrandom_sync_mb_per_s")
    for name, r, unit in derived:
        print("%s %.4g %s" % (name, r, unit))

    def fmt(x, digits=3):
        if x is None:
            return "–"
        if abs(x) >= 100:
            return "{:,.0f}".format(x)
        return ("%." + str(digits) + "g") % x

    md = []
    md.append("### Machine and run\n")
    md.append("```\n" + open(machine).read().strip() + "\n```\n")

    md.append("### In-process stages (Google Benchmark, CPU time, one core)\n")
    md.append("| figure | value | unit |\n|---|---:|---|")
    for name in ["extract_mb_per_s", "extract_articles_per_s", "extract_quotes_per_article",
                 "extract_entities_per_article", "generate_mb_per_s",
                 "create_article_per_cpu_s", "create_article_mb_per_cpu_s",
                 "create_article_wall_us", "create_article_articles"]:
        if name in f:
            md.append("| `%s` | %s | %s |" % (name, fmt(f[name][0]), f[name][1]))
    md.append("")

    md.append("### Floors measured in the same run\n")
    md.append("| floor | value | unit |\n|---|---:|---|")
    for name in ["dbbench_fillrandom_mb_per_s", "dbbench_fillrandom_ops_per_s",
                 "dbbench_fillrandom_us_per_op", "dbbench_readrandom_us_per_op",
                 "dbbench_readrandom_ops_per_s", "dbbench_fillrandom_sync_mb_per_s",
                 "dbbench_fillrandom_sync_ops_per_s", "health_p50_us", "health_p99_us",
                 "health_p999_us"]:
        if name in f:
            md.append("| `%s` | %s | %s |" % (name, fmt(f[name][0]), f[name][1]))
    md.append("")

    md.append("### Bulk ingest over StreamArticles (loopback, WAL on)\n")
    md.append("| streams | --sync | articles/s | MB/s | articles per ingest CPU-s | peak RSS MiB | errors |")
    md.append("|---:|---|---:|---:|---:|---:|---:|")
    for sync in (0, 1):
        for s in (1, 4, 16):
            p = "sweep_s%d_sync%d_" % (s, sync)
            if p + "ingest_articles_per_s" in f:
                md.append("| %d | %s | %s | %s | %s | %s | %s |" % (
                    s, "on" if sync else "off", fmt(v(p + "ingest_articles_per_s")),
                    fmt(v(p + "ingest_mb_per_s")), fmt(v(p + "ingest_articles_per_cpu_s")),
                    fmt(v(p + "ingest_peak_rss_mib")), fmt(v(p + "article_errors"))))
    md.append("")

    md.append("### Main run (4 streams, --sync off), by stored articles\n")
    md.append("| stored | segment articles/s | ingest RSS MiB | du of store (live), MB | catch-up after bulk ms "
              "| settle s (idle queries wait for it) | ingest CPU s while settling |")
    md.append("|---|---:|---:|---:|---:|---:|---:|")
    for l in labels:
        settle = fmt(v("settle_after_bulk_s_at_" + l))
        if v("settled_at_" + l) == 0:
            settle += " (budget ran out)"
        md.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            l, fmt(v("ingest_articles_per_s_to_" + l)), fmt(v("ingest_rss_mib_at_" + l)),
            fmt(v("store_du_live_bytes_at_" + l) / 1e6 if v("store_du_live_bytes_at_" + l) else None),
            fmt(v("catchup_after_bulk_ms_at_" + l)), settle, fmt(v("settle_ingest_cpu_s_at_" + l))))
    md.append("")
    md.append("| figure | value | unit |\n|---|---:|---|")
    for name in ["ingest_articles_per_s", "ingest_mb_per_s", "ingest_mean_article_bytes",
                 "ingest_rate_early_articles_per_s", "ingest_rate_late_articles_per_s",
                 "ingest_late_over_early", "ingest_window_articles", "ingest_cpu_ms_per_article",
                 "ingest_articles_per_cpu_s", "client_cpu_ms_per_article",
                 "ingest_peak_rss_mib", "query_peak_rss_mib", "articles_created",
                 "store_du_bytes", "bytes_per_article",
                 "ingest_mb_over_dbbench_fillrandom_mb"]:
        if name in f:
            md.append("| `%s` | %s | %s |" % (name, fmt(f[name][0]), f[name][1]))
    md.append("")

    ops = ["health", "get_quote", "list_quotes", "search_quotes", "search_entities"]
    md.append("### Query latency (µs, one closed-loop client), idle / with concurrent ingest\n")
    md.append("| stored | op | p50 | p99 | p99.9 | p50 ingesting | p99 ingesting | p99.9 ingesting | p50 / health p50 |")
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for l in labels:
        for op in ops:
            a = lambda q, ing="": v("%s_%s_us%s_at_%s" % (op, q, ing, l))
            h = v("health_p50_us_at_" + l)
            md.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                l, op, fmt(a("p50")), fmt(a("p99")), fmt(a("p999")),
                fmt(a("p50", "_ingesting")), fmt(a("p99", "_ingesting")),
                fmt(a("p999", "_ingesting")),
                fmt(a("p50") / h) if a("p50") and h else "–"))
    md.append("")
    md.append("| stored | visibility lag p50 ms | p99 ms | max ms | p99 ms ingesting | concurrent ingest articles/s |")
    md.append("|---|---:|---:|---:|---:|---:|")
    for l in labels:
        md.append("| %s | %s | %s | %s | %s | %s |" % (
            l, fmt(v("visibility_lag_p50_ms_at_" + l)), fmt(v("visibility_lag_p99_ms_at_" + l)),
            fmt(v("visibility_lag_max_ms_at_" + l)),
            fmt(v("visibility_lag_ingesting_p99_ms_at_" + l)),
            fmt(v("concurrent_ingest_articles_per_s_at_" + l))))
    md.append("")

    # Targets: met / not met, from the measured numbers only.
    def target(desc, value, ok, shown):
        if value is None:
            return "| %s | – | not measured |" % desc
        return "| %s | %s | %s |" % (desc, shown, "**met**" if ok else "**not met**")

    t = []
    x = v("extract_mb_per_s")
    t.append(target("extraction ≥ 25 MB/s per core", x, x is not None and x >= 25, fmt(x) + " MB/s"))
    x = v("ingest_articles_per_s")
    t.append(target("bulk ingest ≥ 5,000 articles/s", x, x is not None and x >= 5000,
                    fmt(x) + " articles/s (mean %s B)" % fmt(v("ingest_mean_article_bytes"))))
    x = v("ingest_mb_over_dbbench_fillrandom_mb")
    t.append(target("bulk ingest MB/s ≥ 0.3 × db_bench fillrandom MB/s", x, x is not None and x >= 0.3,
                    fmt(x) + "×"))
    x = v("get_quote_p50_over_health_p50")
    t.append(target("GetQuote p50 ≤ 2 × health p50", x, x is not None and x <= 2, fmt(x) + "×"))
    x = v("get_quote_p99_us")
    t.append(target("GetQuote p99 ≤ 1 ms", x, x is not None and x <= 1000, fmt(x) + " µs"))
    x = v("list_quotes_p99_us")
    t.append(target("ListQuotes(50) p99 ≤ 3 ms", x, x is not None and x <= 3000, fmt(x) + " µs"))
    if "1m" in labels:
        x = v("ingest_late_over_early")
        t.append(target("ingest rate at 1M ≥ 0.8 × rate at 10k", x, x is not None and x >= 0.8, fmt(x) + "×"))
        x = v("ingest_peak_rss_mib")
        t.append(target("ingest RSS ≤ 2 GiB at 1M", x, x is not None and x <= 2048, fmt(x) + " MiB"))
    elif len(labels) >= 2 and v("ingest_articles_per_s_to_" + labels[0]):
        x = v("ingest_rate_late_articles_per_s") / v("ingest_rate_early_articles_per_s")
        t.append("| ingest rate at 1M ≥ 0.8 × rate at 10k | last-window rate at %s / first-window rate: %s× | not measured at 1M (**not met** already at %s) |"
                 % (labels[-1], fmt(x), labels[-1]) if x < 0.8 else
                 "| ingest rate at 1M ≥ 0.8 × rate at 10k | %s× at %s | not measured at 1M |" % (fmt(x), labels[-1]))
        x = v("ingest_peak_rss_mib")
        t.append("| ingest RSS ≤ 2 GiB at 1M | %s MiB at %s | not measured at 1M |"
                 % (fmt(x), labels[-1]))
    else:
        x = v("ingest_late_over_early")
        t.append("| ingest rate at 1M ≥ 0.8 × rate at 10k | late/early window at %s: %s× | not measured at 1M |"
                 % (labels[-1] if labels else "?", fmt(x)))
        x = v("ingest_peak_rss_mib")
        t.append("| ingest RSS ≤ 2 GiB at 1M | %s MiB at %s | not measured at 1M |"
                 % (fmt(x), labels[-1] if labels else "?"))
    x = v("visibility_lag_p99_ms")
    t.append(target("visibility lag p99 ≤ 250 ms", x, x is not None and x <= 250, fmt(x) + " ms"))
    md.append("### Targets\n")
    md.append("| target | measured | verdict |\n|---|---|---|")
    md.extend(t)
    md.append("")
    open(out, "w").write("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
