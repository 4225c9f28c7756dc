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
    r"^\s*(?:press releases?|press statement|media releases?|media statement|news releases?|"
    r"communiqués?(?: de presse)?|"
    r"comunicados?(?: de prensa)?|notas? de prensa|nota à imprensa|nota (?:à|para a) imprensa|"
    r"comunicato(?: stampa)?|"
    r"pressemitteilung|presseerklärung|pressmeddelande|pressemelding|pressemeddelelse|persbericht|"
    r"komunikat prasowy|thông cáo báo chí|пресс-релиз|сообщение для сми|прес-реліз|新闻稿|新聞稿|報道発表|"
    r"보도자료|بيان صحفي)\b|\bmeetings coverage and press releases\b|"
    r"^\W*(?:meeting summar(?:y|ies)|for immediate release|pour diffusion immédiate|para (?:su )?"
    r"(?:divulgación|difusión|publicación) inmediata|zur sofortigen veröffentlichung|للنشر الفوري)\b|"
    r"^\s*(?:GA|SC|SG/SM|HR|ECOSOC)/\d{3,6}\s*$", re.IGNORECASE | re.MULTILINE)
"""What a release says it is, in its head: "Press release", "MEDIA RELEASE", "For immediate
release", "Para su divulgación inmediata", "СООБЩЕНИЕ ДЛЯ СМИ", "Pressmeddelande", a UN symbol."""
CONTACT = re.compile(
    r"^\W*(?:media (?:inquiries|enquiries|contacts?)|press (?:contacts?|inquiries|enquiries)|"
    r"for (?:further|more) information,? (?:please )?contact|contact(?:s)? (?:presse|médias)|"
    r"contacto de prensa|contacto para (?:la )?prensa|pressekontakt|presskontakt|"
    r"kontakta (?:press(?:ekreterare|tjänsten)|pressjouren)|"
    r"для сми|контакты для сми)\b", re.IGNORECASE | re.MULTILINE)
"""A release's last lines give the press office's contact: "Media inquiries: …", "For further
information contact …", "Kontakta pressekreterare för mer information"."""
QA_LABELS = re.compile(
    r"^\s*(?:q|question|вопрос|питання|pregunta|pergunta|frage|fråga|domanda|问|問|질문)\s*[:：]",
    re.IGNORECASE)
ANSWER_LABELS = re.compile(
    r"^\s*(?:a|answer|réponse|ответ|відповідь|respuesta|resposta|antwort|svar|risposta|答|답변)\s*[:：]",
    re.IGNORECASE)
"""A transcript's questions and answers set out by label ("Вопрос: …" / "Ответ: …", "Q: …" / "A: …")."""
NEWS_NOTICE = re.compile(r"무단\s?전재|無断転載|无断转载|未经(?:授权|许可)[^\n]{0,12}转载|不得转载|禁止转载|"
                         r"all rights reserved\W+(?:news|press) agency", re.IGNORECASE)
"""The notice a news outlet prints under a report against copying it ("무단전재 및 재배포 금지")."""
UN_PRESS_SYMBOL = re.compile(
    r"^\s*(?:GA|SC|SG/SM|SG/A|GA/SHC|GA/EF|GA/L|ECOSOC|HR|DC|OBV|SEA|ENV)/\d{3,6}\s*$", re.MULTILINE)
"""The symbol of a UN meetings-coverage press release (GA/12209, SC/15000, SG/SM/21000)."""
UN_PRESS = "United Nations Meetings Coverage and Press Releases"
INTERVIEW = re.compile(
    r"\b(?:interview|entretien|entrevista|интервью|інтерв['’]ю|phỏng vấn|doorstop|stakeout|press conference|"
    r"news conference|press briefing|conférence de presse|point de presse|rueda de prensa|"
    r"conferencia de prensa|pressekonferenz|presskonferens|пресс-конференци\w*|брифинг\w*)|"
    r"采访|採訪|专访|專訪|记者会|記者會見|記者会見|기자회견|인터뷰|مقابلة|مؤتمر صحفي", re.IGNORECASE)
SPEAKER_LABEL = re.compile(
    r"^(?P<label>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,4}(?:, [A-Z][A-Z.'’ -]{1,30})?)\s*:\s+\S")
"""A transcript's speaker label: "PRIME MINISTER: …", "ANDREW CLENNELL, HOST: …", "JOURNALIST: …"."""
JOINT = re.compile(
    r"\bjoint (?:statement|declaration|communiqu[ée])\b|\b(?:déclaration|communiqué) (?:conjoint|commun)e?\b|"
    r"\b(?:declaración|comunicado) conjunt[oa]\b|\b(?:declaração|comunicado) conjunt[oa]\b|"
    r"\b(?:dichiarazione|comunicato) congiunt[oa]\b|\bgemeinsame (?:erklärung|presseerklärung)\b|"
    r"\bgemeinsames kommuniqué\b|\bgemensam(?:t)? (?:kommuniké|uttalande|deklaration)\b|"
    r"\bfælles erklæring\b|\bfelles (?:erklæring|uttalelse)\b|\bgezamenlijke verklaring\b|"
    r"\bwspólne oświadczenie\b|\bсовместн\w+ (?:заявлени\w+|коммюнике|декларац\w+)\b|\bспільн\w+ заяв\w+\b|"
    r"tuyên bố chung|联合声明|聯合聲明|共同声明|共同聲明|공동성명|بيان مشترك", re.IGNORECASE)
