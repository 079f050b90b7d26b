from .pages import (
    CompletionRule,
    CoursePage,
    HomePage,
    LibraryPage,
    ModulePage,
    ToolPage,
    WebinarPage,
)
from .snippets import Theme, Trainer

__all__ = [
    "CompletionRule",
    "CoursePage",
    "HomePage",
    "LibraryPage",
    "ModulePage",
    "Theme",
    "ToolPage",
    "Trainer",
    "WebinarPage",
]
