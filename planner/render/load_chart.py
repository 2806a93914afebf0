"""Weekly load histograms, one PNG per resource (matplotlib, imported only here)."""
from __future__ import annotations

import hashlib
import os
import re

from ..errors import PlanError
from ..io.output import write_files

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def chart_file_names(resource_ids) -> dict:
    """``{id: "load_<id>.png"}``, one distinct name per id, on any file system.

    An id that is not already a safe file name (``a b``, ``Ås/2``) is slugged (unsafe runs
    become ``_``) and gets the first 8 hex digits of its SHA-1, so ``a b`` and ``a_b`` never
    write the same file; so do ids that differ only in case (``A`` and ``a``)."""
    ids = list(resource_ids)
    slugs = {rid: _UNSAFE.sub("_", rid) for rid in ids}
    plain: dict = {}
    for rid in ids:
        if slugs[rid] == rid:
            plain.setdefault(rid.casefold(), []).append(rid)
    out = {}
    for rid in ids:
        slug = slugs[rid]
        if slug != rid or len(plain[rid.casefold()]) > 1:
            slug = f"{slug}-{hashlib.sha1(rid.encode('utf-8')).hexdigest()[:8]}"
        out[rid] = f"load_{slug}.png"
    names = [n.casefold() for n in out.values()]
    if len(set(names)) != len(names):         # only an id chosen to look like a hashed name
        dup = next(rid for rid in ids if names.count(out[rid].casefold()) > 1)
        raise PlanError(f"resource id {dup!r} gives the same chart file name as another "
                        f"resource; rename one")
    return out


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
    paths written.  The same input gives byte-identical files; the charts are written
    all-or-nothing (:func:`planner.io.output.write_files`), the folder made if need be."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = chart_file_names([ld.id for ld in loads])
    w = WORDS[lang]
    charts = []
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
        charts.append((os.path.join(folder, names[ld.id]), buf.getvalue()))
    made = _make_folder(folder)
    try:
        return write_files(charts)
    except BaseException:
        if made:
            try:
                os.rmdir(folder)             # nothing written: leave no empty folder either
            except OSError:
                pass
        raise


def _make_folder(folder: str) -> bool:
    """Make ``folder`` if it is not there; whether it was made."""
    if os.path.isdir(folder):
        return False
    try:
        os.makedirs(folder)
        return True
    except FileExistsError:
        raise PlanError("is a file, not a folder", file=folder, line=0) from None
    except OSError as exc:
        raise PlanError(f"cannot make the folder: {exc.strerror}", file=folder, line=0) from None
