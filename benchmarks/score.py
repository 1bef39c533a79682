"""Throughput, memory and start-up of `toolkit score`, against a plain scikit-learn script.

Builds synthetic corpora by resampling labelled sentences into articles of
about 30 sentences, then in the same run times, as separate processes:

- the plain script (benchmarks/plain_score.py): read, regex split, one
  predict_proba per labeller, one CSV, with the same shipped models;
- `toolkit score --out FILE.csv --jobs 1`, and `--jobs 2`;
- `toolkit score --backend dask` on a two-worker LocalCluster (if installed);
- start-up: scoring one short article from the command line, against
  `python -c "import sklearn, pandas"` plus loading the models.

Reported as ratios, which travel between machines; absolute figures do not.
Run from the repository root:  python benchmarks/score.py [--sizes 1000 10000 50000]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import toolkit

ROOT = Path(__file__).resolve().parent.parent
WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode; "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
)


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of a command and its children."""
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True, check=True)
    seconds, kb, code = done.stdout.split()
    if code != "0":
        raise SystemExit(f"failed ({code}): {' '.join(command)}")
    return float(seconds), int(kb) / 1024


def build_corpus(folder: Path, n: int, sentences: list[str], seed: int = 0) -> int:
    """Write ``n`` articles of 20-40 resampled sentences; returns the sentence count."""
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        k = rng.randint(20, 40)
        total += k
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        paragraphs = [" ".join(rng.choices(sentences, k=5)) for _ in range(k // 5)]
        (sub / f"{i:06d}.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()

    host = toolkit.load_plugins()
    sentences = sorted({t for l in host.labellers() for t in toolkit.load_labels(l).texts if t.endswith(".")})
    from toolkit.paths import default_models_dir

    models_dir = default_models_dir()
    toolkit_cmd = [sys.executable, "-m", "toolkit", "score", "--quiet"]
    rows, memory = [], {}
    cluster = None
    if not args.no_dask:
        try:
            from dask.distributed import LocalCluster

            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        except ImportError:
            pass
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in args.sizes:
            corpus = tmp / f"corpus{n}"
            n_sentences = build_corpus(corpus, n, sentences)
            runs = {
                "plain script": [sys.executable, str(ROOT / "benchmarks" / "plain_score.py"), str(corpus),
                                 str(tmp / "plain.csv"), str(models_dir)],
                "toolkit --jobs 1": [*toolkit_cmd, str(corpus), "--out", str(tmp / "j1.csv"), "--jobs", "1"],
                "toolkit --jobs 2": [*toolkit_cmd, str(corpus), "--out", str(tmp / "j2.csv"), "--jobs", "2"],
            }
            if cluster is not None:
                runs["toolkit dask (2 workers)"] = [*toolkit_cmd, str(corpus), "--out", str(tmp / "dask.csv"),
                                                    "--backend", "dask", "--scheduler", cluster.scheduler_address]
            timings = {}
            for name, command in runs.items():
                for leftover in tmp.glob("*.csv*"):
                    shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
                timings[name] = measure(command)
            memory[n] = timings["toolkit --jobs 1"][1]
            plain = timings["plain script"][0]
            for name, (seconds, mb) in timings.items():
                rows.append((n, name, seconds, n_sentences / seconds, plain / seconds, mb))
            shutil.rmtree(corpus)

        one = tmp / "one.txt"
        one.write_text(" ".join(sentences[:12]), encoding="utf-8")
        bare = [sys.executable, "-c", "import sklearn, pandas, pathlib, skops.io as sio; "
                f"[sio.load(p, trusted=sio.get_untrusted_types(file=p)) "
                f"for p in pathlib.Path({str(models_dir)!r}).glob('*/model.skops')]"]
        startup_bare = min(measure(bare)[0] for _ in range(3))
        startup_toolkit = min(measure([*toolkit_cmd, str(one), "--out", str(tmp / "one.csv")])[0] for _ in range(3))
    if cluster is not None:
        cluster.close()

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("\n| articles | run | seconds | sentences/s | throughput vs plain script | peak memory (MB) |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for n, name, seconds, rate, ratio, mb in rows:
        print(f"| {n:,} | {name} | {seconds:.1f} | {rate:,.0f} | {ratio:.2f} | {mb:.0f} |")
    by = {(n, name): s for n, name, s, *_ in rows}
    print("\n| check | target | measured |")
    print("| --- | --- | ---: |")
    for n in args.sizes:
        print(f"| {n:,} articles: toolkit --jobs 1 vs plain script | >= 0.80 | "
              f"{by[n, 'plain script'] / by[n, 'toolkit --jobs 1']:.2f} |")
        print(f"| {n:,} articles: --jobs 2 vs --jobs 1 | >= 1.70 | {by[n, 'toolkit --jobs 1'] / by[n, 'toolkit --jobs 2']:.2f} |")
        if (n, "toolkit dask (2 workers)") in by:
            print(f"| {n:,} articles: Dask 2 workers vs --jobs 2 | >= 0.85 | "
                  f"{by[n, 'toolkit --jobs 2'] / by[n, 'toolkit dask (2 workers)']:.2f} |")
    small, large = min(args.sizes), max(args.sizes)
    print(f"| peak memory {large:,} vs {small:,} articles | <= 1.20 | {memory[large] / memory[small]:.2f} |")
    print(f"| start-up: one article vs import + model loading | <= 1.50 | {startup_toolkit / startup_bare:.2f} |")


if __name__ == "__main__":
    main()
