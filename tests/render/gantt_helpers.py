"""Shared by the Gantt tests in this folder: a module-scoped chart of the seed plan, the
drawn artists by gid, and small, generated and delayed plans."""
import dataclasses
import datetime as dt
import struct

import pytest

from planner.io.yaml_plan import plan_from_data
from planner.render.gantt import build_gantt
from planner.schedule import schedule

D = dt.date.toordinal


@pytest.fixture(scope="module")
def seed_chart(seed_schedule):
    return build_gantt(seed_schedule)


def artists(fig, kind=None):
    chart = fig.axes[0]
    out = {}
    for a in chart.get_children():
        gid = a.get_gid()
        if gid and (kind is None or isinstance(a, kind)):
            out[gid] = a
    return out


def header_texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def small_plan(extra_project="", tasks=None):
    tasks = tasks or [
        {"id": "A", "name": "Forprosjekt", "tasks": [
            {"id": "a1", "name": "Oppstart", "duration": 0},
            {"id": "a2", "name": "Kartlegging", "duration": 20, "predecessors": "a1"},
            {"id": "a3", "name": "Analyse $x$ og 50% mer", "duration": 15,
             "predecessors": "a2SS+5"},
            {"id": "a4", "name": "Beslutning tatt", "duration": 0, "predecessors": "a3"}]},
        {"id": "B", "name": "Gjennomføring", "tasks": [
            {"id": "b1", "name": "Anskaffelse", "duration": 40, "predecessors": "a4"},
            {"id": "b2", "name": "Opplæring", "duration": 10, "predecessors": "b1FF"},
            {"id": "b3", "name": "Innføring", "duration": 25, "predecessors": "b1FS-5"}]},
        {"id": "C", "name": "Uavhengig arbeid", "duration": 30}]
    data = {"project": {"name": "Liten plan", "start": "2024-06-03",
                        "calendar": {"base": "norway", "seasons": ["summer", "romjul"]}},
            "tasks": tasks}
    if extra_project:
        data["project"].update(extra_project)
    return schedule(plan_from_data(data))


def generated_plan(n_phases, per_phase, name_len=1):
    """Phases of chained tasks, every fifth a milestone, some long names."""
    phases, k = [], 0
    for p in range(n_phases):
        kids = []
        for j in range(per_phase):
            k += 1
            t = {"id": f"t{k}", "name": " ".join(["Aktivitet", str(k)] + ["med et langt navn"]
                                                 * (name_len if j % 7 == 3 else 0)),
                 "duration": 0 if j % 5 == 4 else 3 + (k * 7) % 17}
            if j:
                t["predecessors"] = kids[-1]["id"] + ("" if j % 3 else "SS+2")
            elif phases:
                t["predecessors"] = phases[-1]["tasks"][-1]["id"]
            kids.append(t)
        phases.append({"id": f"P{p + 1}", "name": f"Fase {p + 1}", "tasks": kids})
    return schedule(plan_from_data({
        "project": {"name": "Generert", "start": "2024-01-08",
                    "calendar": {"base": "norway",
                                 "seasons": ["summer", "romjul", "easter_week"]}},
        "tasks": phases}))


def assert_no_overlap(boxes):
    """No two label boxes intersect (touching is fine)."""
    boxes = sorted(boxes, key=lambda b: b[1][0])
    active = []
    for text, (x0, y0, x1, y1) in boxes:
        active = [a for a in active if a[1][2] > x0 + 0.01]
        for other, (ax0, ay0, ax1, ay1) in active:
            overlap_y = min(y1, ay1) - max(y0, ay0)
            assert overlap_y <= 0.01, f"{text!r} overlaps {other!r}"
        active.append((text, (x0, y0, x1, y1)))


def delayed(seed_schedule, task="24", days=120):
    plan = seed_schedule.plan
    tasks = [dataclasses.replace(t, duration=days) if t.id == task else t for t in plan.tasks]
    return schedule(dataclasses.replace(plan, tasks=tasks))


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])
