"""What the platform keeps about a person, section by section: the data download and the erasure
(GDPR rights of access and erasure).

accounts sits below the apps that keep personal data (learners, intervision, reports) and imports
none of them: each registers its sections in its AppConfig.ready(), and the account services run
what is registered. Sections follow the order of registration, so of INSTALLED_APPS.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PersonalDataSection:
    """`export(user=...)` returns the section's JSON-ready data for the download; `erase(user=...)`
    removes or anonymises it before the account is deleted (in the erasure's transaction)."""

    name: str
    export: Callable | None = None
    erase: Callable | None = None


# name -> section, in the order of registration.
SECTIONS: dict[str, PersonalDataSection] = {}


def personal_data_section_register(name, *, export=None, erase=None):
    """Add (or, registered again under the same name, replace in place) a section."""
    SECTIONS[name] = PersonalDataSection(name=name, export=export, erase=erase)


def personal_data_sections():
    return tuple(SECTIONS.values())
