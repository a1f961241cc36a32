"""The operator's lists as the reader looks them up: units by name or alias, tasks by code or by
title (folded, fuzzy, unambiguous), tasks named in a sentence, and the headings that open a report
section. Built once per Directory (a batch shares one)."""

from __future__ import annotations

import re

from parsers import periods
from parsers.labels import match_label, strip_bullet
from parsers.models import Directory, TaskInfo, UnitInfo
from parsers.text import clean_line, compact, fold, fold_key
from parsers.values import read_progress, read_status

_CODE = re.compile(r"^([a-z]{1,8})[\s\-._]*(\d{1,4}(?:[.\-_]\d{1,3})*)(?![\d])")
_CODE_SEP = re.compile(r"[.\-_]")
_CONNECTOR = re.compile(r"[\s,;&/+()\-]*(?:va|hoac|cung|and)?[\s,;&/+()\-]*(?:\([^)]*\))?\s*")
_PARENS = re.compile(r"\([^)]*\)|^[^(]*\)")
_LEADING_PARENS = re.compile(r"^\(([^)]*)\)")
_ROMAN = re.compile(r"^[IVX]{1,4}[.)]\s")
# A heading that names a report kind ('BÁO CÁO TUẦN 48', 'Báo cáo ngày 27/11') or a unit.
_KIND_HEADING = re.compile(r"^(?:phan \w+ )?(?:bao cao|bc)\s*(?:tien do\s*|dinh ky\s*|ket qua\s*)?(ngay|tuan|thang)\b")
_UNIT_WORDS = re.compile(r"^(?:ubnd |uy ban nhan dan |dang uy )?(?:xa|phuong|thi tran|so|ban|truong|cong an|van phong|trung tam|ubnd|uy ban)\b")
_PROVINCE = re.compile(r"\btinh binh dinh\b|^ubnd tinh$|^uy ban nhan dan tinh$")

def task_key(text: str) -> str | None:
    """'NV-01', 'nv 1', 'NV01 - Xây dựng …' all give 'nv-1'."""
    m = _CODE.match(fold(text))
    if not m:
        return None
    nums = _CODE_SEP.split(m.group(2))
    return "-".join([m.group(1)] + [str(int(n)) for n in nums if n])


