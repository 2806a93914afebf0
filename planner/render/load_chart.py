"""Weekly load histograms, one PNG per resource (matplotlib, imported only here)."""
from __future__ import annotations

import os
import re

from ..io.documents import write_atomic


def chart_file_name(resource_id: str) -> str:
    """``load_<id>.png`` with anything unsafe in a file name replaced by ``_``."""
    return "load_" + re.sub(r"[^A-Za-z0-9._-]+", "_", resource_id) + ".png"


WORDS = {
    "en": {"work": "work (person-days)", "available": "available",
           "per_week": "person-days per week", "capacity": "capacity",
           "assumption": "assumption"},
    "nb": {"work": "arbeid (dagsverk)", "available": "tilgjengelig",
           "per_week": "dagsverk per uke", "capacity": "kapasitet", "assumption": "antakelse"},
}


def write_load_charts(loads: list, folder: str, title: str, lang: str = "en") -> list:
    """Write ``folder/load_<resource>.png`` for every resource: bars of person-days per ISO
    week (red where a day is over capacity) against the person-days available.  Returns the
    paths written.  The same input gives byte-identical files."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    os.makedirs(folder, exist_ok=True)
    w = WORDS[lang]
    written = []
    for ld in loads:
        weeks = ld.weeks
        xs = list(range(len(weeks)))
        work = [w.work for w in weeks]
        avail = [w.available for w in weeks]
        colors = ["#c0392b" if w.over else "#2e86c1" for w in weeks]
        fig, ax = plt.subplots(figsize=(max(6.0, 0.18 * len(weeks) + 2), 3.2), dpi=100)
        ax.bar(xs, work, color=colors, width=0.8, label=w["work"])
        ax.step([x - 0.5 for x in xs] + [len(xs) - 0.5], avail + avail[-1:], where="post",
                color="black", linewidth=1.2, label=w["available"])
        step = max(1, len(weeks) // 12)
        ax.set_xticks(xs[::step])
        ax.set_xticklabels([w.week for w in weeks][::step], rotation=45, ha="right",
                           fontsize=7)
        ax.set_ylabel(w["per_week"])
        cap = f"{ld.capacity:g}"
        if lang == "nb":
            cap = cap.replace(".", ",")
        ax.set_title(f"{ld.id}: {ld.name} ({w['capacity']} {cap})" +
                     (f" [{w['assumption']}]" if ld.assumption else ""), fontsize=9, loc="left")
        fig.text(0.995, 0.005, title, fontsize=6, ha="right", va="bottom", color="#555555")
        ax.legend(fontsize=7, loc="upper left", framealpha=0.8)
        ax.set_xlim(-0.6, len(xs) - 0.4)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", metadata={"Software": None})
        plt.close(fig)
        path = os.path.join(folder, chart_file_name(ld.id))
        write_atomic(path, buf.getvalue())
        written.append(path)
    return written
