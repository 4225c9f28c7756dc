"""The shape of a news report, a press release, an interview and a joint
statement, in several languages: datelines ("GENEVA, March 3 (Xinhua) --",
"МОСКВА, 5 мая. /ТАСС/.", "Geneva (VNA) –"), agency credits ("稿件來源:…",
"(جنيف - وام)"), end marks ("./.", "(END)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AGENCIES = {
    "VNA": "Vietnam News Agency", "TTXVN": "Vietnam News Agency", "AFP": "Agence France-Presse",
    "AP": "Associated Press", "Reuters": "Reuters", "Xinhua": "Xinhua News Agency", "TASS": "TASS",
    "ТАСС": "ТАСС", "РИА Новости": "РИА Новости", "EFE": "Agencia EFE", "ANSA": "ANSA",
    "Kyodo": "Kyodo News", "Yonhap": "Yonhap News Agency", "APS": "Algérie Presse Service",
    "MAP": "Maghreb Arabe Presse", "PTI": "Press Trust of India", "IRNA": "IRNA",
    "WAM": "Emirates News Agency", "وام": "وام", "واس": "واس", "SPA": "Saudi Press Agency",
    "KUNA": "Kuwait News Agency", "Bernama": "Bernama",
    "Antara": "Antara", "PNA": "Philippine News Agency", "UN News": "UN News", "新华社": "新华社",
    "DPA": "Deutsche Presse-Agentur", "Anadolu": "Anadolu Agency", "Prensa Latina": "Prensa Latina",
}
def agency_name(written: str) -> str:
    """The agency's name for its credit as written, in any case ("dpa", "DPA")."""
    return AGENCIES.get(written) or next(v for k, v in AGENCIES.items() if k.casefold() == written.casefold())


END_MARKERS = ("./.", "(END)", "- Ends -", "-- END --", "###", "(Ends)", "-30-", "(КОНЕЦ)", "(完)", "انتهى")
_AGENCY = "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True))
# "UNITED NATIONS, Feb. 25 (Xinhua) --", "Geneva (VNA) –", "ООН, 14 августа. /ТАСС/.", "(جنيف - وام)"
DATELINE = re.compile(
    rf"^(?P<place>[^\W\d_][^()\n]{{0,40}}?)(?:,\s*[^()\n/]{{2,30}}?)?\s*[(/]\s*(?P<agency>(?i:{_AGENCY}))\s*[)/]"
    rf"\s*(?:--|[–—-]|\.)", re.MULTILINE)
CREDIT = re.compile(
    rf"\((?P<place>[^()\n]{{2,30}}?)\s*[–—-]\s*(?P<agency>{_AGENCY})\)|\((?P<agency2>{_AGENCY})\)\s+\d{{1,2}}:\d{{2}}"
    r"|(?:稿件來源|稿件来源)\s*[:：]\s*(?P<named>[^\s|]{2,40})", re.MULTILINE)
PRESS_RELEASE = re.compile(
    r"^\s*(?:press releases?|press statement|communiqué(?: de presse)?|comunicado(?: de prensa)?|"
    r"thông cáo báo chí|пресс-релиз|新闻稿|新聞稿|بيان صحفي)\b|\bmeetings coverage and press releases\b|"
    r"^\s*(?:GA|SC|SG/SM|HR|ECOSOC)/\d{3,6}\s*$", re.IGNORECASE | re.MULTILINE)
UN_PRESS_SYMBOL = re.compile(
    r"^\s*(?:GA|SC|SG/SM|SG/A|GA/SHC|GA/EF|GA/L|ECOSOC|HR|DC|OBV|SEA|ENV)/\d{3,6}\s*$", re.MULTILINE)
"""The symbol of a UN meetings-coverage press release (GA/12209, SC/15000, SG/SM/21000)."""
UN_PRESS = "United Nations Meetings Coverage and Press Releases"
INTERVIEW = re.compile(r"\b(?:interview|entretien|entrevista|интервью|phỏng vấn|采访|採訪|专访|專訪|مقابلة)",
                       re.IGNORECASE)
JOINT = re.compile(r"\bjoint statement\b|\bdéclaration conjointe\b|\bdeclaración conjunta\b|"
                   r"\bсовместное заявление\b|tuyên bố chung|联合声明|聯合聲明", re.IGNORECASE)
