#!/usr/bin/env python3
"""Turns the raw output of Benchmarks/run into results/latest.md and latest.json.

Reads from --raw: time-<N>-<tool>.json (hyperfine), rss-<N>-<tool>.txt (KiB, one
line per run, from /usr/bin/time -f %M), files-<N>-<tool>.txt ("html xml MB"),
sitegen-steps-<N>-<variant>.txt (sitegen build -v), cmark-floor-<N>.txt,
templates.json, env.txt. <tool> is "sitegen-<variant>" or "hugo-<variant>".

Noise on a shared VM only ever adds time, so min is the best estimate of the real
cost; medians are shown too, and CPU seconds (user+sys) are the steadiest number.
"""
import argparse
import json
import os
import re
import statistics as st


def load_tool(raw, n, tool):
    path = os.path.join(raw, "time-%d-%s.json" % (n, tool))
    if not os.path.exists(path):
        return None
    r = json.load(open(path))["results"][0]
    t = r["times"]
    rss = [int(x) for x in open(os.path.join(raw, "rss-%d-%s.txt" % (n, tool))).read().split() if x.isdigit()]
    files = open(os.path.join(raw, "files-%d-%s.txt" % (n, tool))).read().split()
    return {
        "pages": n,
        "runs": len(t),
        "wall_s": {"min": min(t), "median": st.median(t), "max": max(t), "mean": st.mean(t)},
        # hyperfine's user/system are means over runs (of the whole command, so the
        # /usr/bin/time wrapper is included; it is negligible).
        "cpu_s_mean": r["user"] + r["system"],
        "pages_per_s": {"min_wall": n / min(t), "median_wall": n / st.median(t)},
        "peak_rss_mib": {"max": max(rss) / 1024, "median": st.median(rss) / 1024} if rss else None,
        "output": {"html": int(files[0]), "xml": int(files[1]), "mb": int(files[2])},
    }


def steps(raw, n, variant):
    path = os.path.join(raw, "sitegen-steps-%d-%s.txt" % (n, variant))
    if not os.path.exists(path):
        return None
    result = {}
    for line in open(path):
        m = re.match(r"\s+(.+): ([0-9.]+) (ms|s)$", line.rstrip())
        if m:
            result[m.group(1)] = float(m.group(2)) / (1000 if m.group(3) == "ms" else 1)
    return result


def ratio(a, b):
    return a / b if b else None


