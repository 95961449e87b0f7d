"""Demo content of the resources app: the library, places, papers and their PDFs.

The summaries are written for this demo; the PDFs are small real files made
here, so searching for a word that only appears inside a PDF can be shown.
"""

import datetime
import textwrap

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from core.demo import demo_image, ensure_child_page, ensure_translation
from resources import demo_zh
from resources.models import Place, ResourceIndexPage, ResourcePage, ResourceType

LIBRARY_SLUG = "resources"

PLACES = [
    ("china", "China", Place.Kind.COUNTRY),
    ("bahrain", "Bahrain", Place.Kind.COUNTRY),
    ("egypt", "Egypt", Place.Kind.COUNTRY),
    ("global", "Global", Place.Kind.REGION),
    ("middle-east-north-africa", "Middle East and North Africa", Place.Kind.REGION),
    ("asia-pacific", "Asia-Pacific", Place.Kind.REGION),
]


def _pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(title, paragraphs):
    """A small valid one-page PDF whose text pypdf can read back.

    Written by hand (catalog, page, Helvetica font, one text stream and a
    cross-reference table with exact byte offsets) so the demo needs no PDF
    library beyond the one that reads the text.
    """
    lines = [title, ""]
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, 85))
        lines.append("")
    commands = ["BT", "/F1 16 Tf", "56 790 Td", "18 TL"]
    for number, line in enumerate(lines[:44]):
        if number == 1:
            commands.append("/F1 10 Tf")
            commands.append("14 TL")
        commands.append(f"({_pdf_escape(line)}) Tj T*")
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(out)


def demo_document(title, filename, paragraphs):
    """A Wagtail document holding a generated PDF, made once."""
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing:
        return existing
    document = document_model(
        title=title, file=ContentFile(make_pdf(title, paragraphs), name=filename)
    )
    document.save()
    return document


