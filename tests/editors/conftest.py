"""Fixtures for the editors' tests: users in each editorial group."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core.roles import MODERATORS_GROUP, STAFF_GROUP


def make_member(group_name, username):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="pw"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def staff_user(db):
    return make_member(STAFF_GROUP, "staff")


@pytest.fixture
def moderator(db):
    return make_member(MODERATORS_GROUP, "moderator")


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client
