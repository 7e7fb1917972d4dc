"""Generate synthetic corpora of officials' careers, and measure kg on them.

Usage: python bench/corpus.py [--reports 10,100,1000] [--seed 7] [--keep DIR]

Each corpus is a set of invented local-news reports on meetings, written over 2008–2023 about
invented officials. Every official has a career in real places (the area codes): a county
post, then another county of the same city or a post in the city, then the city or the
province. About one official in six shares a name with another one, in another city of the
same province half the time (and then rises no higher than the city), in another province
otherwise. Reports name people with their posts
(in full, or by the county's name alone where the city is known) and sometimes name only
("出席会议的还有A、B"), in varied sentences.

For each size the script reads every report (``kg.extraction.read_text``), resolves who is
who with each resolver, and prints the time taken and how well the identities match the
true ones: B-cubed precision, recall and F1 over the records (one person in one report),
and the precision and recall of the pairs of records from two different reports that are
one person. ``--keep DIR`` writes the reports and the truth (``truth.json``: for each file,
each name's true identity) for other tools.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from kg.extraction import read_text
from kg.extraction.gazetteer import Gazetteer, gazetteer
from kg.model import Place, Report
from kg.resolution import RESOLVERS, Identities, records

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志文斌辉玉萍红娟燕鹏宇飞海波"
TOPICS = ("经济工作", "安全生产", "乡村振兴", "生态环境保护", "营商环境", "防汛抗旱", "招商引资",
          "基层党建", "民生实事", "文明城市创建")
FIRST, LAST = 2008, 2023


@dataclass(frozen=True, slots=True)
class Stint:
    """A post held from one year to another."""

    start: int
    end: int
    place: Place
    org: str  # as a report writes it in full: 杭州市西湖区委, 杭州市
    short: str  # as a report of the same city may write it: 西湖区委
    title: str


@dataclass(slots=True)
class Official:
    key: str  # the true identity
    name: str
    career: list[Stint]

    def at(self, year: int) -> Stint | None:
        return next((s for s in self.career if s.start <= year <= s.end), None)


def _places(gaz: Gazetteer) -> list[tuple[Place, Place, list[Place]]]:
    """(province, city, its counties) for every prefecture-level city of a 省 province."""
    found = []
    for name, places in sorted(gaz.by_name.items()):
        for province in (p for p in places if p.level == "province" and name.endswith("省")):
            if province.name == "台湾省":
                continue
            for city in gaz.children(province):
                counties = [c for c in gaz.children(city) if c.name.endswith(("县", "区"))]
                if city.level == "prefecture" and city.name.endswith("市") and len(counties) > 1:
                    found.append((province, city, counties))
    return found


def _county_post(rng: random.Random, city: Place, county: Place) -> tuple[str, str, str]:
    head = "县长" if county.name.endswith("县") else "区长"
    return rng.choice([(f"{city.name}{county.name}委", f"{county.name}委", "书记"),
                       (f"{city.name}{county.name}", county.name, head),
                       (f"{city.name}{county.name}", county.name, "副" + head)])


def _career(rng: random.Random, province: Place, city: Place, counties: list[Place],
            rise: bool = True) -> list[Stint]:
    """Three posts: a county's; another county's of the city or the city's; the city's or
    (if ``rise``) the province's."""
    year = rng.randint(FIRST - 6, LAST - 4)
    county = rng.choice(counties)
    org, short, title = _county_post(rng, city, county)
    career = [Stint(year, year + 3, county, org, short, title)]
    year += 4
    if rng.random() < 0.3:  # to another county of the same city
        county = rng.choice([c for c in counties if c != county])
        org, short, title = _county_post(rng, city, county)
        career.append(Stint(year, year + 3, county, org, short, title))
    else:
        org, title = rng.choice([(f"{city.name}委", "常委"), (city.name, "副市长"),
                                 (f"{city.name}委", "副书记")])
        career.append(Stint(year, year + 3, city, org, org, title))
    year += 4
    org, title = rng.choice([(city.name, "市长"), (f"{city.name}委", "书记")] + (
        [(province.name, "副省长"), (f"{province.name}委", "常委")] if rise else []))
    place = city if org.startswith(city.name) else province
    career.append(Stint(year, year + 4, place, org, org, title))
    return career


