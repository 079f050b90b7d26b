"""What happened in a learner's record, for whoever listens (the xAPI outbox, later reports).

Sent inside the service's transaction; a receiver that talks to the outside world must wait for
the commit (`transaction.on_commit`).
"""

from django.dispatch import Signal

# Each is sent with keyword arguments user, at (datetime) and:
module_started = Signal()  # progress (ModuleProgress), facts (ModuleFacts)
module_completed = Signal()  # progress, facts
knowledge_check_passed = Signal()  # progress, facts, score (percent)
course_completed = Signal()  # enrolment (Enrolment)
