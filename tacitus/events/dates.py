"""The date of an event, from the date expressions of its sentence and the article date.

Own rules over the tokens rather than ``dateparser``: a news sentence uses a handful of forms, and the rules
run in tens of microseconds, where dateparser costs milliseconds per call and guesses at any number it sees.
Forms understood (``today`` is the article date):

* "March 3", "3 March", "the 3rd of March", "Sept. 5", with an optional year ("March 3, 2014") -> day;
  without a year, the article's year, or the year before if that would put the date more than
  ``FUTURE_TOLERANCE`` (7 days) after the article date; "March 3 last year" -> the year before;
* "in March", "in mid-March", "March 2014" -> month (first day); "last March" -> the latest March before
  the article's month; "in 2014", "since 2011" -> year (1 January);
* weekdays: "on Saturday" -> the latest Saturday on or before the article date (so "Friday" in an article dated
  Saturday is the day before), "last Saturday" -> strictly before, "next Saturday" or a verb with "will" -> on
  or after;
* "yesterday", "today", "tonight", "tomorrow", "this morning", "last night", "the day before yesterday" -> day;
* "last/past/this/next week", "earlier this week" -> precision "week", dated the Monday of that week;
  "over the weekend" -> precision "week", dated its Saturday;
* "last/this/next month", "earlier this month" -> month; "last/this/next year" -> year;
* "two days ago" -> day, "three weeks ago" -> week (its Monday), "a month ago" -> month, "two years ago" -> year;
* ISO dates "2014-03-03" -> day.

When a sentence has several expressions, the one attached to the event verb wins, then one inside the verb's
clause; without a verb, expressions not attached to a speech verb ("said on Monday") win.  Ties go to expressions
directly on their verb (not "after clashes last week"), then to those not introduced by "since/until/before/after/
by", then to the most precise, then to the first.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from spacy.tokens import Span, Token

__all__ = ["resolve_event_date", "FUTURE_TOLERANCE"]

FUTURE_TOLERANCE = dt.timedelta(days=7)
MONTHS = {name: i + 1 for i, name in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
#: words that make a bare month name a date ("in March", "mid-March"), not a verb or the modal "may"
MONTH_PREPS = {"in", "on", "since", "until", "till", "by", "early", "late", "mid", "-", "last", "this", "next", "of",
               "during", "from", "through", "before", "after", "between", "and", "to", "end", "beginning"}
YEAR_PREPS = MONTH_PREPS - {"last", "this", "next", "on", "and", "-"}
WEAK = {"since", "until", "till", "before", "after", "by"}
SPEECH = {"say", "tell", "announce", "report", "add", "state", "confirm", "declare", "note", "write", "claim"}
FUTURE_AUX = {"will", "'ll", "shall", "wo"}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
DAY_RE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")
ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


class _Found(NamedTuple):
    date: dt.date | None  # None: a relative or year-less expression, and no article date to resolve it
    precision: str
    anchor: Token  # the token the expression hangs on in the parse
    weak: bool  # introduced by "since", "until", ...


def resolve_event_date(sent: Span, article_date: dt.date | None,
                       verb: Token | None = None) -> tuple[dt.date | None, str]:
    """(date, precision) of the event in ``sent``; precision is day/week/month/year, "article" or "none".

    Never raises: on any failure the article date is returned, as if the sentence had no date.
    """
    try:
        found = [f for f in _expressions(sent, article_date) if f.date is not None]
        if found:
            best = min(found, key=lambda f: _rank(f, verb))
            return best.date, best.precision
    except Exception:  # a date must never stop the coder
        pass
    return (article_date, "article") if article_date else (None, "none")


def _rank(f: _Found, verb: Token | None) -> tuple:
    governor = _governor(f.anchor)
    speech = governor is not None and governor.lemma_.lower() in SPEECH
    if verb is None:
        attachment = int(speech)
    elif governor is not None and governor == verb:
        attachment = 0
    elif verb.is_ancestor(f.anchor):
        attachment = 1
    else:
        attachment = 2 + int(speech)
    head = f.anchor.head
    direct = governor is not None and (head == governor or (head.dep_ == "prep" and head.head == governor))
    return attachment, not direct, f.weak, PRECISION_RANK[f.precision], f.anchor.i


def _governor(tok: Token) -> Token | None:
    """The nearest verb above ``tok``."""
    for _ in range(30):
        if tok.head == tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _expressions(sent: Span, today: dt.date | None) -> list[_Found]:
    doc, out, used = sent.doc, [], set()
    for m in ISO_RE.finditer(sent.text):
        span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is not None:
            used.update(range(span.start, span.end))
            out.append(_found(_safe_date(*map(int, m.groups())), "day", span.root, span.start, sent))
    for tok in sent:
        if tok.i in used:
            continue
        low, cap = tok.lower_.rstrip("."), tok.text[:1].isupper()
        prev = doc[tok.i - 1].lower_ if tok.i > sent.start else ""
        if cap and low in MONTHS and tok.tag_ != "MD":
            f = _month(tok, today, used, sent)
        elif cap and low in WEEKDAYS:
            f = _found(_weekday(today, WEEKDAYS[low], prev, tok), "day", tok, tok.i, sent)
        elif low in RELATIVE_DAYS:
            two_back = doc[tok.i - 2].lower_ if tok.i - 2 >= sent.start else ""
            offset = -2 if (low == "yesterday" and prev == "before" and two_back == "day") else RELATIVE_DAYS[low]
            f = _found(today and today + dt.timedelta(days=offset), "day", tok, tok.i, sent)
        elif low in ("morning", "afternoon", "evening", "night") and prev in ("this", "last"):
            f = _found(today and today - dt.timedelta(days=int(prev == "last")), "day", tok, tok.i, sent)
        elif low in ("week", "month", "year", "weekend") and (prev in ("last", "past", "this", "next", "coming")
                                                              or (low == "weekend" and prev == "the")):
            date, precision = _period(today, low, prev) if today else (None, "day")
            f = _found(date, precision, tok, tok.i - 1, sent)
        elif low == "ago":
            f = _ago(tok, today, sent)
        elif YEAR_RE.match(tok.text) and prev in YEAR_PREPS:
            f = _found(dt.date(int(tok.text), 1, 1), "year", tok, tok.i, sent)
        else:
            continue
        if f is not None:
            out.append(f)
    return out


def _found(date: dt.date | None, precision: str, anchor: Token, first: int, sent: Span) -> _Found:
    weak = first > sent.start and anchor.doc[first - 1].lower_ in WEAK
    return _Found(date, precision, anchor, weak)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month(tok: Token, today: dt.date | None, used: set[int], sent: Span) -> _Found | None:
    """"March 3", "3 March", "the 3rd of March", "March 3, 2014", "March 2014", "in March", "last March"."""
    doc, month = tok.doc, MONTHS[tok.lower_.rstrip(".")]
    day = year = None
    first = last = j = tok.i
    j += 1 + int(j + 1 < sent.end and doc[j + 1].text == ".")  # "Sept ."
    if j < sent.end and (m := DAY_RE.match(doc[j].text)) and 1 <= int(m.group(1)) <= 31:
        day, last = int(m.group(1)), j
        j += 1 + int(j + 1 < sent.end and doc[j + 1].text == ",")
    if j < sent.end and YEAR_RE.match(doc[j].text):
        year, last = int(doc[j].text), j
    if day is None:
        k = tok.i - 1 - int(tok.i - 1 > sent.start and doc[tok.i - 1].lower_ == "of")
        if k >= sent.start and (m := DAY_RE.match(doc[k].text)) and 1 <= int(m.group(1)) <= 31:
            day, first = int(m.group(1)), k
    prev = doc[first - 1].lower_ if first > sent.start else ""
    if day is None and year is None and prev not in MONTH_PREPS:
        return None  # "March on Washington", sentence-initial "May"
    after = [t.lower_ for t in doc[last + 1:min(last + 3, sent.end)]]
    used.update(range(first, last + 1))
    if year is None and today is not None:
        year = today.year
        if after == ["last", "year"]:
            year -= 1
            used.update(range(last + 1, last + 3))
        elif prev == "last" and day is None:
            year -= int(month >= today.month)
        elif dt.date(year, month, min(day or 1, 28)) > today + FUTURE_TOLERANCE:
            year -= 1
    date = _safe_date(year, month, day or 1) if year is not None else None
    return _found(date, "day" if day else "month", tok, first, sent)


def _weekday(today: dt.date | None, weekday: int, prev: str, tok: Token) -> dt.date | None:
    """Latest such day on or before the article date; "last": strictly before; "next" or "will": after."""
    if today is None:
        return None
    governor = _governor(tok)
    future = governor is not None and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in governor.children)
    if prev == "next" or (future and prev != "last"):
        ahead = (weekday - today.weekday()) % 7
        return today + dt.timedelta(days=ahead or (7 if prev == "next" else 0))
    back = (today.weekday() - weekday) % 7
    return today - dt.timedelta(days=back or (7 if prev == "last" else 0))


def _period(today: dt.date, unit: str, prev: str) -> tuple[dt.date, str]:
    """"last week" -> Monday of the previous week; "this month" -> its first day; "the weekend" -> its Saturday."""
    step = {"last": -1, "past": -1, "this": 0, "the": 0}.get(prev, 1)
    if unit == "week":
        return today - dt.timedelta(days=today.weekday() - 7 * step), "week"
    if unit == "month":
        return _add_months(today, step), "month"
    if unit == "year":
        return dt.date(today.year + step, 1, 1), "year"
    if step > 0 or prev == "this":  # "next weekend", "this weekend": the coming Saturday
        return today + dt.timedelta(days=(5 - today.weekday()) % 7), "week"
    back = (today.weekday() - 5) % 7
    return today - dt.timedelta(days=back or (7 if prev in ("last", "past") and today.weekday() == 5 else 0)), "week"


def _add_months(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.year * 12 + today.month - 1 + months, 12)
    return dt.date(year, month + 1, 1)


def _ago(tok: Token, today: dt.date | None, sent: Span) -> _Found | None:
    """"two days ago", "a week ago", "3 months ago", "two years ago"."""
    doc, i = tok.doc, tok.i
    if i - 2 < sent.start:
        return None
    unit, count = doc[i - 1].lower_.rstrip("s"), doc[i - 2].lower_
    n = int(count) if count.isdigit() else COUNTS.get(count)
    if n is None or unit not in ("day", "week", "month", "year"):
        return None
    if today is None:
        return _found(None, "day", tok, i - 2, sent)
    if unit == "day":
        return _found(today - dt.timedelta(days=n), "day", tok, i - 2, sent)
    if unit == "week":
        then = today - dt.timedelta(weeks=n)
        return _found(then - dt.timedelta(days=then.weekday()), "week", tok, i - 2, sent)
    if unit == "month":
        return _found(_add_months(today, -n), "month", tok, i - 2, sent)
    return _found(dt.date(today.year - n, 1, 1), "year", tok, i - 2, sent)
