"""A small site of our own statements in seven languages and scripts, for the
search tests: each statement has a word that no other one contains."""

from __future__ import annotations

from conftest import statement_text

EVENT = {"body": "Human Rights Council", "session": "58th session",
         "start": "2025-02-24", "end": "2025-04-04"}

# language: (id, delegation, date, title, body, the word only it contains, its script)
TEXTS: dict[str, tuple[str, str, str, str, str, str]] = {
    "en": ("can-hrc-58", "CAN", "2025-02-25", "Statement of Canada on snowshoe trails",
           "Mr. President,\n\nCanada supports the work of the Council. Our snowshoe trails "
           "connect remote communities.\n\nThank you.\n", "snowshoe"),
    "fr": ("sen-hrc-58", "SEN", "2025-02-26", "Déclaration du Sénégal",
           "Monsieur le Président,\n\nLe président Bassirou Diomaye Faye salue les travaux du "
           "Conseil et la coopération régionale. Le Sénégal condamne l'empoisonnement des "
           "puits.\n\nJe vous remercie.\n", "Diomaye"),
    "de": ("deu-hrc-58", "DEU", "2025-02-27", "Erklärung Deutschlands",
           "Herr Präsident,\n\nDeutschland schützt die Rechte der Migranten und unterstützt "
           "den Rat.\n\nVielen Dank.\n", "Migranten"),
    "vi": ("vnm-hrc-58", "VNM", "2025-02-28", "Phát biểu của Việt Nam",
           "Thưa Chủ tịch,\n\nViệt Nam luôn coi trọng nhân quyền và hợp tác quốc tế.\n\n"
           "Xin cảm ơn.\n", "nhân quyền"),
    "ru": ("rus-hrc-58", "RUS", "2025-03-03", "Заявление Российской Федерации",
           "Господин Председатель,\n\nРоссия поддерживает сотрудничество. Снегопад не помешал "
           "нашей делегации.\n\nБлагодарю вас.\n", "снегопад"),
    "ar": ("egy-hrc-58", "EGY", "2025-03-04", "بيان جمهورية مصر العربية",
           "السيد الرئيس،\n\nتؤكد مصر أهمية التعاون الدولي، وتدعم زراعة الزيتون في المنطقة.\n\n"
           "شكرا.\n", "الزيتون"),
    "zh": ("chn-hrc-58", "CHN", "2025-03-05", "中国代表团的发言",
           "主席先生：\n\n中国重视国际合作，大熊猫是友谊的使者。\n\n谢谢主席。\n", "友谊"),
}
NAMES = {"en": "English", "fr": "French", "de": "German", "vi": "Vietnamese", "ru": "Russian",
         "ar": "Arabic", "zh": "Chinese"}


def files() -> dict[str, str]:
    return {f"{ident}.md": statement_text(body=body, id=ident, title=title, kind="statement",
                                          language=lang, date=date, delegation=deleg, event=EVENT)
            for lang, (ident, deleg, date, title, body, _) in TEXTS.items()}
