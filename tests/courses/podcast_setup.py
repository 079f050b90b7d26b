"""What the podcast tests share: a show with episodes of real sound, and its feed as read."""

from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser

from tests.factories import PodcastEpisodePageFactory

BRUSSELS = ZoneInfo("Europe/Brussels")
# SITE_URL in settings/test.py: podcast apps keep these addresses, so they never name the host
# of the request that fetched the feed (the test client's "testserver").
SITE = "http://leerplatform.test"
TONE_SECONDS = 2


def episode(show, title, day, **fields):
    when = datetime(2025, 3, day, 9, 0, tzinfo=BRUSSELS)
    return PodcastEpisodePageFactory(parent=show, title=title, publication_date=when, **fields)


def read_feed(client, show):
    response = client.get(show.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    parsed.href = show.url + "feed/"
    return parsed
