"""The least work that scores a folder with toolkit's models: the baseline of benchmarks/score.py.

Read each file, split it with one regular expression, run each saved model's
``predict_proba`` on all sentences of a batch of files, write one CSV.
Usage: python benchmarks/plain_score.py FOLDER OUT.csv MODELS_DIR
"""

import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import skops.io as sio

SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])|\n+")
BATCH = 200


def main() -> None:
    folder, out, models_dir = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    paths = {d.name: d / "model.skops" for d in sorted(models_dir.iterdir()) if (d / "model.skops").is_file()}
    models = {name: sio.load(p, trusted=sio.get_untrusted_types(file=p)) for name, p in paths.items()}
    files = sorted(folder.rglob("*.txt"))
    header = True
    for start in range(0, len(files), BATCH):
        ids, texts = [], []
        for path in files[start : start + BATCH]:
            for sentence in SPLIT.split(path.read_text(encoding="utf-8")):
                if sentence.strip():
                    ids.append(path.name)
                    texts.append(sentence.strip())
        table = {"article_id": ids, "text": texts}
        for name, model in models.items():
            proba = model.predict_proba(texts)
            table[name] = np.asarray(proba).argmax(axis=1)
            table[f"{name}_p"] = np.asarray(proba).max(axis=1)
        pd.DataFrame(table).to_csv(out, mode="a", header=header, index=False)
        header = False


if __name__ == "__main__":
    main()
