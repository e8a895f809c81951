"""Problems opening a database file. Messages are composed by app/ (which translates them)."""

from __future__ import annotations


class DatabaseOpenError(Exception):
    """The file cannot be used as a Wufu database; it has not been touched."""

    kind = "open"

    def __init__(self, path, detail: str = ""):
        super().__init__(f"{self.kind}: {path} {detail}".strip())
        self.path = path
        self.detail = detail


class FolderMissing(DatabaseOpenError):
    kind = "folder_missing"


class FolderReadOnly(DatabaseOpenError):
    kind = "folder_read_only"


class FileReadOnly(DatabaseOpenError):
    kind = "file_read_only"


class NotADatabase(DatabaseOpenError):
    kind = "not_a_database"


class CorruptDatabase(DatabaseOpenError):
    kind = "corrupt"


class NewerDatabase(DatabaseOpenError):
    """Made by a newer Wufu: its schema revision is unknown to this version."""

    kind = "newer"


class NotWufuDatabase(DatabaseOpenError):
    """A valid SQLite file that holds some other program's tables."""

    kind = "foreign"