def fmt(x, digits=2):
    return "–" if x is None else ("%.*f" % (digits, x))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True)
    ap.add_argument("--sizes", required=True)
    ap.add_argument("--variants", required=True)
    ap.add_argument("--sitegen-variants", required=True)
    ap.add_argument("--quick", default="0")
    ap.add_argument("--md", required=True)
    ap.add_argument("--json", required=True)
    a = ap.parse_args()
    sizes = sorted(int(s) for s in a.sizes.split())
    variants = a.variants.split()
    svariants = a.sitegen_variants.split()
    tools = ["sitegen-" + v for v in svariants] + ["hugo-" + v for v in variants]

    env = {}
    for line in open(os.path.join(a.raw, "env.txt")):
        if ": " in line:
            k, v = line.rstrip("\n").split(": ", 1)
            env[k] = v

    builds = {}
    for n in sizes:
        builds[str(n)] = {t: load_tool(a.raw, n, t) for t in tools}
        builds[str(n)] = {k: v for k, v in builds[str(n)].items() if v}

    ratios = {}
    for n in sizes:
        for sv in svariants:
            for v in variants:
                s, h = builds[str(n)].get("sitegen-" + sv), builds[str(n)].get("hugo-" + v)
                if s and h:
                    ratios["%d/sitegen-%s/hugo-%s" % (n, sv, v)] = {
                        "wall_min": ratio(s["wall_s"]["min"], h["wall_s"]["min"]),
                        "wall_median": ratio(s["wall_s"]["median"], h["wall_s"]["median"]),
                        "cpu": ratio(s["cpu_s_mean"], h["cpu_s_mean"]),
                        "peak_rss": ratio(s["peak_rss_mib"]["max"], h["peak_rss_mib"]["max"]),
                    }

    scaling = {}
    if len(sizes) > 1:
        lo, hi = sizes[0], sizes[-1]
        for t in tools:
            x, y = builds[str(lo)].get(t), builds[str(hi)].get(t)
            if x and y:
                scaling[t] = {
                    "pages_factor": hi / lo,
                    "wall_min": y["wall_s"]["min"] / x["wall_s"]["min"],
                    "wall_median": y["wall_s"]["median"] / x["wall_s"]["median"],
                    "cpu": y["cpu_s_mean"] / x["cpu_s_mean"],
                    "peak_rss": y["peak_rss_mib"]["max"] / x["peak_rss_mib"]["max"],
                }

    nmax = sizes[-1]
    floor = None
    fpath = os.path.join(a.raw, "cmark-floor-%d.txt" % nmax)
    if os.path.exists(fpath):
        text = open(fpath).read()
        secs = [float(x) for x in re.findall(r"seconds=([0-9.]+)", text)]
        in_mb = re.search(r"in_MB=([0-9.]+)", text)
        if secs:
            floor = {"pages": nmax, "runs": len(secs), "seconds": {"min": min(secs), "median": st.median(secs), "max": max(secs)},
                     "pages_per_s_median": nmax / st.median(secs), "input_mb": float(in_mb.group(1)) if in_mb else None}
            s = builds[str(nmax)].get("sitegen-" + svariants[0])
            if s:
                floor["compared_with"] = "sitegen-" + svariants[0]
                floor["share_of_sitegen_median_wall"] = st.median(secs) / s["wall_s"]["median"]
                floor["share_of_sitegen_cpu"] = st.median(secs) / s["cpu_s_mean"]

    templates = None
    tpath = os.path.join(a.raw, "templates.json")
    if os.path.exists(tpath):
        templates = json.load(open(tpath))

    incremental = {}
    for tool in ("sitegen", "hugo"):
        ipath = os.path.join(a.raw, "incremental-%s.txt" % tool)
        if os.path.exists(ipath):
            ms = [float(x) for x in open(ipath).read().split()]
            if ms:
                incremental[tool] = {"edits": len(ms), "ms": {"min": min(ms), "median": st.median(ms), "max": max(ms)}}
    if "sitegen" in incremental and "hugo" in incremental:
        incremental["ratio_median"] = incremental["sitegen"]["ms"]["median"] / incremental["hugo"]["ms"]["median"]

    component = None
    cpath = os.path.join(a.raw, "component.json")
    if os.path.exists(cpath):
        component = json.load(open(cpath))
        component["markdown"] = open(os.path.join(a.raw, "component.md")).read()

    data = {"env": env, "quick": a.quick == "1", "sizes": sizes, "builds": builds, "ratios_sitegen_over_hugo": ratios,
            "scaling": scaling,
            "sitegen_steps_s": {"%d/%s" % (n, sv): steps(a.raw, n, sv) for n in sizes for sv in svariants},
            "cmark_floor": floor, "templates": templates, "incremental": incremental,
            "component": {k: v for k, v in (component or {}).items() if k != "markdown"} or None}
    with open(a.json, "w") as f:
        json.dump(data, f, indent=2, sort_keys=False)
        f.write("\n")

    md = []
    w = md.append
    w("# sitegen benchmark results")
    w("")
    w("Generated by `Benchmarks/run`%s on %s. Do not edit; rerun instead." % (" (QUICK=1)" if a.quick == "1" else "", env.get("date", "?")))
    w("")
    w("Machine: %s vCPUs (%s), %s RAM, %s. Calibration: busy loop %s s alone, %s s for two at once "
      "(equal = two usable cores, ~2x = one)." % (env.get("nproc"), env.get("cpu"), env.get("mem_total"), env.get("os"),
                                                   env.get("spin_x1_wall"), env.get("spin_x2_wall")))
    w("Versions: sitegen %s · %s · %s · hyperfine %s · libcmark-gfm %s." % (
        env.get("sitegen"), env.get("swift"), (env.get("hugo") or "").split(" BuildDate")[0], env.get("hyperfine", "").replace("hyperfine ", ""),
        env.get("cmark-gfm")))
    w("sitegen variants: **static** = %s (what Hugo does too); **default** = the generated sitegen.toml as is." % (
        env.get("sitegen_static_variant", "?")))
    w("")
    w("Corpus: `gen_corpus.py --seed 42` (Hugo anchor corpus); each build starts from a deleted output folder and writes to disk. "
      "pages/s = content pages ÷ wall time. Noise only adds time: read **min** first, CPU s as the steadiest.")
    w("")
    w("## Full builds")
    w("")
    w("| pages | tool | runs | min s | median s | max s | pages/s (min / median) | CPU s (user+sys) | peak RSS MiB | output html / xml / MB |")
    w("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for n in sizes:
        for t in tools:
            b = builds[str(n)].get(t)
            if not b:
                continue
            label = "**sitegen %s**" % t[8:] if t.startswith("sitegen-") else "hugo " + t[5:]
            w("| %s | %s | %d | %.2f | %.2f | %.2f | %.0f / %.0f | %.1f | %.0f | %d / %d / %d |" % (
                format(n, ","), label, b["runs"], b["wall_s"]["min"], b["wall_s"]["median"], b["wall_s"]["max"],
                b["pages_per_s"]["min_wall"], b["pages_per_s"]["median_wall"], b["cpu_s_mean"],
                b["peak_rss_mib"]["max"], b["output"]["html"], b["output"]["xml"], b["output"]["mb"]))
    w("")
    w("## sitegen ÷ Hugo (same run; below 1 means sitegen is faster or smaller)")
    w("")
    w("| pages | sitegen | hugo | wall (min) | wall (median) | CPU | peak RSS |")
    w("|---:|---|---|---:|---:|---:|---:|")
    for n in sizes:
        for sv in svariants:
            for v in variants:
                r = ratios.get("%d/sitegen-%s/hugo-%s" % (n, sv, v))
                if r:
                    w("| %s | %s | %s | %s | %s | %s | %s |" % (format(n, ","), sv, v, fmt(r["wall_min"]), fmt(r["wall_median"]),
                                                                fmt(r["cpu"]), fmt(r["peak_rss"])))
    if scaling:
        w("")
        w("## Scaling %s → %s pages (×%d)" % (format(sizes[0], ","), format(sizes[-1], ","), sizes[-1] // sizes[0]))
        w("")
        w("| tool | wall (min) | wall (median) | CPU | peak RSS |")
        w("|---|---:|---:|---:|---:|")
        for t, s in scaling.items():
            w("| %s | ×%.1f | ×%.1f | ×%.1f | ×%.1f |" % (t, s["wall_min"], s["wall_median"], s["cpu"], s["peak_rss"]))
    w("")
    w("## sitegen build steps (one `sitegen build -v` before the timed runs)")
    w("")
    cols = [(n, sv) for n in sizes for sv in svariants]
    step_sets = {c: steps(a.raw, *c) for c in cols}
    names = []
    for s in step_sets.values():
        for k in (s or {}):
            if k not in names:
                names.append(k)
    w("| step | " + " | ".join("%s pages %s, s" % (format(n, ","), sv) for n, sv in cols) + " |")
    w("|---|" + "---:|" * len(cols))
    for k in names:
        w("| %s | %s |" % (k, " | ".join(fmt((step_sets[c] or {}).get(k), 3) for c in cols)))
    if floor:
        w("")
        w("## Markdown floor")
        w("")
        w("libcmark-gfm 1 thread, one parser per page, in memory (`cmark_floor.c`), %s pages, %s MB of bodies, %d runs: "
          "min %.3f s, median %.3f s, max %.3f s (%.0f pages/s)." % (
              format(nmax, ","), floor["input_mb"], floor["runs"], floor["seconds"]["min"], floor["seconds"]["median"],
              floor["seconds"]["max"], floor["pages_per_s_median"]))
        if "share_of_sitegen_median_wall" in floor:
            w("That is %.0f%% of %s's median wall time and %.0f%% of its CPU time at %s pages." % (
                100 * floor["share_of_sitegen_median_wall"], floor["compared_with"], 100 * floor["share_of_sitegen_cpu"], format(nmax, ",")))
    if templates:
        u = templates["us_per_page"]
        w("")
        w("## Template micro-benchmark")
        w("")
        w("`sitegen-bench templates`: %s; %d bytes/page; %d × %d renders after %d warmup. "
          "**µs per page: min %.1f, median %.1f, max %.1f** (%s pages/s, %.2f µs per list item); compiling both templates: %.0f µs." % (
              templates["template"], templates["page_bytes"], templates["repetitions"], templates["iterations"], templates["warmup"],
              u["min"], u["median"], u["max"], format(int(templates["pages_per_s_median"]), ","), u["median"] / templates["items"],
              templates["compile_us"]))
    if incremental:
        w("")
        w("## One-page edit with the dev server running (%s pages)" % format(nmax, ","))
        w("")
        w("`incremental/run.sh`: the same page of the corpus, edited %d times (after one warm-up edit); from the write "
          "until a GET of the page shows the edit. sitegen: `sitegen preview` (writes the site to disk); Hugo: `hugo server` "
          "with its defaults (pages from memory, fast render mode)." % incremental.get("sitegen", incremental.get("hugo"))["edits"])
        w("")
        w("| tool | min ms | median ms | max ms |")
        w("|---|---:|---:|---:|")
        for tool in ("sitegen", "hugo"):
            if tool in incremental:
                m = incremental[tool]["ms"]
                w("| %s | %.1f | %.1f | %.1f |" % ("**sitegen preview**" if tool == "sitegen" else "hugo server", m["min"], m["median"], m["max"]))
        if "ratio_median" in incremental:
            w("")
            w("sitegen ÷ Hugo (median): %s." % fmt(incremental["ratio_median"], 3))
    if component:
        w("")
        w("## Server component (`component/run.sh`)")
        w("")
        w(component["markdown"].split("\n", 2)[2].strip())
    w("")
    with open(a.md, "w") as f:
        f.write("\n".join(md))


if __name__ == "__main__":
    main()
