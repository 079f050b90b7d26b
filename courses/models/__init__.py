from .course import CompletionRule, CoursePage, ModulePage, WebinarPage
from .packages import (
    CoursePackage,
    JobStatus,
    PackageExport,
    PackageFile,
    PackageImport,
    PackageOrigin,
)
from .pages import HomePage, InformationPage, LibraryPage, ToolPage
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
    "InformationPage",
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
