"""The list kinds of a data folder and the field that identifies a record of each."""

from __future__ import annotations

from cluster_cli.model.common import Record
from cluster_cli.model.courses import Course
from cluster_cli.model.placements import Placement
from cluster_cli.model.records import CatalogueTask, Curriculum, Group, Member, Student

RECORD_KINDS: dict[str, type[Record]] = {
    "members": Member,
    "curricula": Curriculum,
    "groups": Group,
    "tasks": CatalogueTask,
    "students": Student,
    "placements": Placement,
    "courses": Course,
}
"""The list kinds of a data folder, in load order. Each is `<kind>.yaml` or a folder `<kind>/`."""

ID_FIELD = {"curricula": "code"}

# Fields besides the id that the loader keeps of every record without building it (issue 20):
# a placement's student and status find a student's placements, and the placements whose
# student no file has, without building every placements file.
COLUMNS: dict[str, tuple[str, ...]] = {"placements": ("student", "status")}
