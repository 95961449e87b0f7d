"""Adds N generated resources to the benchmark's database (default 1,000).

Each is a live resource page under the demo library, with its own PDF
document record (the demo paper's file) whose extracted text is several
pages of generated prose: words drawn from a vocabulary with the skewed
frequencies of real writing, so the search index holds what a library
that has grown for years holds. Rows are inserted in bulk (pages, documents,
texts, tags, places) and the new pages indexed in chunks, as `update_index`
does: 10,000 resources take minutes, not hours.
"""

import datetime
import random
import sys

import django

CHUNK = 500
# Words of the site's subject, mixed with generic words; the first are the
# most frequent (Zipf-like weights), as in any text.
SUBJECT_WORDS = (
    "the of and to in a is that for on with as by was be are this from at or "
    "rights human defenders reprisals detention torture lawyers freedom "
    "expression association assembly united nations council treaty body "
    "review report government authorities state civil society activists "
    "journalists women minority religious ethnic courts trial prison arrest "
    "surveillance travel ban family threats harassment accountability justice "
    "international law obligations recommendations special rapporteur "
    "submission briefing paper cooperation mechanisms protection victims "
    "evidence testimony investigation commission independent experts china "
    "tibet uyghur hong kong region province campaign release demand urge "
    "violations abuses enforced disappearance residential surveillance "
    "designated location criminal charges subversion inciting national "
    "security legislation policy practice years months case cases families"
).split()
SYLLABLES = "ka ri to mu sen la ve dor pa qui zan mel tor fi no ba ge lu".split()


def vocabulary(size=3000, seed=16):
    rng = random.Random(seed)  # noqa: S311 - sample text, not secrets
    words = list(SUBJECT_WORDS)
    while len(words) < size:
        words.append("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    weights = [1 / (rank + 1) for rank in range(len(words))]
    return words, weights


def paper_text(rng, words, weights, pages):
    """`pages` pages of about 450 words each, as a PDF's extracted text."""
    return "\n\n".join(
        " ".join(rng.choices(words, weights, k=450)) for _ in range(pages)
    )


def main(count):
    django.setup()
    add_resources(count)
    from django.db import DatabaseError, connection

    if connection.vendor == "postgresql":
        # As autovacuum would after a bulk load (it is off on some machines):
        # statistics, or the plan is made for an empty archive; and the
        # visibility and hint bits, or the first searches each rewrite the
        # new rows they read (30 to 40 ms instead of 25 at 10,000 papers).
        # Then the checkpoint that the load's gigabyte of WAL calls for,
        # now rather than spread over the next minutes of measures: one run
        # measured even pages that read no paper twice as slow after the
        # load of 10,000 (404 6.5 -> 13.5 ms) while its writes went on.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
            try:
                cursor.execute("CHECKPOINT")
            except DatabaseError:  # a role without pg_checkpoint: measure anyway
                print("no CHECKPOINT: this role may not run one")  # noqa: T201
    print(f"added {count} resources")  # noqa: T201


def add_resources(count):
    """`count` live generated resources under the first demo paper's library,
    inserted in bulk and indexed; returns their ids."""
    from django.db import transaction
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    from resources.models import PdfText, ResourcePage, ResourcePageTag, ResourceType

    rng = random.Random(count)  # noqa: S311 - sample text, not secrets
    words, weights = vocabulary()
    original = ResourcePage.objects.live().filter(document__isnull=False).first()
    parent = Page.objects.get(pk=original.get_parent().pk)
    tag_ids = list(original.tagged_items.values_list("tag_id", flat=True))
    place_ids = list(original.places.values_list("pk", flat=True))
    document_model = get_document_model()
    template_document = document_model.objects.get(pk=original.document_id)
    types = [value for value, _label in ResourceType.choices]
    last = parent.get_last_child()
    start = len(Page.objects.child_of(parent))
    with transaction.atomic():
        pages = []
        path = last.path if last else None
        for offset in range(count):
            number = start + offset
            step = 1 if path is None else Page._str2int(path[-Page.steplen :]) + 1
            path = Page._get_path(parent.path, parent.depth + 1, step)
            slug = f"generated-paper-{number}"
            pages.append(
                ResourcePage(
                    title=f"Generated paper {number}: reprisals, year {number % 9}",
                    slug=slug,
                    path=path,
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    locale_id=parent.locale_id,
                    content_type_id=original.content_type_id,
                    live=True,
                    first_published_at=original.first_published_at,
                    last_published_at=original.last_published_at,
                    resource_type=rng.choice(types),
                    publication_date=datetime.date(2010, 1, 1)
                    + datetime.timedelta(days=rng.randrange(5500)),
                    summary=" ".join(rng.choices(words, weights, k=40))[:400],
                    owner_id=original.owner_id,
                )
            )
        documents = document_model.objects.bulk_create(
            [
                document_model(
                    title=f"Generated paper {start + n}",
                    file=template_document.file.name,
                    collection_id=template_document.collection_id,
                    file_size=template_document.file_size,
                    file_hash=template_document.file_hash,
                )
                for n in range(count)
            ],
            batch_size=CHUNK,
        )
        PdfText.objects.bulk_create(
            [
                PdfText(
                    document=document,
                    source_name=document.file.name,
                    status=PdfText.Status.INDEXED,
                    text=paper_text(rng, words, weights, pages=rng.randint(3, 8)),
                    page_count=5,
                )
                for document in documents
            ],
            batch_size=CHUNK,
        )
        # Page rows in bulk, then each resource row alone (raw=True saves
        # only the resource table: Django cannot bulk-create a child model).
        page_rows = Page.objects.bulk_create(
            [Page(**page_fields(page)) for page in pages],
            batch_size=CHUNK,
        )
        for page, row, document in zip(pages, page_rows, documents, strict=True):
            page.page_ptr_id = page.id = row.pk
            page.document_id = document.pk
            page.save_base(raw=True, force_insert=True)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
        ResourcePageTag.objects.bulk_create(
            [
                ResourcePageTag(content_object_id=page.pk, tag_id=tag_id)
                for page in pages
                for tag_id in tag_ids
            ],
            batch_size=CHUNK,
        )
        through = ResourcePage.places.through
        through.objects.bulk_create(
            [
                through(resourcepage_id=page.pk, place_id=place_id)
                for page in pages
                for place_id in place_ids
            ],
            batch_size=CHUNK,
        )
    ids = [page.pk for page in pages]
    index_pages(ids)
    return ids


def page_fields(resource):
    from wagtail.models import Page

    return {
        field.attname: getattr(resource, field.attname)
        for field in Page._meta.concrete_fields
        if field.attname != "id"
    }


def index_pages(ids):
    """What `update_index` does, for the new pages only, in chunks."""
    from wagtail.search.backends import get_search_backend

    from resources.models import ResourcePage

    backend = get_search_backend()
    index = backend.get_index_for_model(ResourcePage)
    for begin in range(0, len(ids), CHUNK):
        chunk = list(
            ResourcePage.objects.filter(pk__in=ids[begin : begin + CHUNK])
            .select_related("document")
            .prefetch_related("tags")
        )
        index.add_items(ResourcePage, chunk)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