RESOURCES = [
    {
        "slug": "china-reprisals-submission-2023",
        "title": "Reprisals: submission on trends and recent cases in China",
        "resource_type": ResourceType.SUBMISSION,
        "publication_date": datetime.date(2023, 6, 12),
        "summary": (
            "An update to our May 2022 submission. It follows what happened in "
            "2022 and 2023 to people from China who tried to work with the UN, "
            "reviews cases that remain open, and shows how the authorities "
            "describe cooperation with the UN as if it were a crime."
        ),
        "tags": ["China", "Reprisals", "UN Human Rights Council"],
        "places": ["china", "asia-pacific"],
        "colour": (122, 28, 36),
        "pdf": (
            "china-reprisals-submission-2023.pdf",
            [
                "This submission updates our May 2022 paper on reprisals "
                "against people in China who engage with United Nations human "
                "rights mechanisms.",
                "It reviews cases that remain unresolved, including relatives "
                "of defenders placed under surveillance, lawyers disbarred, "
                "and activists held incommunicado after contact with UN "
                "experts.",
                "Official statements cast contact with UN bodies as collusion "
                "with hostile forces. We ask the Secretary-General to keep "
                "these cases in the annual report and states to raise them by "
                "name.",
            ],
        ),
    },
    {
        "slug": "china-un-treaty-bodies",
        "title": "China and the UN treaty body system",
        "resource_type": ResourceType.BRIEFING_PAPER,
        "publication_date": datetime.date(2023, 2, 20),
        "summary": (
            "How China uses its weight with the UN's human rights treaty "
            "bodies: from narrowing what the committees may examine, to "
            "pressure on independent groups that want to brief the experts. "
            "With recommendations for committee members and states."
        ),
        "tags": ["China", "Treaty bodies", "Reprisals"],
        "places": ["china"],
        "colour": (36, 62, 122),
        "pdf": (
            "china-un-treaty-bodies.pdf",
            [
                "The treaty bodies are committees of independent experts that "
                "review how states apply the core human rights conventions.",
                "During periodic reviews of China, official delegations "
                "contested the mandate of several committees and questioned "
                "the credibility of shadow reports from independent NGOs.",
                "Some groups that planned to brief committee members reported "
                "warnings and travel obstacles. The committees should keep "
                "their submission channels confidential and follow up on "
                "every allegation of intimidation.",
            ],
        ),
    },
    {
        "slug": "reprisals-un-decade-review",
        "title": "A decade of reprisals at the UN: what the numbers show",
        "resource_type": ResourceType.REPORT,
        "publication_date": datetime.date(2021, 9, 1),
        "summary": (
            "Our study of ten years of cases listed in the Secretary-General's "
            "reports on intimidation and reprisals: where they happen, who is "
            "targeted, and how rarely states are held to account."
        ),
        "tags": ["Reprisals", "UN Human Rights Council"],
        "places": ["global"],
        "colour": (11, 85, 99),
        "pdf": (
            "reprisals-un-decade-review.pdf",
            [
                "Between 2010 and 2020 the Secretary-General's annual reports "
                "recorded 709 cases of intimidation and reprisals against "
                "people cooperating with the United Nations.",
                "Almost a third of the cases came from the Middle East and "
                "North Africa. Half of the current members of the Human "
                "Rights Council were named in at least one of the last five "
                "reports.",
                "Follow-up remains weak: few cases are closed and the "
                "methodology for tracking them is not public.",
            ],
        ),
    },
    {
        "slug": "hrc-resolution-reprisals-2021",
        "title": "Human Rights Council adopts resolution on reprisals by consensus",
        "resource_type": ResourceType.NEWS,
        "publication_date": datetime.date(2021, 10, 8),
        "summary": (
            "For the first time since 2009 the Council agreed a text on "
            "reprisals without a vote. It invites the Secretary-General to "
            "present the annual reprisals report to the General Assembly."
        ),
        "tags": ["Reprisals", "UN Human Rights Council"],
        "places": ["global"],
        "colour": (31, 107, 58),
    },
    {
        "slug": "joint-statement-third-committee-2021",
        "title": "80 states condemn reprisals at the General Assembly",
        "resource_type": ResourceType.STATEMENT,
        "publication_date": datetime.date(2021, 10, 14),
        "summary": (
            "A cross-regional statement read by the United Kingdom at the "
            "Third Committee, backed by 80 countries, five more than the year "
            "before, commits states to protect civil society participation."
        ),
        "tags": ["Reprisals", "General Assembly"],
        "places": ["global"],
        "colour": (90, 60, 120),
    },
    {
        "slug": "bahrain-defenders-un-2022",
        "title": "Bahrain: defenders punished for speaking at the UN",
        "resource_type": ResourceType.BRIEFING_PAPER,
        "publication_date": datetime.date(2022, 3, 15),
        "summary": (
            "Case studies of Bahraini activists and their families who faced "
            "travel bans, questioning and prison after taking part in UN "
            "sessions in Geneva, and what the Council can do about it."
        ),
        "tags": ["Reprisals"],
        "places": ["bahrain", "middle-east-north-africa"],
        "colour": (150, 70, 20),
        "pdf": (
            "bahrain-defenders-un-2022.pdf",
            [
                "Families of Bahraini defenders described interrogations after "
                "their relatives spoke at Human Rights Council side events in "
                "Geneva.",
                "Several were prevented from boarding flights. We recommend "
                "that the Council presidency raise each incident with the "
                "delegation concerned.",
            ],
        ),
    },
    {
        "slug": "egypt-upr-submission-2024",
        "title": "Egypt: submission to the Universal Periodic Review",
        "resource_type": ResourceType.SUBMISSION,
        "publication_date": datetime.date(2024, 7, 1),
        "summary": (
            "Our input to Egypt's fourth Universal Periodic Review: travel "
            "bans, asset freezes and terrorism charges used against "
            "defenders who document violations for UN experts."
        ),
        "tags": ["Reprisals", "Universal Periodic Review"],
        "places": ["egypt", "middle-east-north-africa"],
        "colour": (160, 120, 30),
        "pdf": (
            "egypt-upr-submission-2024.pdf",
            [
                "Defenders who documented enforced disappearances for UN "
                "special procedures faced asset freezes under the 2015 "
                "counter-terrorism law.",
                "We urge recommending states to call for the lifting of "
                "arbitrary travel bans and the closure of case 173.",
            ],
        ),
    },
    {
        "slug": "guide-reporting-reprisals",
        "title": "How to report a reprisal to the UN: a guide for defenders",
        "resource_type": ResourceType.REPORT,
        "publication_date": datetime.date(2024, 11, 20),
        "summary": (
            "Step by step: who at the UN receives allegations of intimidation, "
            "what information they need, how consent and confidentiality work, "
            "and what to expect after you report."
        ),
        "tags": ["Reprisals", "Guides"],
        "places": ["global"],
        "colour": (20, 90, 140),
        "pdf": (
            "guide-reporting-reprisals.pdf",
            [
                "You can send information on intimidation or reprisals to the "
                "Office of the High Commissioner at reprisals@ohchr.org, to "
                "the relevant special rapporteur, or to the treaty body "
                "concerned.",
                "Say whether the person concerned consents to being named. "
                "Without consent the case can still be raised confidentially "
                "with the state.",
            ],
        ),
    },
    {
        "slug": "statement-hrc-interactive-dialogue-2025",
        "title": "Statement to the Council: reprisals must stay on the agenda",
        "resource_type": ResourceType.STATEMENT,
        "publication_date": datetime.date(2025, 9, 22),
        "summary": (
            "Our oral statement during the dialogue on the Secretary-General's "
            "reprisals report, asking states to name the governments that "
            "retaliate and to fund follow-up of every case."
        ),
        "tags": ["Reprisals", "UN Human Rights Council"],
        "places": ["global"],
        "colour": (110, 40, 80),
    },
]


