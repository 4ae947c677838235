"""A deterministic synthetic corpus of products in both languages, for scale tests and benchmarks.

Written outside ``docs/``: into a copy of the repository that the caller made.
Products get realistic length (about 1,150 words per language by default),
metadata drawn from the real vocabularies, and links to other products, so a
build of the corpus does the work a real site of that size would.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hubcore.taxonomy import load as load_taxonomies  # noqa: E402

EN_WORDS = ("digital government public service delivery innovation policy data platform "
            "citizens ministry agency strategy capacity assessment framework interoperability "
            "registry transformation civil servants training evaluation open standards").split()
RU_WORDS = ("цифровое правительство государственные услуги инновации политика данные платформа "
            "граждане министерство агентство стратегия потенциал оценка рамки совместимость "
            "реестр трансформация служащие обучение открытые стандарты цифровизация").split()


def _paragraphs(rng: random.Random, words: tuple[str, ...] | list[str], count: int) -> list[str]:
    out = []
    for _ in range(count):
        sentence_count = rng.randint(4, 7)
        sentences = []
        for _ in range(sentence_count):
            chosen = [rng.choice(words) for _ in range(rng.randint(8, 16))]
            sentences.append(" ".join(chosen).capitalize() + ".")
        out.append(" ".join(sentences))
    return out


def _body(rng: random.Random, words, links: list[str], headings: list[str], words_target: int) -> str:
    parts: list[str] = []
    per_section = max(1, words_target // (len(headings) * 70))
    for i, heading in enumerate(headings):
        parts.append(f"## {heading} {i + 1}")
        parts.extend(_paragraphs(rng, words, per_section))
    parts.append("See also: " + ", ".join(f"[{Path(l).stem}]({l})" for l in links) + ".")
    return "\n\n".join(parts) + "\n"


# The texts of a synthetic workshop's event, per language: place, programme (time, end, title, speaker)
# and speakers (name, role, organisation). Times and the recording are the original's alone.
_EVENT_TEXTS = {
    "en": ("Synthetic city", ["Opening", "First session", "Second session", "Wrap-up"], ["Speaker", "Expert"],
           ["Moderator", "Expert"], ["Synthetic ministry", "Synthetic agency"]),
    "ru": ("Синтетический город", ["Открытие", "Первая сессия", "Вторая сессия", "Итоги"],
           ["Докладчик", "Эксперт"], ["Модератор", "Эксперт"], ["Синтетическое министерство", "Синтетическое агентство"]),
}
_TIMES = [("09:30", "10:00"), ("10:00", "12:00"), ("13:00", "15:00"), ("15:00", "")]


def _event(i: int, lang: str) -> list[str]:
    """The flow mapping's lines after ``event: {`` (and ``kind``, ``format`` in the original)."""
    place, titles, people, roles, organisations = _EVENT_TEXTS[lang]
    original = lang == "en"
    agenda = []
    for n, ((start, end), title) in enumerate(zip(_TIMES, titles)):
        times = (f'time: "{start}", ' + (f'end: "{end}", ' if end else "")) if original else ""
        speaker = f', speaker: "{people[n % 2]} {i}"' if n < 2 else ""
        agenda.append(f'{{{times}title: "{title}"{speaker}}}')
    speakers = [f'{{name: "{people[n]} {i}", role: "{roles[n]}", organisation: "{organisations[n]}"}}' for n in range(2)]
    lines = [f'  location: "{place} {i}",', f"  agenda: [{', '.join(agenda)}],", f"  speakers: [{', '.join(speakers)}]"]
    if original:
        lines[-1] += ","
        lines.append(f'  recording: "https://video.example/synthetic-{i}"')
    return lines + ["}"]


def write_corpus(root: Path, count: int, seed: int = 1, words: int = 1150) -> list[str]:
    """Write ``count`` products (English original + Russian translation) under ``root/docs``.

    Returns the docs-relative paths of the English files. Same arguments, same files.
    """
    taxonomies, _ = load_taxonomies(root)
    rng = random.Random(seed)
    types = list(taxonomies.types.values())
    countries, topics = list(taxonomies["countries"]), list(taxonomies["topics"])
    partners = list(taxonomies["partners"])
    names = [f"{types[i % len(types)].folder}/synthetic-{i:04d}.md" for i in range(count)]
    for i, name in enumerate(names):
        content_type = types[i % len(types)]
        others = [n for n in rng.sample(names, min(3, len(names))) if n != name]
        links = [("../" + o) if o.split("/")[0] != name.split("/")[0] else o.split("/")[1] for o in others]
        meta = [
            f'title: "Synthetic {content_type.id} {i:04d}"',
            f'summary: "A generated {content_type.id} used to measure the build at scale."',
            f'date: "{2021 + i % 3}-{1 + i % 12:02d}"',
            f"countries: [{', '.join(rng.sample(countries, 2))}]",
            f"topics: [{', '.join(rng.sample(topics, 2))}]",
            f"partners: [{rng.choice(partners)}]",
            'partners_source: "Synthetic document, cover"',
        ]
        ru_meta = [f'title: "Синтетический материал {i:04d}"',
                   'summary: "Сгенерированный материал для измерения сборки на большом объёме."']
        if content_type.id == "workshop":  # with a programme, speakers and a recording, in both languages
            meta += [f"event: {{kind: workshop, format: {rng.choice(['online', 'offline', 'self-paced'])},",
                     *_event(i, "en")]
            ru_meta += ["event: {", *_event(i, "ru")]
        english = _body(rng, EN_WORDS, links, ["Context", "Approach", "Findings", "Lessons"], words)
        russian = _body(rng, RU_WORDS, links, ["Контекст", "Подход", "Выводы", "Уроки"], words)
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + "\n".join(meta) + "\n---\n\n" + english, encoding="utf-8")
        path.with_suffix(".ru.md").write_text("---\n" + "\n".join(ru_meta) + "\n---\n\n" + russian,
                                              encoding="utf-8")
    return names
