from .packages import (
    CoursePackage,
    JobStatus,
    PackageExport,
    PackageFile,
    PackageImport,
    PackageOrigin,
)
from .pages import (
    CompletionRule,
    CoursePage,
    HomePage,
    LibraryPage,
    ModulePage,
    ToolPage,
    WebinarPage,
)
from .podcast import ItunesCategory, PodcastEpisodePage, PodcastPage
from .snippets import Theme, Trainer

__all__ = [
    "CompletionRule",
    "CoursePackage",
    "CoursePage",
    "JobStatus",
    "PackageExport",
    "PackageFile",
    "PackageImport",
    "PackageOrigin",
    "HomePage",
    "ItunesCategory",
    "LibraryPage",
    "ModulePage",
    "PodcastEpisodePage",
    "PodcastPage",
    "Theme",
    "ToolPage",
    "Trainer",
    "WebinarPage",
]