def load_places():
    locale = Locale.get_default()
    places = {}
    for slug, name, kind in PLACES:
        place, _created = Place.objects.get_or_create(
            locale=locale, slug=slug, defaults={"name": name, "kind": kind}
        )
        places[slug] = place
    return places


def load(home):
    """The library under the home page, with the demo papers that are absent."""
    library = ensure_child_page(
        home,
        ResourceIndexPage,
        LIBRARY_SLUG,
        title="Resources",
        show_in_menus=True,
        intro=(
            "Reports, briefing papers, submissions and statements on "
            "intimidation and reprisals against people who work with the UN."
        ),
    )
    places = load_places()
    for spec in RESOURCES:
        if ResourcePage.objects.child_of(library).filter(slug=spec["slug"]).exists():
            continue
        fields = {
            key: spec[key]
            for key in ("title", "resource_type", "publication_date", "summary")
        }
        fields["cover_image"] = demo_image(
            spec["title"][:60], spec["colour"], size=(900, 1200), motif="cover"
        )
        if "pdf" in spec:
            filename, paragraphs = spec["pdf"]
            fields["document"] = demo_document(spec["title"], filename, paragraphs)
        page = ResourcePage(slug=spec["slug"], **fields)
        library.add_child(instance=page)
        page.tags.set(spec["tags"])
        page.places.set([places[slug] for slug in spec["places"]])
        page.save_revision().publish()
    load_translation(library, demo_zh)
    return library


def load_translation(library, copy):
    """The library in the copy's language, with the one paper the copy
    translates (if that paper is in the English library)."""
    locale = Locale.objects.get(language_code=copy.LANGUAGE_CODE)
    paper = ResourcePage.objects.child_of(library).filter(slug=copy.PAPER_SLUG).first()
    if paper is None:
        return None
    ensure_translation(library, locale, **copy.LIBRARY)
    return ensure_translation(paper, locale, **copy.PAPER)