COLLECTIVE = re.compile(
    r"^(?:the\s+)?(?:(?:foreign|defen[cs]e|economic|trade|finance)\s+)?(?:ministers|leaders|heads of "
    r"(?:state|government)(?: and government)?|co-chairs|participants)\b[^.\n]{0,80}?\b(?:expressed|"
    r"reaffirmed|welcomed|condemned|agreed|noted|urged|stressed|underlined|recalled|reiterated|"
    r"declared|adopted)\b|"
    r"^les\s+(?:ministres|dirigeants|chefs d['’]état)\b[^.\n]{0,80}?\bont\b|"
    r"^los\s+(?:ministros|líderes|jefes de estado)\b[^.\n]{0,80}?\b(?:expresaron|reafirmaron|acordaron|"
    r"condenaron|manifestaron)\b", re.IGNORECASE)
"""A communiqué's voice: "The Foreign Ministers of ASEAN expressed …" — several speak as one."""
REPORTING = re.compile(
    r"\b(?:said|says|stressed|told|added|stated|emphasi[sz]ed|according to|a déclaré|a souligné|selon|"
    r"dijo|afirmó|señaló|según|заявил\w*|сообщил\w*|подчеркнул\w*|nhấn mạnh|cho biết|khẳng định|"
    r"phát biểu tại|sagte|erklärte|betonte|forderte|ha detto|ha dichiarato|ha affermato|ha sottolineato|"
    r"disse|afirmou|declarou|destacou|sade|uppgav|betonade|zei|verklaarde)\b|表示|指出|强调|強調|أكد|وقال|أكدت",
    re.IGNORECASE)


FIRST_PERSON = re.compile(
    r"\b(?:I|we|my|our|us|je|nous|notre|nos|yo|nosotros|nuestr[oa]s?|мы|наш\w*|я|tôi|chúng tôi|"
    r"chúng ta)\b|我们|我們|我国|我國", re.IGNORECASE)


@dataclass
class Shape:
    kind: str | None = None
    publisher: str | None = None
    venue: str | None = None
    credit: str | None = None
    """The dateline or credit verbatim, to keep in source.heading."""


# "By Jane Roe", "Par Jean Dupont", "Phạm Huân |": a reporter's byline under a headline.
BYLINE = re.compile(r"^(?:by|par|por|von|автор:?)\s+[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3}\s*$|"
                    r"^[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){1,3}\s*\|\s*$", re.MULTILINE)


def news_shape(head: str) -> Shape:
    """Dateline or agency credit in the first paragraphs: a news report by that agency; a
    byline: a news report by whoever published it."""
    if m := DATELINE.search(head):
        place = " ".join(m.group("place").split()).strip(" ,")
        if place.isupper() and len(place) > 4:
            place = place.title()
        return Shape("news-report", agency_name(m.group("agency")), place,
                     m.group(0))
    if m := CREDIT.search(head):
        if m.group("named"):
            return Shape("news-report", m.group("named").strip(), None, m.group(0))
        agency = m.group("agency") or m.group("agency2")
        place = m.group("place")
        return Shape("news-report", agency_name(agency), place.strip() if place else None, m.group(0))
    if m := BYLINE.search("\n".join(head.split("\n")[:6])):
        return Shape("news-report", None, None, m.group(0))
    return Shape()


def kind_of(head: str, paragraphs: list[str], has_salutation: bool) -> str | None:
    """Press release, interview, joint statement or news report, by their shape; None if none fits."""
    if PRESS_RELEASE.search(head):
        return "press-release"
    questions = [i for i, p in enumerate(paragraphs[:-1]) if p.rstrip().endswith(("?", "？", "؟"))
                 and not paragraphs[i + 1].rstrip().endswith(("?", "？", "؟"))]
    intro = paragraphs[0] if paragraphs else ""
    if questions and ((len(questions) >= 2 and INTERVIEW.search(head)) or INTERVIEW.search(intro)):
        return "interview"
    if JOINT.search(head) or COLLECTIVE.match(intro.lstrip()):
        return "joint-statement"
    if not has_salutation:
        lead = "\n".join(paragraphs[:4])
        unquoted = re.sub(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|„[^“”]*[“”]|「[^」]*」", " ", lead)
        if len(REPORTING.findall(lead)) >= 3 and len(FIRST_PERSON.findall(unquoted)) < 2:
            return "news-report"  # reports others' words, and does not speak itself
    return None


def end_marker(last: str) -> str | None:
    stripped = last.rstrip()
    return next((mk for mk in END_MARKERS if stripped.endswith(mk)), None)
