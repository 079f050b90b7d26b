"""Work folders of a killed worker are removed; those of live workers stay."""

import os
import subprocess
import time

import pytest

from elearning.core.work_folders import SEPARATOR, _host, work_folder, work_folders_clean

HOUR = 3600


@pytest.fixture
def work_dir(settings, tmp_path):
    settings.BACKGROUND_WORK_DIR = tmp_path / "work"
    return settings.BACKGROUND_WORK_DIR


def dead_pid():
    process = subprocess.Popen(["true"])  # noqa: S607 - a process that has ended
    process.wait()
    return process.pid


def folder_of(work_dir, host, pid, *, age=0):
    folder = work_dir / SEPARATOR.join(["media", host, str(pid), "ab12cd34"])
    folder.mkdir(parents=True)
    (folder / "original").write_bytes(b"x" * 1000)
    if age:
        then = time.time() - age
        os.utime(folder, (then, then))
    return folder


def test_a_work_folder_is_removed_after_use_even_when_the_work_fails(work_dir):
    with pytest.raises(RuntimeError), work_folder("media") as folder:
        (folder / "web.mp4").write_bytes(b"half a rendition")
        assert folder.parent == work_dir
        raise RuntimeError("ffmpeg failed")

    assert list(work_dir.iterdir()) == []


def test_cleaning_removes_the_folders_of_dead_processes_and_old_ones_only(work_dir):
    dead = folder_of(work_dir, _host(), dead_pid())
    mine = folder_of(work_dir, _host(), os.getpid())
    elsewhere = folder_of(work_dir, "other-host", dead_pid())
    stale = folder_of(work_dir, "other-host", 1, age=6 * HOUR)
    stray = work_dir / "not-ours"
    stray.mkdir()

    removed = work_folders_clean(older_than=5 * HOUR)

    assert sorted(removed) == sorted([dead.name, stale.name])
    assert sorted(path.name for path in work_dir.iterdir()) == sorted(
        [mine.name, elsewhere.name, stray.name]
    )
