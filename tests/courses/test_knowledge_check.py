"""The knowledge check answers with feedback, without JavaScript, and shrugs off bad input."""

import pytest


def check_block(module):
    return next(block for block in module.body if block.block_type == "knowledge_check")


@pytest.mark.django_db
def test_a_correct_answer_gets_its_feedback(client, library_tree):
    module = library_tree["pages"]["module"]
    block = check_block(module)
    html = client.get(module.url, {"check": block.id, "answer": "0"}).content.decode()
    assert "Juist: eerst veiligheid." in html
    assert "feedback--correct" in html
    assert "Dat kan gevaar geven." not in html


@pytest.mark.django_db
def test_a_wrong_answer_gets_its_own_feedback(client, library_tree):
    module = library_tree["pages"]["module"]
    block = check_block(module)
    html = client.get(module.url, {"check": block.id, "answer": "1"}).content.decode()
    assert "Dat kan gevaar geven." in html
    assert "feedback--incorrect" in html


@pytest.mark.django_db
def test_the_page_does_not_reveal_feedback_before_an_answer(client, library_tree):
    html = client.get(library_tree["pages"]["module"].url).content.decode()
    assert "Juist: eerst veiligheid." not in html
    assert "Dat kan gevaar geven." not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"check": "unknown-block", "answer": "0"},
        {"check": "{id}", "answer": "7"},
        {"check": "{id}", "answer": "-1"},
        {"check": "{id}", "answer": "1 OR 1=1"},
        {"check": "{id}", "answer": "x" * 5000},
        {"check": "{id}"},
        {"answer": "0"},
    ],
)
def test_hostile_answers_show_the_normal_page(client, library_tree, params):
    module = library_tree["pages"]["module"]
    block_id = check_block(module).id
    params = {key: value.replace("{id}", block_id) for key, value in params.items()}
    response = client.get(module.url, params)
    assert response.status_code == 200
    assert "feedback--" not in response.content.decode()


@pytest.mark.django_db
def test_feedback_that_opens_with_the_verdict_does_not_repeat_it(client, library_tree):
    """The editor's "Juist: eerst veiligheid." is not shown as "Juist. Juist: eerst veiligheid."."""
    module = library_tree["pages"]["module"]
    block = check_block(module)
    html = client.get(module.url, {"check": block.id, "answer": "0"}).content.decode()
    feedback = html[html.index('class="feedback') :]
    feedback = feedback[: feedback.index("</div>")]
    assert feedback.count("Juist") == 1


@pytest.mark.django_db
def test_feedback_without_the_verdict_is_preceded_by_it(client, library_tree):
    module = library_tree["pages"]["module"]
    block = check_block(module)
    html = client.get(module.url, {"check": block.id, "answer": "1"}).content.decode()
    assert "<strong>Niet helemaal.</strong> Dat kan gevaar geven." in html
