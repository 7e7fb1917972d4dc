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
import multiprocessing
import random
import resource
import statistics
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rdflib import Graph

from kg.extraction.gazetteer import Gazetteer, gazetteer
from kg.model import Place
from kg.resolution import RESOLVERS, Identities
from kg.sparql.catalogue import PARAMETER_PREFIX, named_queries
from kg.sparql.run import run_store_query, with_values
from kg.store import ReportStore, jobs_default
from kg.store.layout import prefixes
from kg.store.read import as_rdflib

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志文斌辉玉萍红娟燕鹏宇飞海波"
TOPICS = ("经济工作", "安全生产", "乡村振兴", "生态环境保护", "营商环境", "防汛抗旱", "招商引资",
          "基层党建", "民生实事", "文明城市创建")
FIRST, LAST = 2008, 2023
WORDS = ("会议强调,要坚持稳中求进工作总基调。", "要深入调查研究,摸清底数,找准问题。",
         "各地各部门要压实责任,形成工作合力。", "要加强统筹协调,确保各项任务落到实处。",
         "要坚持以人民为中心,切实解决群众急难愁盼问题。", "要强化督查考核,以钉钉子精神抓好落实。",
         "与会同志结合实际作了交流发言。", "要加强队伍建设,提升履职能力。",
         "要守牢安全底线,防范化解重大风险。", "要总结经验做法,推动工作提质增效。")


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
    held: dict[str, set[str]] = defaultdict(set)  # the provinces each name serves in
    while len(people) < count:
        province, city, counties = rng.choice(places)
        rise = True
        if people and rng.random() < 1 / 6:  # a namesake, in this province half the time
            other = rng.choice(people)
            elsewhere = [row for row in places if row[0].key not in held[other.name]]
            if rng.random() < 0.5 or not elsewhere:  # (and then rising no higher than
                rise = False                         # the city: two of a name do not both
                province, city, counties = rng.choice(  # rise to one province)
                    [row for row in places if row[0].key == homes[other.key]
                     and row[1].key != other.career[0].place.parent] or places)
            else:
                province, city, counties = rng.choice(elsewhere)
            name = other.name
        else:
            name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
            if name in names:
                continue
        names.add(name)
        held[name].add(province.key)
        key = f"o{len(people)}"
        homes[key] = province.key
        people.append(Official(key, name, _career(rng, province, city, counties, rise)))
    return people


def _mention(rng: random.Random, stint: Stint, name: str, city: Place) -> str:
    """A person with their post, in full or as the city's own reports write it."""
    local = stint.place.parent == city.key and rng.random() < 0.5
    return f"{stint.short if local else stint.org}{stint.title}{name}"


def meeting(rng: random.Random, city: Place, present: list[tuple[Official, Stint]],
            topic: str, padded: bool = False) -> list[str]:
    """The lines on one meeting in ``city``: people with their posts, some of them only
    named (with ``padded``, the report's own words after each, about as many as the bundled
    report has between its people)."""
    lines = [f"{city.name}召开{topic}推进会。"]
    posted = [p for p in present if rng.random() < 0.85]
    bare = [p for p in present if p not in posted]
    for index, (person, stint) in enumerate(posted):
        said = rng.choice(["出席会议并讲话。", "主持会议。", "在会上强调,要狠抓落实。",
                           "作了工作部署。", "参加会议。"])
        lines.append(_mention(rng, stint, person.name, city) + said)
        if index % 3 == 2:
            lines.append(f"{person.name}表示,要把{topic}抓紧抓实。")
        if padded:  # a report's own words between the people, as long reports have
            lines.append("".join(rng.sample(WORDS, 6)))
    if bare:
        lines.append("出席会议的还有" + "、".join(p.name for p, _ in bare) + "。")
    return lines


class Officials:
    """The officials, found by the year and the city they serve in."""

    def __init__(self, people: list[Official], gaz: Gazetteer) -> None:
        self.by_year: dict[int, list[tuple[Official, Stint]]] = defaultdict(list)
        self.by_city: dict[tuple[int, str], list[tuple[Official, Stint]]] = defaultdict(list)
        for person in people:
            for stint in person.career:
                for year in range(stint.start, stint.end + 1):
                    self.by_year[year].append((person, stint))
                    for city in _cities_served(stint.place, gaz):
                        self.by_city[(year, city)].append((person, stint))


