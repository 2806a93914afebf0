"""Seeded random plans for tests that compare planner with other schedulers.

``random_plan_data(seed)`` returns a plan in the YAML plan format (plain data, so it can also be
dumped to a file); ``random_plan(seed)`` loads it into a :class:`~planner.model.Plan`.  The same
seed gives the same plan on every machine (only :class:`random.Random` is used).

Every plan has an outline up to four levels deep; links of all four types with zero, negative
and positive lags in working days and in elapsed days; links to and from summary tasks (and
summaries without links); milestones; constraints of every kind and deadlines; the Norwegian
calendar with a random choice of holiday seasons and dated exceptions (some of them working
days on a weekend); a start date that may fall on a weekend or holiday.  Resources with
absences and assignments, levelling delays and ids that are not numbers are optional.

The link network is acyclic by construction, also after MS Project's summary logic has expanded
links on summaries to their subtasks: every leaf gets a random rank, and a link p -> s is drawn
only when every leaf under p ranks below every leaf under s.
"""
from __future__ import annotations

import datetime as dt
import random

SEASONS = ("summer", "summer_weeks", "easter_week", "romjul", "winter_break", "autumn_break")
WORDS = ("Analyse", "Anskaffe", "Beslutte", "Bygge", "Drift", "Etablere", "Forankre", "Innføre",
         "Kartlegge", "Migrere", "Opplæring", "Planlegge", "Rekruttere", "Teste", "Utrede",
         "Avvikle", "Styre", "Måle", "Kommunikasjon", "Øvelse")
LINK_TYPES = ("FS",) * 11 + ("SS",) * 3 + ("FF",) * 3 + ("SF",) * 3
CONSTRAINTS = ("SNET", "FNET", "SNLT", "FNLT", "MSO", "MFO", "ALAP")


