"""Dependency arrows (``planner gantt --links``): MS Project-style elbow connectors from each
predecessor's start or finish to the successor's, arrowheads at the successor; red where both
ends are critical."""
from __future__ import annotations

from matplotlib.collections import LineCollection

from .style import COLORS


def link_paths(sched, rows, day_in: float) -> tuple[dict, dict, int]:
    """The connectors as polylines by criticality, the arrowheads by direction and
    criticality, and the number of links."""
    net = sched.net
    stub = 0.06 / day_in                          # 0.06 in, in days
    segs = {True: [], False: []}
    heads = {(k, c): [] for k in ("down", "right", "left") for c in (True, False)}
    count = 0
    for si, preds in enumerate(net.links):
        for p, typ, _lag, _el in preds:
            a, b = rows[p], rows[si]
            crit = a.critical and b.critical
            from_end = typ in (0, 2)              # FS, FF leave the predecessor's finish
            to_start = typ in (0, 1)              # FS, SS enter the successor's start
            xa = a.x1 if from_end else a.x0
            xb = b.x0 if to_start else b.x1
            ya, yb = float(p), float(si)
            below = 1 if yb > ya else -1
            edge = yb - below * 0.3               # the bar's near edge
            if to_start and xb >= xa + (stub if from_end else -stub):
                # along the predecessor's row, then down onto the start of the successor
                x = xb + min(stub, (b.x1 - b.x0) / 2 if b.x1 > b.x0 else stub)
                pts = [(xa, ya), (x, ya), (x, edge)]
                heads[("down", crit)].append((x, edge))
            else:
                out = xa + stub if from_end else xa - stub
                into = xb - stub if to_start else xb + stub
                mid = ya + below * 0.5
                pts = [(xa, ya), (out, ya), (out, mid), (into, mid), (into, yb), (xb, yb)]
                heads[("right" if to_start else "left", crit)].append((xb, yb))
            segs[crit].append(pts)
            count += 1
    return segs, heads, count


def draw_links(ax, sched, rows, day_in: float, fs: float) -> int:
    """Draw every link; returns how many."""
    segs, heads, count = link_paths(sched, rows, day_in)
    for crit in (False, True):
        color = COLORS["critical"] if crit else COLORS["link"]
        if segs[crit]:
            ax.add_collection(LineCollection(segs[crit], colors=color, linewidths=0.6,
                                             zorder=2.8, gid=f"links-{int(crit)}"))
        for k, marker in (("down", "v"), ("right", ">"), ("left", "<")):
            pts = heads[(k, crit)]
            if pts:
                ax.plot([x for x, _ in pts], [y for _, y in pts], ls="none", marker=marker,
                        ms=fs * 0.45, color=color, zorder=2.9)
    return count
