"""People: accounts, and the professional profile most tests need."""

import factory
from allauth.account.models import EmailAddress

from elearning.accounts.models import User
from elearning.core.models import Municipality, Sector


class UserFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        # A professional of Gent (care sector, CAW): who signs up for intervision, who is counted
        # in the municipal reports. The municipality and sector are seeded by the migrations.
        professional = factory.Trait(
            municipality=factory.LazyFunction(lambda: Municipality.objects.get(name="Gent")),
            sector=factory.LazyFunction(lambda: Sector.objects.get(code=Sector.Code.CARE)),
            organisation="CAW Oost-Vlaanderen",
        )
        # allauth lets only a verified address sign in.
        verified = factory.Trait(
            verified_address=factory.RelatedFactory(
                "tests.factories.people.EmailAddressFactory",
                factory_related_name="user",
                email=factory.SelfAttribute("..email"),
            )
        )

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class EmailAddressFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    email = factory.SelfAttribute("user.email")
    verified = True
    primary = True

    class Meta:
        model = EmailAddress
