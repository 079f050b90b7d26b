from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import MunicipalCoordinator
from .services import coordinator_group_sync


@receiver(post_save, sender=MunicipalCoordinator)
@receiver(post_delete, sender=MunicipalCoordinator)
def coordinator_changed(sender, instance, **kwargs):
    coordinator_group_sync(user=instance.user)