def _cities_served(place: Place, gaz: Gazetteer) -> list[str]:
    """The cities whose meetings an official of ``place`` attends: its own; a province's
    official, every city of the province."""
    if place.level == "province":
        return [c.key for c in gaz.children(place) if c.level == "prefecture"]
    return [place.key if place.level == "prefecture" else place.parent or ""]


def corpus(seed: int, size: int, chars: int = 0) -> Iterator[tuple[str, str, dict[str, str]]]:
    """``size`` reports of at least ``chars`` characters each (one meeting each if 0, else
    meetings of that year in the province's cities until the report is that long): (file
    name, text, each name's true identity)."""
    rng = random.Random(seed)
    gaz = gazetteer(2020)
    found = Officials(officials(rng, gaz, min(30_000, max(20, size * 2) * (1 + chars // 2000))),
                      gaz)
    reporters = [f"{rng.choice(SURNAMES)}{g}{h}" for g in "晓新" for h in "光明辉"]
    made = 0
    while made < size:
        year = rng.randint(FIRST, LAST)
        if not found.by_year[year]:
            continue
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        reporter = rng.choice(reporters)
        city = _city_of(rng.choice(found.by_year[year])[1].place, gaz)
        topic = rng.choice(TOPICS)
        lines = [f"{city.name}召开{topic}推进会", "",
                 f"本报讯 {year}年{month}月{day}日 记者{reporter}报道 {month}月{day}日,"]
        truth = {reporter: "reporter-" + reporter}
        while True:
            here = found.by_city[(year, city.key)]
            present = [(p, s) for p, s in rng.sample(here, min(len(here), rng.randint(3, 9)))
                       if truth.setdefault(p.name, p.key) == p.key]  # one name, one person
            lines += meeting(rng, city, present, topic, padded=chars > 0)
            if sum(map(len, lines)) >= chars:
                break
            city = _city_of(rng.choice(found.by_year[year])[1].place, gaz)
        made += 1
        yield f"r{made:05d}.txt", "\n".join(lines) + "\n", truth


def _city_of(place: Place, gaz: Gazetteer) -> Place:
    if place.level == "prefecture":
        return place
    parent = gaz.get(place.parent or "")
    if place.level == "province" or parent is None:
        return next(c for c in gaz.children(place) if c.level == "prefecture")
    return parent


def scores(identities: Identities, truth: dict[tuple[str, str], str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the records, and the precision and recall of
    cross-report pairs, of the identities against the true ones (pairs counted, not made:
    a name in thousands of reports has millions)."""
    found = {ref: identities[ref].key for ref in truth}
    clusters: dict[str, set[tuple[str, str]]] = defaultdict(set)
    gold: dict[str, set[tuple[str, str]]] = defaultdict(set)
    both: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for ref in truth:
        clusters[found[ref]].add(ref)
        gold[truth[ref]].add(ref)
        both[(found[ref], truth[ref])].add(ref)
    precision = sum(len(both[(found[r], truth[r])]) / len(clusters[found[r]])
                    for r in truth) / len(truth)
    recall = sum(len(both[(found[r], truth[r])]) / len(gold[truth[r]])
                 for r in truth) / len(truth)
    hits = sum(map(_cross_pairs, both.values()))
    same_found = sum(map(_cross_pairs, clusters.values()))
    same_true = sum(map(_cross_pairs, gold.values()))
    return {"b3-p": precision, "b3-r": recall, "b3-f1": 2 * precision * recall /
            (precision + recall), "pair-p": hits / same_found if same_found else 1.0,
            "pair-r": hits / same_true if same_true else 1.0}


def _cross_pairs(refs: set[tuple[str, str]]) -> int:
    """How many pairs of these records come from two different reports."""
    per_report = Counter(report for report, _ in refs)
    return len(refs) * (len(refs) - 1) // 2 - sum(n * (n - 1) // 2 for n in
                                                   per_report.values())


@dataclass(frozen=True, slots=True)
class Run:
    """What to measure: the corpus and how to build it."""

    seed: int
    size: int
    chars: int
    jobs: int
    rdflib_up_to: int
    queries_up_to: int
    keep: Path | None


def measure(run: Run) -> None:
    """Build one corpus into a new store and print what it took and how well it resolved."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = run.keep or Path(tmp) / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        truth_by_file: dict[str, dict[str, str]] = {}
        for name, text, names in corpus(run.seed, run.size + 1, run.chars):
            (folder / name).write_text(text, "utf-8")
            truth_by_file[name] = names
        (folder / "truth.json").write_text(json.dumps(truth_by_file, ensure_ascii=False), "utf-8")
        paths = sorted(folder.glob("r*.txt"))
        store = ReportStore(Path(tmp) / "store", jobs=run.jobs)
        started = time.perf_counter()
        store.add(paths[:-1])
        built = time.perf_counter() - started
        started = time.perf_counter()
        rewritten = store.add(paths[-1:]).rewritten
        one_more = time.perf_counter() - started
        chars = sum(p.stat().st_size for p in paths[:-1]) // 3  # nearly all CJK: 3 bytes
        print(f"{run.size:>6} reports  {chars:>11,} chars  build {built:6.1f} s  "
              f"+1 report {one_more:5.2f} s ({rewritten} rewritten)  "
              f"statements {store.statements():>10,}  "
              f"peak {_peak():6.0f} MiB", flush=True)
        _resolution(store, truth_by_file, run.size)
        if run.size <= run.queries_up_to:
            _queries(store, run.size <= run.rdflib_up_to)


def _peak() -> float:
    """The peak memory of this process or any it waited for, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def _resolution(store: ReportStore, truth_by_file: dict[str, dict[str, str]],
                size: int) -> None:
    truth = {r.ref: truth_by_file[e.name][r.name] for e in store for r in e.records
             if r.name in truth_by_file[e.name]}
    found = [r for e in store for r in e.records]
    for name in sorted(RESOLVERS):
        row = "  ".join(f"{k} {v:.3f}" for k, v in scores(RESOLVERS[name](found), truth).items())
        print(f"{size:>6} reports  resolver {name:<9} {row}", flush=True)


def _queries(store: ReportStore, with_rdflib: bool) -> None:
    """The median time of each named query on the store, and on rdflib beside it."""
    params = {"provenance": {"person": next(iter(store)).records[0].name}}
    graph = as_rdflib(store.graphs, store.base) if with_rdflib else None
    cells = []
    names = prefixes(store.base)
    for name, text in sorted(named_queries().items()):
        given = params.get(name)
        ours = _median(partial(run_store_query, store.graphs, text, given, names), 5)
        theirs = _median(partial(_on_rdflib, graph, text, given or {}), 1) \
            if graph is not None else None
        cells.append(f"{name} {ours * 1000:.0f} ms" +
                     (f" (rdflib {theirs * 1000:.0f} ms)" if theirs is not None else ""))
    print("        queries  " + "; ".join(cells), flush=True)


def _on_rdflib(graph: Graph, text: str, given: dict[str, str]) -> None:
    """A named query answered by rdflib's own SPARQL engine, its parameters written in."""
    list(graph.query(with_values(text, {PARAMETER_PREFIX + k: v for k, v in given.items()})))


def _median(call: Callable[[], object], times: int) -> float:
    took = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        took.append(time.perf_counter() - started)
    return statistics.median(took)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", default="10,100,1000",
                        help="corpus sizes, comma-separated (default 10,100,1000)")
    parser.add_argument("--chars", type=int, default=0,
                        help="characters a report has at least (default: one meeting each; "
                             "18600 is the bundled report's size)")
    parser.add_argument("--jobs", type=int, default=jobs_default(),
                        help="processes to read in (default: one per core)")
    parser.add_argument("--rdflib-up-to", type=int, default=1000,
                        help="time the queries on rdflib too up to this many reports")
    parser.add_argument("--queries-up-to", type=int, default=10_000,
                        help="time the named queries up to this many reports")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the reports and truth.json here")
    args = parser.parse_args()
    for size in (int(s) for s in args.reports.split(",")):
        keep = args.keep / str(size) if args.keep else None
        run = Run(args.seed, size, args.chars, args.jobs, args.rdflib_up_to,
                  args.queries_up_to, keep)
        child = multiprocessing.get_context("fork").Process(target=measure, args=(run,))
        child.start()  # each size in a process of its own: its peak memory its own
        child.join()


if __name__ == "__main__":
    main()