class Lookup:
    def __init__(self, d: Directory) -> None:
        self.units = d.units
        self.by_key: dict[str, UnitInfo] = {}
        for u in d.units:
            for name in [u.code, u.name, u.short_name, *u.aliases]:
                if name and name.strip():
                    self.by_key.setdefault(fold_key(name), u)
                    self.by_key.setdefault(compact(name), u)
        self.by_email: dict[str, list[UnitInfo]] = {}
        for u in d.units:
            for e in u.emails:
                self.by_email.setdefault(e.strip().lower(), []).append(u)
        self._task_hits: dict[str, tuple[str, TaskInfo | None, str | None]] = {}
        self.tasks: dict[str, TaskInfo] = {}
        for t in d.tasks:
            k = task_key(t.code)
            if k:
                self.tasks.setdefault(k, t)
            self.tasks.setdefault(compact(t.code), t)
        # Each task once, in list order; and each unit's own tasks (led or supported), asked for
        # on every block of every message: computed once per Directory.
        self.tasks_list: list[TaskInfo] = list({t.code: t for t in self.tasks.values()}.values())
        self._unit_tasks: dict[frozenset[str], list[TaskInfo]] = {}
        self._task_places: dict[str, list[int]] | None = None  # unit -> its tasks' places in tasks_list
        # By code, for the gateway's use cases (a receipt, a routing mail): not a scan of the lists
        # per message, which at 10,000 units was milliseconds each.
        self.unit_by_code: dict[str, UnitInfo] = {}
        for u in d.units:
            self.unit_by_code.setdefault(u.code, u)
        self.task_by_code: dict[str, TaskInfo] = {}
        for t in d.tasks:
            self.task_by_code.setdefault(t.code, t)
        self.task_titles = {code: t.title for code, t in self.task_by_code.items()}

        prefixes = sorted({m.group(1) for t in d.tasks if (m := _CODE.match(fold(t.code)))}, key=len, reverse=True)
        self._mention_rx = re.compile(
            r"(?<![^\W_])(" + "|".join(map(re.escape, prefixes)) + r")[ \-._]?(\d{1,4})(?![\d])", re.IGNORECASE
        ) if prefixes else None
        self._title_tokens: dict[str, list[str]] = {t.code: fold_key(t.title).split() for t in d.tasks}
        self._heading_hits: dict[str, object] = {}

    def unit_tasks(self, units: list[UnitInfo]) -> list[TaskInfo]:
        codes = frozenset(u.code for u in units)
        hit = self._unit_tasks.get(codes)
        if hit is None:
            if self._task_places is None:
                places: dict[str, list[int]] = {}
                for i, t in enumerate(self.tasks_list):
                    for code in dict.fromkeys((t.lead_unit, *t.coordinating_units)):
                        places.setdefault(code, []).append(i)
                self._task_places = places
            at = sorted({i for c in codes for i in self._task_places.get(c, ())})
            hit = [self.tasks_list[i] for i in at]
            self._unit_tasks[codes] = hit
        return hit

    def by_title(self, text: str, candidates: list[TaskInfo]) -> list[TaskInfo]:
        """The tasks whose title the text names (folded, fuzzy): best first, near-ties kept.
        The words before a colon (or the first dozen) are compared with each title: nearly all of
        them must be the title's, and they must cover at least half of it."""
        head = text.split(":", 1)[0] if ":" in text[:200] else text
        words = [w for w in fold_key(head).split() if len(w) > 1][:16]
        if len(words) < 2:
            return []
        joined = " " + " ".join(fold_key(text).split()[:40]) + " "
        have = set(words)
        scored: list[tuple[float, TaskInfo]] = []
        for t in candidates:
            tw = self._title_tokens.get(t.code) or []
            if len(tw) < 3:
                continue
            if " " + " ".join(tw) + " " in joined:
                scored.append((2.0, t))
                continue
            sig = {w for w in tw if len(w) > 1}
            common = len(have & sig)
            precision = common / len(have)
            recall = common / max(1, len(sig))
            if common >= 3 and precision >= 0.8 and recall >= 0.5:
                scored.append((precision + recall, t))
        scored.sort(key=lambda x: -x[0])
        if not scored:
            return []
        best = scored[0][0]
        return [t for c, t in scored if c >= best - 0.15]

    def mention(self, line: str, candidates: list[TaskInfo]) -> list[tuple[str, str]]:
        """The tasks a sentence names, each with the words about it: codes anywhere on the line
        ('Về nhiệm vụ NV01 (…): …', 'NV12 đang làm 60%, NV13 xong'), else a candidate's title."""
        if self._mention_rx is not None:
            found = [m for m in self._mention_rx.finditer(line) if m.start() < 400]
            # A code after 'phối hợp với (nhiệm vụ)', 'của', 'theo' … refers to another task from
            # inside this one's text: it opens no block of its own.
            found = [m for i, m in enumerate(found) if i == 0 or not (
                _REFERENCE.search(fold(line[found[i - 1].end():m.start()])) or _in_aside(line, m))]
            if found and found[0].start() < 160:
                out: list[tuple[str, str]] = []
                for i, m in enumerate(found):
                    end = found[i + 1].start() if i + 1 < len(found) else len(line)
                    code = f"{m.group(1)}{m.group(2)}".upper()
                    before = self._said_before(code, line, found[i - 1].end() if i else 0, m)
                    out.append((code, before if before is not None else self._about(code, line[m.end():end])))
                # '70% – NV01 (…): …': what stands before the first code is about it too.
                lead = strip_bullet(line[: found[0].start()]).strip(" -–—:")
                if lead and len(lead.split()) <= 4 and re.search(r"\d\s*%", lead):
                    out[0] = (out[0][0], f"{lead} {out[0][1]}".strip())
                # 'NV01, NV02: như báo cáo hôm qua', 'NV12 (…) và NV14: đang thực hiện': one text for all.
                group = 1
                for i in range(len(out) - 2, -1, -1):
                    if _CONNECTOR.fullmatch(fold(_PARENS.sub(" ", out[i][1]))):
                        out[i] = (out[i][0], out[i + 1][1])
                        group += 1
                    elif group > 1:
                        out[i + 1 : i + 1 + group] = _respectively(out[i + 1 : i + 1 + group])
                        group = 1
                if group > 1:
                    out[:group] = _respectively(out[:group])
                return out
        hits = self.by_title(line, candidates)
        if hits:
            codes = {t.code for t in hits}
            titles = {fold_key(t.title) for t in hits}
            if len(codes) == 1:
                return [(hits[0].code, strip_title(line, hits[0].title))]
            if len(titles) == 1:  # the same title for several units' tasks: decided per unit
                return [("title:" + hits[0].title, strip_title(line, hits[0].title))]
        return []

    def _said_before(self, code: str, line: str, start: int, m: re.Match[str]) -> str | None:
        """'… đã hoàn thành việc cấp chữ ký số cho toàn bộ cán bộ (NV12), còn …': a code in bare
        parentheses closing a clause is about the words before it, when those say a state."""
        if line[m.start() - 1 : m.start()] != "(" or not _CLOSES_CLAUSE.match(line, m.end()):
            return None
        clause = re.split(r"[.;:]\s", line[start : m.start() - 1])[-1].strip(" ),")
        info = self.tasks.get(task_key(code) or "")
        title = frozenset(fold_key(info.title).split()) if info else frozenset()
        if read_status(clause, prose=True, title=title).value is None and read_progress(clause, prose=True).value is None:
            return None
        return clause

    def _about(self, code: str, text: str) -> str:
        """The words about a task after its code: its title, in parentheses or before a colon, cut."""
        text = text.lstrip(" -–—:.,;)").rstrip()
        info = self.tasks.get(task_key(code) or "")
        if info is None:
            return text
        m = _LEADING_PARENS.match(text)
        if m and strip_title(m.group(1), info.title) != m.group(1):
            text = text[m.end():].lstrip(" -–—:.,;").rstrip()
        return strip_title(text, info.title)

    def section_heading(self, line: str) -> tuple[str, str] | None:
        """Cached per line: label lines and headings repeat from report to report."""
        hit = self._heading_hits.get(line, _MISS)
        if hit is _MISS:
            hit = self._section_heading(line)
            if len(self._heading_hits) >= 4096:
                self._heading_hits.clear()
            self._heading_hits[line] = hit
        return hit  # type: ignore[return-value]

    def _section_heading(self, line: str) -> tuple[str, str] | None:
        """(unit code, or '?' + the words for a unit not in the lists; kind) of a line that
        heads a report section: 'II. XÃ PHÙ CÁT', 'Đơn vị: UBND xã Tuy Phước', 'BÁO CÁO TUẦN 48'."""
        hit = match_label(line)
        if hit is not None:
            if hit[0] == "unit" and hit[1].strip():
                u = self.unit(hit[1])
                return (u.code if u else "?" + hit[1].strip(), "")
            if hit[0] == "kind":
                k = periods.kind_from_words(hit[1])
                return ("", k) if k else None
            return None
        text = strip_bullet(line).strip(" :.*_")
        f = fold(text)
        if len(f) > 70 or not f:
            return None
        numbered = text != line.strip(" :.*_") or _ROMAN.match(line.strip()) is not None
        bare = text.split("(", 1)[0]  # 'BÁO CÁO TUẦN 48 (từ 23/11 đến 27/11/2026)'
        upper = sum(1 for c in bare if c.isalpha() and c.isupper()) >= 0.8 * max(1, sum(1 for c in bare if c.isalpha()))
        if not (numbered or upper or line.rstrip().endswith(":")):
            return None
        m = _KIND_HEADING.match(f)
        kind = periods.kind_from_words(m.group(1)) if m else None
        unit_code = ""
        if _UNIT_WORDS.match(f) and not _PROVINCE.search(f):
            u = self.unit(text)
            unit_code = u.code if u else "?" + text
        if not unit_code and not kind:
            return None
        return unit_code, kind or ""

    def unit(self, text: str) -> UnitInfo | None:
        t = text.strip()
        if not t:
            return None
        for k in (fold_key(t), compact(t)):
            if k in self.by_key:
                return self.by_key[k]
        # "Sở Khoa học và Công nghệ (SKHCN)", "SKHCN - Sở KH&CN": the longest known name inside.
        ft = " " + fold_key(t) + " "
        best: tuple[int, UnitInfo] | None = None
        for k, u in self.by_key.items():
            if " " + k + " " in ft and len(k) >= 3 and (best is None or len(k) > best[0]):
                best = (len(k), u)
        return best[1] if best else None

    def task(self, text: str) -> tuple[str, TaskInfo | None, str | None]:
        """(code, known task or None, title written after the code). The same task lines come
        back in every report of a batch: each is resolved once per Directory."""
        hit = self._task_hits.get(text)
        if hit is None:
            hit = self._task(text)
            if len(self._task_hits) >= 4096:
                self._task_hits.clear()
            self._task_hits[text] = hit
        return hit

    def _task(self, text: str) -> tuple[str, TaskInfo | None, str | None]:
        t = clean_line(text).strip()
        m = _CODE.match(fold(t))
        if m:
            k = task_key(t)
            info = self.tasks.get(k or "") or self.tasks.get(compact(m.group(0)))
            # The title: what follows the code in the original text, minus separators.
            rest = t[len(m.group(0)) :].lstrip(" -–—:.,()").rstrip() if len(t) >= len(m.group(0)) else ""
            code = info.code if info else (m.group(1) + m.group(2)).upper().replace(" ", "")
            return code, info, rest or None
        ft = fold_key(t)
        if ft:
            for info in self.tasks.values():
                title = fold_key(info.title)
                if title and (ft == title or (len(ft) >= 12 and title.startswith(ft)) or (len(title) >= 12 and ft.startswith(title))):
                    return info.code, info, t
        return t[:40].upper() or "?", None, None


