from .pages import CoursePage, HomePage, LibraryPage, ModulePage, ToolPage, WebinarPage
from .snippets import Theme, Trainer

__all__ = [
    "CoursePage",
    "HomePage",
    "LibraryPage",
    "ModulePage",
    "Theme",
    "ToolPage",
    "Trainer",
    "WebinarPage",
]
