#!/usr/bin/env python3
"""Turns JMH JSON results (java -jar target/bench/benchmarks.jar ... -rf json -rff FILE) into the
Markdown tables of docs/benchmarks.md. Standard library only.

Usage: python3 bench/jmh-report.py RESULT.json [MORE.json ...]
"""
import json
import sys

VARIANTS = [
    ("engineTraceOn", "(a) engine, trace on"),
    ("engineTraceOff", "(b) engine, trace off"),
    ("droolsStatelessWithVerdict", "(c) bare stateless session, verdict group fired too"),
    ("droolsStateless", "(c') bare stateless session, execute(facts) only"),
    ("plainJava", "(d) plain Java"),
]
REQUESTS = ["healthy", "typical", "worst"]


def load(paths):
    results = []
    for path in paths:
        with open(path) as f:
            results.extend(json.load(f))
    return results


def method(entry):
    return entry["benchmark"].rsplit(".", 1)[1]


def num(value):
    """JMH writes "NaN" (a string) for the error of a single iteration."""
    return value if isinstance(value, (int, float)) else float("nan")


def to_us(value, unit):
    value = num(value)
    factor = {"s/op": 1e6, "ms/op": 1e3, "us/op": 1.0, "ns/op": 1e-3}[unit]
    return value * factor


def per_second(value, unit):
    value = num(value)
    factor = {"ops/s": 1.0, "ops/ms": 1e3, "ops/us": 1e6, "ops/ns": 1e9}[unit]
    return value * factor


def alloc(entry):
    metric = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return None if metric is None else metric["score"]


def fmt(value, digits=1):
    if value is None or value != value:
        return "–"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def engine_tables(results):
    rows = {}
    for entry in results:
        if "EngineBenchmark" not in entry["benchmark"]:
            continue
        key = (entry["params"]["request"], method(entry))
        rows.setdefault(key, {})[entry["mode"]] = entry
    if not rows:
        return []
    out = ["| request | variant | decisions/s (1 thread, 10⁶ ÷ mean µs) | mean µs | p50 µs | p99 µs | p99.9 µs | allocated per decision |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]
    times = {}
    for request in REQUESTS:
        for name, label in VARIANTS:
            modes = rows.get((request, name))
            if not modes:
                continue
            thrpt = modes.get("thrpt")
            sample = modes.get("sample") or modes.get("avgt")
            ops = per_second(thrpt["primaryMetric"]["score"], thrpt["primaryMetric"]["scoreUnit"]) if thrpt else None
            err = per_second(thrpt["primaryMetric"]["scoreError"], thrpt["primaryMetric"]["scoreUnit"]) if thrpt else float("nan")
            mean = p50 = p99 = p999 = None
            if sample:
                unit = sample["primaryMetric"]["scoreUnit"]
                mean = to_us(sample["primaryMetric"]["score"], unit)
                pct = sample["primaryMetric"].get("scorePercentiles", {})
                if "50.0" in pct and sample["mode"] == "sample":
                    p50, p99, p999 = (to_us(pct[k], unit) for k in ("50.0", "99.0", "99.9"))
            bytes_per_op = alloc(thrpt or sample)
            if ops is None and mean:
                ops = 1e6 / mean
            times[(request, name)] = mean if mean else 1e6 / ops
            ops_text = "–" if ops is None else f"{ops:,.0f}" + ("" if err != err else f" ± {err:,.0f}")
            alloc_text = "–" if bytes_per_op is None else f"{bytes_per_op / 1024:,.1f} KiB"
            out.append(f"| {request} | {label} | {ops_text} | {fmt(mean)} | {fmt(p50)} | {fmt(p99)} | {fmt(p999)} | {alloc_text} |")
    out.append("")
    out.append("| request | trace on ÷ bare session with verdict | trace on ÷ bare execute(facts) | trace on ÷ trace off | trace on ÷ plain Java |")
    out.append("|---|---:|---:|---:|---:|")
    for request in REQUESTS:
        on = times.get((request, "engineTraceOn"))
        if not on:
            continue

        def ratio(other):
            value = times.get((request, other))
            return "–" if not value else f"{on / value:.2f}×"
        out.append(f"| {request} | {ratio('droolsStatelessWithVerdict')} | {ratio('droolsStateless')} | "
                   f"{ratio('engineTraceOff')} | {ratio('plainJava')} |")
    return out


def scale_tables(results):
    out = []
    stakeholders = [e for e in results if e["benchmark"].endswith("ScaleBenchmark.decideByStakeholders")]
    if stakeholders:
        out += ["| stakeholders | mean µs per decision (trace on) | µs per stakeholder | allocated per decision |",
                "|---:|---:|---:|---:|"]
        for e in sorted(stakeholders, key=lambda e: int(e["params"]["stakeholders"])):
            n = int(e["params"]["stakeholders"])
            us = to_us(e["primaryMetric"]["score"], e["primaryMetric"]["scoreUnit"])
            err = to_us(e["primaryMetric"]["scoreError"], e["primaryMetric"]["scoreUnit"])
            a = alloc(e)
            out.append(f"| {n} | {fmt(us)} ± {fmt(err)} | {fmt(us / n)} | {'–' if a is None else f'{a / 1024:,.1f} KiB'} |")
        out.append("")
    by_size = [e for e in results if e["benchmark"].endswith("ScaleBenchmark.decideByRulesetSize")]
    compiles = {e["params"]["rulesetSize"]: e for e in results if e["benchmark"].endswith("ScaleBenchmark.compile")}
    if by_size or compiles:
        out += ["| ruleset | decision µs (typical, trace on) | allocated per decision | compile ms (warm: mean of shots 2–4) | compile ms (cold: first shot in a fresh JVM) |",
                "|---|---:|---:|---:|---:|"]
        sizes = sorted({e["params"]["rulesetSize"] for e in by_size} | set(compiles), key=int)
        for size in sizes:
            decide = next((e for e in by_size if e["params"]["rulesetSize"] == size), None)
            compile_entry = compiles.get(size)
            us = to_us(decide["primaryMetric"]["score"], decide["primaryMetric"]["scoreUnit"]) if decide else None
            err = to_us(decide["primaryMetric"]["scoreError"], decide["primaryMetric"]["scoreUnit"]) if decide else None
            a = alloc(decide) if decide else None
            warm = cold = None
            if compile_entry:
                unit = compile_entry["primaryMetric"]["scoreUnit"]
                shots = [to_us(v, unit) / 1000 for fork in compile_entry["primaryMetric"]["rawData"] for v in fork]
                cold = shots[0]
                warm = sum(shots[1:]) / len(shots[1:]) if len(shots) > 1 else None
            label = "catalogue (50 rules)" if size == "1" else f"synthetic, {size}× the catalogue ({50 * int(size)} rules)"
            out.append(f"| {label} | {'–' if us is None else f'{fmt(us)} ± {fmt(err)}'} | "
                       f"{'–' if a is None else f'{a / 1024:,.1f} KiB'} | {fmt(warm)} | {fmt(cold)} |")
    return out


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    results = load(sys.argv[1:])
    lines = engine_tables(results)
    if lines:
        print("\n".join(lines))
        print()
    lines = scale_tables(results)
    if lines:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