def random_plan_data(seed: int, n_tasks: int | None = None, *, resources: bool = False,
                     leveling: bool = False, text_ids: bool = False,
                     constraints: bool = True, max_depth: int = 3) -> dict:
    rng = random.Random(seed)
    n = n_tasks or rng.randint(6, 36)
    start = dt.date(2023, 1, 2) + dt.timedelta(days=rng.randint(0, 1500))

    # -- outline ------------------------------------------------------------------------------
    nodes: list[dict] = []          # {"i", "level", "parent", "summary", "kids"}
    stack: list[int] = []
    while len(nodes) < n:
        r = rng.random()
        if stack and nodes[stack[-1]]["kids"] and r < 0.25:
            stack.pop()
            continue
        parent = stack[-1] if stack else None
        summary = len(stack) < max_depth and r < 0.45 and len(nodes) < n - 1
        node = {"i": len(nodes), "level": len(stack) + 1, "parent": parent, "summary": summary,
                "kids": 0}
        if parent is not None:
            nodes[parent]["kids"] += 1
        nodes.append(node)
        if summary:
            stack.append(node["i"])
    ids = []
    for node in nodes:
        k = node["i"] + 1
        ids.append(f"t{k}{rng.choice('abc')}" if text_ids and rng.random() < 0.4 else k)

    # -- ranks of leaves and the leaf span of every node --------------------------------------
    leaves = [nd["i"] for nd in nodes if not nd["summary"]]
    ranks = list(range(len(leaves)))
    rng.shuffle(ranks)
    rank = dict(zip(leaves, ranks))
    lo = {i: rank[i] for i in leaves}
    hi = dict(lo)
    for nd in reversed(nodes):
        p = nd["parent"]
        if p is not None:
            lo[p] = min(lo.get(p, lo[nd["i"]]), lo[nd["i"]])
            hi[p] = max(hi.get(p, hi[nd["i"]]), hi[nd["i"]])

    # -- tasks --------------------------------------------------------------------------------
    tasks: list[dict] = []
    for nd in nodes:
        i = nd["i"]
        t: dict = {"id": ids[i], "name": f"{rng.choice(WORDS)} {rng.choice(WORDS).lower()} {i + 1}"}
        if not nd["summary"]:
            t["duration"] = 0 if rng.random() < 0.12 else rng.randint(1, 15)
        links_wanted = rng.choices((0, 1, 2, 3), (30, 40, 20, 10))[0]
        if nd["summary"] and rng.random() < 0.6:
            links_wanted = 0                       # summaries with and without links
        cands = [j for j in range(len(nodes)) if hi[j] < lo[i]]
        preds = []
        for j in rng.sample(cands, min(links_wanted, len(cands))):
            typ = rng.choice(LINK_TYPES)
            text = str(ids[j])
            if rng.random() < 0.5:
                lag = rng.randint(-6, 10)
                if lag:
                    unit = "ed" if rng.random() < 0.3 else ""
                    text += f"{typ}{lag:+d}{unit}"
                elif typ != "FS":
                    text += typ
            elif typ != "FS":
                text += typ
            preds.append(text)
        if preds:
            t["predecessors"] = ";".join(preds)
        if not nd["summary"]:
            if constraints and rng.random() < 0.14:
                ctype = rng.choice(CONSTRAINTS)
                if ctype == "ALAP":
                    t["constraint"] = "ALAP"
                else:
                    day = start + dt.timedelta(days=rng.randint(-5, 150))
                    t["constraint"] = {"type": ctype, "date": day.isoformat()}
            if constraints and rng.random() < 0.05:
                t["deadline"] = (start + dt.timedelta(days=rng.randint(5, 200))).isoformat()
            if leveling and rng.random() < 0.25:
                t["leveling_delay"] = rng.randint(1, 6)
        if rng.random() < 0.05:
            t["notes"] = "Merk: <ikke> & \"viktig\" – æøå"
        tasks.append(t)

    # -- resources ----------------------------------------------------------------------------
    res_data = []
    if resources:
        for k in range(rng.randint(1, 4)):
            r: dict = {"id": f"r{k + 1}", "name": f"Ressurs {k + 1} {rng.choice(WORDS)}",
                       "capacity": rng.choice((1, 1, 0.5, 2))}
            if rng.random() < 0.5:
                a = start + dt.timedelta(days=rng.randint(0, 200))
                r["absences"] = [{"from": a.isoformat(),
                                  "to": (a + dt.timedelta(days=rng.randint(0, 12))).isoformat(),
                                  "name": "Permisjon"}]
            if rng.random() < 0.3:
                r["assumption"] = True
            res_data.append(r)
        for nd, t in zip(nodes, tasks):
            if not nd["summary"] and rng.random() < 0.4:
                chosen = rng.sample(res_data, rng.randint(1, min(2, len(res_data))))
                t["resources"] = {r["id"]: rng.choice((1, 1, 0.5, 0.25, 2)) for r in chosen}

    # -- nesting ------------------------------------------------------------------------------
    roots: list[dict] = []
    for nd, t in zip(nodes, tasks):
        if nd["summary"]:
            t["tasks"] = []
        if nd["parent"] is None:
            roots.append(t)
        else:
            tasks[nd["parent"]]["tasks"].append(t)

    # -- calendar -----------------------------------------------------------------------------
    seasons = rng.sample(SEASONS, rng.randint(0, 3))
    exceptions = []
    for _ in range(rng.randint(0, 3)):
        a = start + dt.timedelta(days=rng.randint(-10, 300))
        if rng.random() < 0.25:
            while a.weekday() != 5:                # a working Saturday
                a += dt.timedelta(days=1)
            exceptions.append({"date": a.isoformat(), "working": True, "name": "Arbeidslørdag"})
        else:
            b = a + dt.timedelta(days=rng.randint(0, 9))
            exceptions.append({"from": a.isoformat(), "to": b.isoformat(),
                               "name": rng.choice(("Planleggingsdag", "Stengt", ""))})
    for e in exceptions:
        if not e.get("name"):
            e.pop("name", None)
    calendar: dict = {"base": "norway", "seasons": seasons}
    if exceptions:
        calendar["exceptions"] = exceptions
    data: dict = {"project": {"name": f"Tilfeldig plan {seed}", "start": start.isoformat(),
                              "calendar": calendar}}
    if res_data:
        data["resources"] = res_data
    data["tasks"] = roots
    return data


def random_plan(seed: int, **options):
    from planner.io.yaml_plan import plan_from_data

    return plan_from_data(random_plan_data(seed, **options))