"""What a joint statement calls itself, in the languages statements are issued in."""
WE_THE = re.compile(
    r"^\W*(?:we|nous|nosotros|nosotras|wir|vi|noi|nós|my|мы)\s*,?\s+(?:the\s+|les\s+|los\s+|die\s+|"
    r"os\s+|i\s+)?(?:\w+\s+){0,2}?(?:ministers|ministres|ministros|minister|ministri|ministrowie|министры|"
    r"leaders|dirigeants|líderes|heads of (?:state|government)|chefs d['’]état|jefes de estado|"
    r"staats- und regierungschefs|co-chairs|coprésidents|representatives|représentants)\b", re.IGNORECASE)
"""A communiqué's opening: "Nous, ministres des Affaires étrangères de …", "We, the Leaders of …"."""
COLLECTIVE = re.compile(
    r"^(?:the\s+)?(?:(?:foreign|defen[cs]e|economic|trade|finance)\s+)?(?:ministers|leaders|heads of "
    r"(?:state|government)(?: and government)?|co-chairs|participants)\b[^.\n]{0,80}?\b(?:expressed|"
    r"reaffirmed|welcomed|condemned|agreed|noted|urged|stressed|underlined|recalled|reiterated|"
    r"declared|adopted)\b|"
    r"^les\s+(?:ministres|dirigeants|chefs d['’]état)\b[^.\n]{0,80}?\b(?:ont|se sont)\b|"
    r"^los\s+(?:ministros|líderes|jefes de estado)\b[^.\n]{0,80}?\b(?:expresaron|reafirmaron|acordaron|"
    r"condenaron|manifestaron)\b", re.IGNORECASE)
"""A communiqué's voice: "The Foreign Ministers of ASEAN expressed …" — several speak as one."""
REPORTING = re.compile(
    r"\b(?:said|says|stressed|told|added|stated|emphasi[sz]ed|according to|a déclaré|a souligné|selon|"
    r"dijo|afirmó|señaló|según|заявил\w*|сообщил\w*|подчеркнул\w*|nhấn mạnh|cho biết|khẳng định|"
    r"phát biểu tại|sagte|erklärte|betonte|forderte|ha detto|ha dichiarato|ha affermato|ha sottolineato|"
    r"disse|afirmou|declarou|destacou|sade|uppgav|betonade|zei|verklaarde)\b|表示|指出|强调|強調|أكد|وقال|أكدت|"
    r"述べ|強調し|訴え|表明し|語っ|밝혔|말했|강조했",
    re.IGNORECASE)


ANNOUNCING = re.compile(
    r"\b(?:announced|announces|will (?:attend|participate|travel|visit|host)|took place|was held|met with|"
    r"presided|chaired|säger|sa|meddelar|deltar|deltog|bjuder|hålls|annonce|a annoncé|a eu lieu|"
    r"s['’]est tenue?|participera|a présidé|anunció|anuncia|tuvo lugar|se celebró|presidió|participará|"
    r"kündigte|teilte mit|fand statt|nimmt teil|annunciato|si è svolt[oa]|ha presieduto|anunciou|"
    r"realizou-se|participará|состоял\w*|прошл\w*|принял\w* участие|объявил\w*)\b", re.IGNORECASE)
"""What a release tells: something announced, held, attended; "säger" (says) in a Swedish one."""
FIRST_PERSON = re.compile(
    r"\b(?:I|we|my|our|us|je|nous|notre|nos|yo|nosotros|nuestr[oa]s?|мы|наш\w*|я|tôi|chúng tôi|"
    r"chúng ta)\b|我们|我們|我国|我國", re.IGNORECASE)

