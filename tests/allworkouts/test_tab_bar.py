"""The tab bar every signed-in page shows (allworkouts.context_processors.base)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_tab_bar_links_every_tab_and_marks_the_current_one(user_client):
    html = user_client.get("/plans/").content.decode()
    bar = re.search(r'<nav class="tabbar".*?</nav>', html, re.S)[0]
    assert re.findall(r">(\w+)</a>", bar) == ["Home", "Plans", "History", "Records", "Equipment", "Profile"]
    assert re.findall(r'<a href="([^"]+)" class="tab active" aria-current="page">', bar) == ["/plans/"]


def test_signed_out_pages_have_no_tab_bar(client):
    assert 'class="tabbar"' not in client.get("/login/").content.decode()