_REFERENCE = re.compile(r"(?:voi|cua|theo|thuoc|cung|lien quan(?: den| toi)?|phuc vu|ho tro|cho|tai|gan voi)\s*(?:nhiem vu|nv)?\s*[(\[]?\s*$")
_PCT_WORDS = re.compile(r"\d{1,3}(?:[.,]\d+)?\s*(?:%|phần trăm|phan tram)", re.IGNORECASE)


_CLOSES_CLAUSE = re.compile(r"\)\s*(?:[,.;]|$)")
_ASIDE_AFTER = re.compile(r"\s*(?:do\s[^,.;]{0,40}chu tri|thuoc\s|la nhiem vu cua\s)")


def _in_aside(line: str, m: re.Match[str]) -> bool:
    """A code inside a parenthetical remark ('(nhiệm vụ NV01 do Sở KH&CN chủ trì)') or followed by
    its owner ('NV01 do Sở KH&CN chủ trì'): a reference to that task, not a report on it."""
    if _ASIDE_AFTER.match(fold(line[m.end():m.end() + 20])):
        return True
    opening = line.rfind("(", 0, m.start())
    if opening < 0 or line.find(")", opening) < m.start():
        return False
    closing = line.find(")", m.end())
    inside = line[opening + 1:closing if closing > 0 else len(line)]
    return len(fold(inside.replace(m.group(0), " ")).split()) >= 2