_SELF = {
    "en": r"(?-i:\bI\b)|\b(?:we|my|our|ours|(?-i:us))\b",
    "fr": r"\b(?:je|j['’]|nous|notre|nos|mon|ma|mes)(?:\b|(?<=['’]))",
    "es": r"\b(?:yo|nosotros|nosotras|nuestr[oa]s?|mi|mis)\b",
    "pt": r"\b(?:eu|nós|noss[oa]s?|meu|minha)\b",
    "it": r"\b(?:io|noi|nostr[oaie]|mio|mia)\b",
    "de": r"\b(?:ich|wir|unser\w*|mein\w*|uns)\b",
    "nl": r"\b(?:ik|wij|we|ons|onze|mijn)\b",
    "sv": r"\b(?:jag|vi|vår|vårt|våra|oss|mig|min|mitt)\b",
    "da": r"\b(?:jeg|vi|vores|os|min|mit)\b", "nb": r"\b(?:jeg|vi|vår|vårt|våre|oss|min|mitt)\b",
    "pl": r"\b(?:ja|my|nasz\w*|mój|moja)\b",
    "ru": r"\b(?:я|мы|наш\w*|мой|моя|нас)\b", "uk": r"\b(?:я|ми|наш\w*|мій|моя|нас)\b",
    "vi": r"\b(?:tôi|chúng tôi|chúng ta)\b",
    "zh": r"我们|我們|我国|我國|我方|中方|本人", "ja": r"私|我が国|わが国|我々|われわれ",
    "ko": r"우리|저희|본인",
}
"""Words a text uses to speak for itself, by language: a statement says "we", a release names
who speaks in the third person. Languages whose first person is an ending (Arabic) are left out."""


def speaks_itself(paragraphs: list[str], language: str) -> bool | None:
    """Whether a text speaks in the first person outside quotations (None: not known for its
    language). A paragraph opened by a dash is a quotation in many languages' press style."""
    pattern = _SELF.get(language.split("-")[0])
    if pattern is None:
        return None
    text = "\n".join(p for p in paragraphs if not re.match(r"\s*[–—-]\s", p))
    unquoted = re.sub(r"\"[^\"\n]*(?:\"|$)|“[^”]*(?:”|$)|«[^»]*(?:»|$)|„[^“”]*(?:[“”]|$)|「[^」]*(?:」|$)|"
                      r"‘[^’\n]{20,}’", " ", text)
    return re.search(pattern, unquoted, re.IGNORECASE) is not None


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


def kind_of(head: str, paragraphs: list[str], has_salutation: bool, language: str = "en",
            top: str = "", body_start: int = 0) -> str | None:
    """Press release, interview, joint statement or news report, by their shape; None if none fits.
    `head` is the text's head and lead, `top` its head alone (what it calls itself), and the
    text proper starts at paragraph `body_start`."""
    opening = [p for p in paragraphs[body_start:] if len(p.split()) > 5][:3]
    if JOINT.search(top if top.strip() else head[:300]) or \
            any(COLLECTIVE.match(_opening(p)) or WE_THE.match(p) for p in opening):
        return "joint-statement"
    if PRESS_RELEASE.search(head) or CONTACT.search("\n".join(paragraphs[-3:])):
        return "press-release"
    questions = [i for i, p in enumerate(paragraphs[:-1]) if p.rstrip().endswith(("?", "？", "؟"))
                 and not paragraphs[i + 1].rstrip().endswith(("?", "？", "؟"))]
    intro = paragraphs[0] if paragraphs else ""
    if questions and ((len(questions) >= 2 and INTERVIEW.search(head)) or INTERVIEW.search(intro)):
        return "interview"
    lines = [line for p in paragraphs for line in p.split("\n") if line.strip()]
    speakers = {m.group("label") for line in lines[:40] if (m := SPEAKER_LABEL.match(line))}
    if len(speakers) >= 2 or (speakers and INTERVIEW.search(top if top.strip() else head[:300])):
        return "interview"  # a transcript: its speakers set out by label
    labelled = [i for i, line in enumerate(lines[:-1]) if QA_LABELS.match(line)]
    if any(ANSWER_LABELS.match(a) for i in labelled for a in lines[i + 1:i + 4]):
        return "interview"  # "Вопрос: …" then "Ответ: …": a transcript of questions and answers
    if NEWS_NOTICE.search("\n".join(paragraphs[-3:])):
        return "news-report"  # a news outlet's notice against copying, under its report
    if not has_salutation:
        lead = "\n".join([p for p in paragraphs if len(p) >= 40][:4])  # past skip links and menus
        unquoted = re.sub(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|„[^“”]*[“”]|「[^」]*」", " ", lead)
        if len(REPORTING.findall(lead)) >= 3 and len(FIRST_PERSON.findall(unquoted)) < 2:
            return "news-report"  # reports others' words, and does not speak itself
        told = REPORTING.search(lead) or ANNOUNCING.search(lead)
        if told and speaks_itself(paragraphs, language) is False:
            return "press-release"  # tells in the third person what its issuer did or said
    return None


def _opening(paragraph: str) -> str:
    """A paragraph without its number and an opening date ("1. Le 24 septembre 1998, les …")."""
    text = re.sub(r"^\s*\d{1,2}[.)]\s+", "", paragraph.lstrip())
    return re.sub(r"^(?:(?:on|le|el|am|den|il|em|в)\s+)?\d{1,2}(?:er)?\.?\s+\w+\.?,?\s+\d{4},?\s+", "", text,
                  flags=re.IGNORECASE)


def end_marker(last: str) -> str | None:
    stripped = last.rstrip()
    return next((mk for mk in END_MARKERS if stripped.endswith(mk)), None)
