"""The demo's synonym groups for `make run`: the everyday words professionals type for the
demo library's subjects, in each language's search (elearning/demo/seeding.py calls this).

A group is added when none of the language's groups holds its first term yet, so seeding
again adds nothing, and a group an editor changed or deleted is left as the editor wants it
unless its first term is gone altogether. A group the rules refuse (an editor put one of its
terms in another group) is left out.
"""

from django.core.exceptions import ValidationError

from .models import SynonymGroup
from .synonym_rules import synonym_term_key, synonym_terms

DEMO_SYNONYMS = {
    "nl": (
        "kindermishandeling, child abuse, maltraitance infantile",
        "VIF, IFG, intrafamiliaal geweld, huiselijk geweld",
        "ouderenmishandeling, ouderenmisbehandeling, elder abuse",
        # The demo's theme "Partnergeweld", and sibling violence ("Geweld tussen broers en zussen").
        "partnergeweld, relatiegeweld, geweld tussen partners, partner violence",
        "broer-zusgeweld, siblinggeweld, sibling violence",
        "mantelzorger, informele zorgverlener, aidant proche, informal carer",
    ),
    "fr": (
        # "Maltraitance d'enfants" is the demo's name of the theme.
        "maltraitance infantile, maltraitance des enfants, maltraitance d'enfants, child abuse, "
        "kindermishandeling",
        "aînés, personnes âgées",
        "VIF, violence intrafamiliale, violences intrafamiliales",
        "maltraitance des aînés, maltraitance des personnes âgées, elder abuse, "
        "ouderenmishandeling",
        "violence entre partenaires, violences conjugales, violence conjugale, partner violence",
        "violence dans la fratrie, violence fraternelle, sibling violence",
    ),
    "en": (
        "child abuse, child maltreatment, kindermishandeling, maltraitance infantile",
        "elder abuse, elder maltreatment, abuse of older people",
        "VIF, IFG, family violence, domestic violence",
        "partner violence, intimate partner violence, partnergeweld",
        "sibling violence, sibling abuse",
        "informal carer, informal caregiver, family carer",
        # The English demo says "peer review" for intervisie.
        "intervision, peer review, peer case discussion",
    ),
}


def demo_synonyms_seed():
    """Add the demo groups that are missing; returns how many were added."""
    added = 0
    for language, groups in DEMO_SYNONYMS.items():
        for terms in groups:
            added += _group_seed(language, terms)
    return added


def _group_seed(language, terms):
    first = synonym_term_key(synonym_terms(terms)[0])
    for existing in SynonymGroup.objects.filter(language=language).values_list("terms", flat=True):
        if first in {synonym_term_key(term) for term in synonym_terms(existing)}:
            return 0
    group = SynonymGroup(language=language, terms=terms)
    try:
        group.full_clean()
    except ValidationError:
        return 0
    group.save()
    return 1
