"""Roles: "Communications staff" prepare and submit, "Moderators" review and
publish, on a database fresh from the migrations."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Workflow, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.roles import MODERATORS_GROUP, STAFF_GROUP
from home.models import StandardPage
from tests.editors.conftest import make_member
from tests.factories import make_image, make_standard_page

pytestmark = pytest.mark.django_db


def test_groups_and_workflow_exist_after_migrations():
    assert Group.objects.filter(name=STAFF_GROUP).exists()
    assert Group.objects.filter(name=MODERATORS_GROUP).exists()
    # Wagtail's starter "Editors" group is replaced, not left to confuse.
    assert not Group.objects.filter(name="Editors").exists()
    root = Page.get_first_root_node()
    workflow = root.get_workflow()
    assert workflow is not None and workflow.active
    [task] = workflow.tasks.specific()
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS_GROUP]


def test_every_page_is_under_the_moderation_workflow(home_page):
    page = make_standard_page(home_page)
    assert page.get_workflow() == Workflow.objects.get(name="Moderators approval")


def test_staff_can_edit_but_not_publish_pages(home_page, staff_user):
    page = make_standard_page(home_page)
    permissions = page.permissions_for_user(staff_user)
    assert permissions.can_add_subpage()
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not permissions.can_unpublish()
    assert not permissions.can_publish_subpage()


def test_moderators_can_publish_pages(home_page, moderator):
    page = make_standard_page(home_page)
    permissions = page.permissions_for_user(moderator)
    assert permissions.can_edit()
    assert permissions.can_publish()
    assert permissions.can_unpublish()


def test_staff_rights_on_images_documents_snippets_and_settings(staff_user, moderator):
    image = make_image()
    image.uploaded_by_user = moderator
    image.save()
    for instance in (image,):
        policy = policy_registry.get_by_type(type(instance))
        for action in ("add", "change", "choose"):
            assert policy.user_has_permission(staff_user, action)
        # Anyone's upload, e.g. to fix alt text or the focal point. (Wagtail
        # treats deleting an image or document as a kind of editing.)
        assert policy.user_has_permission_for_instance(staff_user, "change", instance)
    document_policy = policy_registry.get_by_type(get_document_model())
    for action in ("add", "change", "choose"):
        assert document_policy.user_has_permission(staff_user, action)
    for model in get_snippet_models():
        opts = model._meta
        if opts.label in ("newsletter.Subscriber", "newsletter.Subscription"):
            continue
        assert staff_user.has_perm(f"{opts.app_label}.add_{opts.model_name}"), opts
        assert staff_user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        assert not staff_user.has_perm(f"{opts.app_label}.delete_{opts.model_name}")
        assert not staff_user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")
    # Changes that go live at once are for moderators.
    assert not staff_user.has_perm("core.change_sitesettings")
    assert not staff_user.has_perm("wagtailredirects.add_redirect")


def test_moderators_rights_on_images_documents_snippets_and_settings(
    moderator, staff_user
):
    image = make_image()
    image.uploaded_by_user = staff_user
    image.save()
    policy = policy_registry.get_by_type(get_image_model())
    assert policy.user_has_permission_for_instance(moderator, "change", image)
    for model in get_snippet_models():
        opts = model._meta
        if opts.label in ("newsletter.Subscriber", "newsletter.Subscription"):
            continue
        assert moderator.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        assert moderator.has_perm(f"{opts.app_label}.delete_{opts.model_name}")
    assert moderator.has_perm("core.change_sitesettings")
    assert moderator.has_perm("wagtailredirects.add_redirect")
    assert moderator.has_perm("wagtailsearchpromotions.add_searchpromotion")


@pytest.mark.parametrize("group", [STAFF_GROUP, MODERATORS_GROUP])
def test_neither_role_sees_subscribers(group):
    user = make_member(group, f"user-{group[:4]}")
    for model in get_snippet_models():
        opts = model._meta
        if opts.label in ("newsletter.Subscriber", "newsletter.Subscription"):
            assert not user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
            assert not user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def _page_form(title, slug, **extra):
    data = {
        "title": title,
        "slug": slug,
        "summary": "What this page is about.",
        "body": streamfield([("text", rich_text("<p>Hello, Geneva.</p>"))]),
    }
    data.update(extra)
    return nested_form_data(data)


def test_staff_submits_and_moderator_publishes(home_page, staff_user, moderator):
    staff = Client()
    staff.force_login(staff_user)
    add_url = reverse(
        "wagtailadmin_pages:add", args=("home", "standardpage", home_page.pk)
    )
    # A publish button pressed by staff does not publish.
    response = staff.post(
        add_url, _page_form("Our work", "our-work", **{"action-publish": "publish"})
    )
    page = StandardPage.objects.get(slug="our-work")
    assert not page.live

    response = staff.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        _page_form("Our work", "our-work", **{"action-submit": "submit"}),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")

    moderator_client = Client()
    moderator_client.force_login(moderator)
    # The moderator previews the submitted version...
    preview = moderator_client.get(
        reverse(
            "wagtailadmin_pages:revisions_view", args=(page.pk, page.latest_revision_id)
        )
    )
    assert preview.status_code == 200
    assert b"Hello, Geneva." in preview.content
    # ...then approves it, which publishes it.
    response = moderator_client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(page.pk, "approve", state.current_task_state.pk),
        ),
        {"comment": "Good to go"},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert Client().get(page.url).status_code == 200


def test_staff_cannot_approve(home_page, staff_user):
    staff = Client()
    staff.force_login(staff_user)
    page = make_standard_page(home_page, title="Draft", slug="draft")
    page.save_revision()
    workflow = page.get_workflow()
    state = workflow.start(page, staff_user)
    staff.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(page.pk, "approve", state.current_task_state.pk),
        )
    )
    state.refresh_from_db()
    assert state.status == "in_progress"


def test_the_editor_offers_staff_submit_and_moderators_publish(
    home_page, staff_user, moderator
):
    page = make_standard_page(home_page)
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    staff = Client()
    staff.force_login(staff_user)
    staff_html = staff.get(url).content.decode()
    assert "Submit to Moderators approval" in staff_html
    assert 'name="action-publish"' not in staff_html
    moderator_client = Client()
    moderator_client.force_login(moderator)
    assert 'name="action-publish"' in moderator_client.get(url).content.decode()