def officials(rng: random.Random, gaz: Gazetteer, count: int) -> list[Official]:
    """Officials with careers; about one in six shares a name with an earlier one."""
    everywhere = _places(gaz)
    provinces = sorted({p.key for p, _, _ in everywhere})
    chosen = set(rng.sample(provinces, min(len(provinces), max(3, count // 150))))
    places = [row for row in everywhere if row[0].key in chosen]
    people: list[Official] = []
    names: set[str] = set()
    homes: dict[str, str] = {}
    while len(people) < count:
        province, city, counties = rng.choice(places)
        rise = True
        if people and rng.random() < 1 / 6:  # a namesake, in this province half the time
            other = rng.choice(people)
            if rng.random() < 0.5:  # (two of a name do not both rise to one province)
                rise = False
                province, city, counties = rng.choice(
                    [row for row in places if row[0].key == homes[other.key]
                     and row[1].key != other.career[0].place.parent] or places)
            name = other.name
        else:
            name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
            if name in names:
                continue
        names.add(name)
        key = f"o{len(people)}"
        homes[key] = province.key
        people.append(Official(key, name, _career(rng, province, city, counties, rise)))
    return people


def _mention(rng: random.Random, stint: Stint, name: str, city: Place) -> str:
    """A person with their post, in full or as the city's own reports write it."""
    local = stint.place.parent == city.key and rng.random() < 0.5
    return f"{stint.short if local else stint.org}{stint.title}{name}"


def report(rng: random.Random, year: int, city: Place, present: list[tuple[Official, Stint]],
           reporter: str) -> tuple[str, dict[str, str]]:
    """One report on a meeting in ``city``: its text, and each name's true identity."""
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    topic = rng.choice(TOPICS)
    lines = [f"{city.name}召开{topic}推进会", "",
             f"本报讯 {year}年{month}月{day}日 记者{reporter}报道 {month}月{day}日,"
             f"{city.name}召开{topic}推进会。"]
    posted = [p for p in present if rng.random() < 0.85]
    bare = [p for p in present if p not in posted]
    for index, (person, stint) in enumerate(posted):
        said = rng.choice(["出席会议并讲话。", "主持会议。", "在会上强调,要狠抓落实。",
                           "作了工作部署。", "参加会议。"])
        lines.append(_mention(rng, stint, person.name, city) + said)
        if index % 3 == 2:
            lines.append(f"{person.name}表示,要把{topic}抓紧抓实。")
    if bare:
        lines.append("出席会议的还有" + "、".join(p.name for p, _ in bare) + "。")
    truth = {p.name: p.key for p, _ in present}
    truth[reporter] = "reporter-" + reporter
    return "\n".join(lines) + "\n", truth


def corpus(seed: int, size: int) -> Iterator[tuple[str, str, dict[str, str]]]:
    """``size`` reports: (file name, text, each name's true identity)."""
    rng = random.Random(seed)
    gaz = gazetteer(2020)
    people = officials(rng, gaz, max(20, size * 2))
    reporters = [f"{rng.choice(SURNAMES)}{g}{h}" for g in "晓新" for h in "光明辉"]
    made = 0
    while made < size:
        year = rng.randint(FIRST, LAST)
        active = [(p, s) for p in people if (s := p.at(year)) is not None]
        if not active:
            continue
        city = _city_of(rng.choice(active)[1].place, gaz)
        here = [(p, s) for p, s in active if city.key in (s.place.key, s.place.parent)
                or s.place.key == city.parent]
        present: dict[str, tuple[Official, Stint]] = {}
        for person, stint in rng.sample(here, min(len(here), rng.randint(3, 9))):
            present.setdefault(person.name, (person, stint))  # one name, one person a report
        text, truth = report(rng, year, city, list(present.values()), rng.choice(reporters))
        made += 1
        yield f"r{made:05d}.txt", text, truth


def _city_of(place: Place, gaz: Gazetteer) -> Place:
    if place.level == "prefecture":
        return place
    parent = gaz.get(place.parent or "")
    if place.level == "province" or parent is None:
        return next(c for c in gaz.children(place) if c.level == "prefecture")
    return parent


def scores(identities: Identities, truth: dict[tuple[str, str], str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the records, and the precision and recall of
    cross-report pairs, of the identities against the true ones."""
    found = {ref: identities[ref].key for ref in truth}
    clusters: dict[str, set[tuple[str, str]]] = defaultdict(set)
    gold: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for ref in truth:
        clusters[found[ref]].add(ref)
        gold[truth[ref]].add(ref)
    precision = sum(len(clusters[found[r]] & gold[truth[r]]) / len(clusters[found[r]])
                    for r in truth) / len(truth)
    recall = sum(len(clusters[found[r]] & gold[truth[r]]) / len(gold[truth[r]])
                 for r in truth) / len(truth)
    same_found = {frozenset(p) for c in clusters.values() for p in combinations(sorted(c), 2)
                  if p[0][0] != p[1][0]}
    same_true = {frozenset(p) for c in gold.values() for p in combinations(sorted(c), 2)
                 if p[0][0] != p[1][0]}
    hits = len(same_found & same_true)
    return {"b3-p": precision, "b3-r": recall, "b3-f1": 2 * precision * recall /
            (precision + recall), "pair-p": hits / len(same_found) if same_found else 1.0,
            "pair-r": hits / len(same_true) if same_true else 1.0}


def measure(seed: int, size: int, keep: Path | None) -> None:
    started = time.perf_counter()
    reports: list[Report] = []
    truth: dict[tuple[str, str], str] = {}
    kept: dict[str, dict[str, str]] = {}
    for name, text, names in corpus(seed, size):
        report_ = read_text(text, name=name)
        reports.append(report_)
        kept[name] = names
        keys = {p.name: p.key for p in report_.extraction.people}
        truth.update({(report_.key, keys[n]): who for n, who in names.items() if n in keys})
        if keep is not None:
            (keep / name).write_text(text, "utf-8")
    if keep is not None:
        (keep / "truth.json").write_text(json.dumps(kept, ensure_ascii=False, indent=1), "utf-8")
    read = time.perf_counter() - started
    found = records(reports)
    for name in sorted(RESOLVERS):
        started = time.perf_counter()
        identities = RESOLVERS[name](found)
        took = time.perf_counter() - started
        row = "  ".join(f"{k} {v:.3f}" for k, v in scores(identities, truth).items())
        print(f"{size:>6} reports  read {read:6.1f} s  {name:<9} {took:6.2f} s  {row}",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", default="10,100,1000",
                        help="corpus sizes, comma-separated (default 10,100,1000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the reports and truth.json here")
    args = parser.parse_args()
    for size in (int(s) for s in args.reports.split(",")):
        keep = args.keep / str(size) if args.keep else None
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
        measure(args.seed, size, keep)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MiB")


if __name__ == "__main__":
    main()