def _respectively(group: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Several tasks sharing one text: 'NV05 và NV06: … lần lượt đạt 62% và 85%' gives each its
    own figure; shared figures that are not 'lần lượt' (respectively) stay for the reader to doubt."""
    text = group[0][1]
    figures = list(_PCT_WORDS.finditer(text))
    if "lan luot" not in fold(text) or len(figures) != len(group):
        return group
    out = []
    for i, (code, _) in enumerate(group):
        own = "".join(text[prev.end() if j else 0 : f.start()] + (f.group(0) if j == i else "")
                      for j, (prev, f) in enumerate(zip([figures[0], *figures], figures, strict=False)))
        out.append((code, own + text[figures[-1].end():]))
    return out


def strip_title(text: str, title: str) -> str:
    """The words after a task's title at the start of a text ('Xây dựng kế hoạch …: đang thực
    hiện, đạt 55%' -> 'đang thực hiện, đạt 55%'); the text itself when it does not start so."""
    own = set(fold_key(title).split())
    head, sep, tail = text.partition(":")
    if sep and len(head) <= len(title) + 30:
        words = fold_key(head).split()
        if words and sum(1 for w in words if w in own) >= 0.5 * len(words):
            return tail.strip()
    words = text.split()
    last = -1
    for i, w in enumerate(words[: len(own) + 4]):
        k = fold_key(w)
        if not k:
            continue
        if all(p in own for p in k.split()):
            last = i
        else:
            break
    if last < 0:
        return text
    return " ".join(words[last + 1 :]).lstrip(" )-–—:.,")


_MISS = object()
_LOOKUPS: dict[int, tuple[Directory, Lookup]] = {}


def lookup(d: Directory) -> Lookup:
    """Index the lists once per Directory object, not once per message (a batch shares one)."""
    hit = _LOOKUPS.get(id(d))
    if hit is not None and hit[0] is d:
        return hit[1]
    if len(_LOOKUPS) > 8:
        _LOOKUPS.clear()
    look = Lookup(d)
    _LOOKUPS[id(d)] = (d, look)
    return look
