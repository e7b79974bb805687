"""What every command shares: options, finding the data folder, dates, languages, exit codes.

Only `typer` and the standard library are imported at module level: `cluster --help` must
stay fast. Everything heavy is imported inside the functions that need it.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Iterator, NoReturn, Optional, Union

import typer

EXIT_OK = 0
EXIT_FINDINGS = 1  # findings of severity error, or a refused action
EXIT_UNUSABLE = 2  # unusable input or a usage error

def output_path(value: str):
    """`--output`'s parser: the path, or "" kept as it is (`Path("")` would silently be `.`)."""
    return value if value == "" else Path(value)


_OUTPUT_PARAMS = ("output", "ics")
_GUARDED = ("data", "lang", "format", *_OUTPUT_PARAMS)
_invocation: ContextVar = ContextVar("cluster_invocation", default=None)
_cluster_csv: ContextVar = ContextVar("cluster_csv_dialect", default=None)  # cluster.yaml's, once loaded


def guard_outputs(ctx: typer.Context, param: typer.CallbackParam, value):
    """Callback of `--data`, `--lang`, `--output` (and `calendar --ics`): once the last of them
    is parsed, check every output path — before any data is read or a report computed (fail
    fast); `deliver` checks again at write time."""
    _invocation.set(ctx)
    names = {p.name for p in ctx.command.params}
    if not names.intersection(_OUTPUT_PARAMS):
        return value
    pending = [n for n in _GUARDED if n in names and n not in ctx.params and n != param.name]
    if not pending:
        from cluster_cli.cli.output import check_outputs

        given = {**ctx.params, param.name: value}
        check_outputs(given, [given[n] for n in _OUTPUT_PARAMS if n in names])
    return value


def guard_format(ctx: typer.Context, param: typer.CallbackParam, value):
    """Callback of `--format`: not given, it follows `--output`'s suffix (`x.xlsx` → xlsx). An
    `--output` given on the command line is parsed before any option left to its default, so it
    is known here; a contradiction is refused in `output.check_outputs`."""
    source = ctx.get_parameter_source(param.name)
    if source is not None and source.name in ("DEFAULT", "DEFAULT_MAP"):
        from cluster_cli.cli.output import suffix_format

        implied = suffix_format(ctx.params.get("output"))
        if implied is not None and implied != "ics":
            value = type(value)(implied) if isinstance(value, Enum) else implied
    return guard_outputs(ctx, param, value)


# The options every command shares, each defined once (`typing.Annotated` aliases); a command
# names them in its parameter list with their default: `data: Data = None`, `show_pii: ShowPii = False`.
Data = Annotated[Optional[Path], typer.Option(
    "--data", "-d", help="help.option.data", show_default=False,
    callback=guard_outputs,
)]
AsOf = Annotated[Optional[str], typer.Option(
    "--as-of", metavar="DATE",
    help="help.option.as-of")]
Lang = Annotated[Optional[str], typer.Option(
    "--lang", help="help.option.lang", callback=guard_outputs)]
ShowPii = Annotated[bool, typer.Option("--show-pii", help="help.option.show-pii")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="help.option.verbose")]
NoCache = Annotated[bool, typer.Option(
    "--no-cache", help="help.option.no-cache")]


def remember_invocation(ctx: typer.Context, param: typer.CallbackParam, value):
    """Callback of `--quiet`: every command has it, so `note` always knows the running command."""
    _invocation.set(ctx)
    return value


Quiet = Annotated[bool, typer.Option(
    "--quiet", "-q", help="help.option.quiet",
    callback=remember_invocation)]


def quiet() -> bool:
    """Whether the running command was given `--quiet`."""
    ctx = _invocation.get()
    return bool(ctx is not None and ctx.params.get("quiet"))


def note(text: str, style: Optional[str] = None, label: str = "", whole: tuple = ()) -> None:
    """A note on stderr that is not an error — progress, a file written, a sweep, waiting —
    left out under `--quiet` (errors go through `fail` and are always shown). Wrapped as `say`
    wraps; without a `label` its continuation lines are indented as a finding's are."""
    if not quiet():
        from cluster_cli.render.findings import HANGING_INDENT

        say(label, text, style, whole=whole, indent=None if label else HANGING_INDENT)


_PATH_ARGS = ("path", "file", "files", "start", "where", "json", "csv", "target")


def stderr_width() -> Optional[int]:
    """The width messages on stderr wrap to: the terminal's (or `$COLUMNS`', which tests set to
    fake one); None when stderr is piped or redirected — one line per message, for grep."""
    if not (sys.stderr.isatty() or os.environ.get("COLUMNS")):
        return None
    return stderr_console().width


def echo(text: str, whole: tuple = ()) -> None:
    """A report's sentence on stdout, wrapped as `say` wraps stderr's (piped: one line)."""
    import shutil

    from cluster_cli.render.findings import labelled_lines

    wrap = sys.stdout.isatty() or os.environ.get("COLUMNS")
    for line in labelled_lines("", text, shutil.get_terminal_size().columns if wrap else None, 0, whole):
        typer.echo(line)


def say(label: str, text: str, style: Optional[str] = None, console=None, indent: Optional[int] = None,
        whole: tuple = ()) -> None:
    """`label` and `text` on stderr (or `console`), wrapped to the terminal's width after the label
    with a hanging indent, breaking only at ordinary spaces — never inside a path (`whole`), an
    id, a date, a number or an amount (render/findings.py's `labelled_lines`, as findings wrap)."""
    from cluster_cli.render.findings import labelled_lines

    console = console if console is not None else stderr_console()
    for line in labelled_lines(label, text, stderr_width(), indent, tuple(str(p) for p in whole)):
        console.print(line, style=style, markup=False, highlight=False, soft_wrap=True)


def paths_in(args: dict) -> tuple:
    """The paths among a message's arguments (a file, a folder; a list of files "a, b"): each
    stays whole when the message wraps."""
    return tuple(piece for name in _PATH_ARGS if args.get(name) for piece in str(args[name]).split(", "))


def loader_settings(no_cache: bool = False, lang: Optional[str] = None) -> dict:
    """Cache and fast parser on unless switched off: `--no-cache`, or the environment —
    CLUSTER_NO_CACHE=1, and CLUSTER_LOADER=precise for PyYAML only (a diagnostic). With the
    cache on, its pruning settings (CLUSTER_CACHE_MAX_AGE_DAYS, CLUSTER_CACHE_MAX_MB) must be
    numbers, and CLUSTER_JOBS a whole number: a wrong one exits 2 with a message naming it."""
    from cluster_cli.forked import jobs
    from cluster_cli.i18n import LANGUAGES, N_
    from cluster_cli.load.cache import limits

    cache = not (no_cache or os.environ.get("CLUSTER_NO_CACHE"))
    settings = [(limits, N_("cache.setting-invalid"))] if cache else []
    for check, key in [*settings, (jobs, N_("jobs.setting-invalid"))]:  # each raises ValueError(its variable)
        try:
            check()
        except ValueError as exc:
            fail(key, lang if lang in LANGUAGES else "et", name=str(exc), value=os.environ.get(str(exc), ""))
    return {"cache": cache, "fast": os.environ.get("CLUSTER_LOADER", "fast") != "precise"}


# Parameters that do not shape an answer's bytes, so the answers cache leaves them out of its
# key — the ONE list; every other parameter of a command is part of the key (`question_of`),
# and tests/test_cache.py checks that every parameter of every command is one or the other.
UNKEYED = {
    "output": "where the bytes go, not what they are",
    "no_cache": "whether the cache is used at all",
    "verbose": "timings go to stderr, not into the answer",
    "no_pager": "whether a terminal's text goes through a pager, not what it is",
    "quiet": "notes on stderr, not the answer",
}


def question_of(ctx: typer.Context) -> list:
    """The question a command answers, for the answers cache: its name, today's date (the
    clock read here, so that an answer that depends on it — a default --as-of, an XLSX stamp —
    is never served on another day) and every parameter except those in `UNKEYED`."""
    names = []
    node = ctx
    while node is not None and node.parent is not None:  # the root's name is how it was called
        names.append(node.info_name or "")
        node = node.parent
    params = {}
    for name, value in sorted(ctx.params.items()):
        if name in UNKEYED:
            continue
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, (list, tuple)):
            value = [v.value if isinstance(v, Enum) else v for v in value]
        params[name] = value
    return [" ".join(reversed(names)), date.today().isoformat(), params]


class TextOrJson(str, Enum):
    text = "text"
    json = "json"


# `--format` of the commands that print text or JSON, not report views (`rules`, `profile`).
TextFormat = Annotated[TextOrJson, typer.Option("--format", "-f", help="help.option.text-format")]


def resolve_data_dir(given: Optional[Path]) -> Path:
    """--data, else $CLUSTER_DATA, else the folder found upward from here as git finds its
    repository (a folder with cluster.yaml, or one with data/cluster.yaml), else ./data (which
    then reports as missing, saying where it looked)."""
    from cluster_cli.cli.locate import data_dir

    return data_dir(given)


def missing_data_folder(exc, data: Optional[Path], lang: str) -> NoReturn:
    """The loader found no data folder: named by the user, say which; found by walking up, say
    where the walk began and what to do."""
    from cluster_cli.cli.locate import explicit_data_dir

    if exc.key == "data-folder-missing" and explicit_data_dir(data) is None:
        fail("data.not-found", lang, start=Path.cwd())
    fail(exc.key, lang, path=exc.path)


def language(given: Optional[str] = None, cluster_language: Optional[str] = None) -> str:
    """The user's language, decided once in this order: `--lang`, `$CLUSTER_LANG`, the cluster's
    `language:` (`cluster_language` once loaded, else read cheaply from the data folder's
    cluster.yaml), the locale (LC_ALL, LC_MESSAGES, LANG), else Estonian. A wrong `--lang` or
    `$CLUSTER_LANG` exits 2, said in the language the rest of the order gives."""
    from cluster_cli.cli.locate import chosen_language

    ctx = _invocation.get()
    data = ctx.params.get("data") if ctx is not None else None
    problem, lang = chosen_language(given, cluster_language, data)
    if problem is not None:
        if problem[0] == "--lang":
            fail("usage.lang", lang, value=problem[1])
        fail("usage.lang-env", lang, value=problem[1])
    return lang


def parse_date(value: Optional[str], lang: str) -> date:
    """A date option (`--as-of`, `--from`, `--to`): `23.11.2026` or `2026-11-23`; None is today —
    the clock is read here, at the CLI, and nowhere below it. A malformed date names both forms;
    one that does not exist (`31.11.2026`) names the nearest that does; exit 2 either way."""
    if value is None:
        return date.today()
    from cluster_cli.dates import DateFormError, NoSuchDate, month_written_as_user, read_date, written_as_user
    from cluster_cli.limits import range_args, year_in_range

    try:
        day = read_date(value)
    except DateFormError:
        fail("usage.date", lang, value=value)
    except NoSuchDate as exc:
        if not year_in_range(exc.year):
            fail("usage.date-range", lang, value=value, **range_args())
        suggestion = written_as_user(exc.nearest, exc.estonian, lang)
        if 1 <= exc.month <= 12:
            fail("usage.date-no-day", lang, value=value, suggestion=suggestion,
                 month=month_written_as_user(exc.nearest, exc.estonian, lang), days=exc.days)
        fail("usage.date-no-month", lang, value=value, suggestion=suggestion, number=exc.month)
    if not year_in_range(day.year):  # 0001-01-01 parses, but no calendar reaches it
        fail("usage.date-range", lang, value=value, **range_args())
    return day


def parse_month(value: str, lang: str) -> str:
    """A `--month` option: `11.2026` or `2026-11`, as the month id `2026-11`; exit 2 otherwise."""
    from cluster_cli.dates import DateFormError, read_month
    from cluster_cli.limits import range_args, year_in_range

    try:
        month = read_month(value)
    except DateFormError:
        fail("usage.month", lang, value=value)
    if not year_in_range(int(month[:4])):
        fail("usage.month-range", lang, value=value, **range_args())
    return month


def fail(key: str, lang: str, code: int = EXIT_UNUSABLE, **args) -> NoReturn:
    """Print a catalogue message (and its hint) to stderr and exit."""
    from cluster_cli.i18n import hint_for, t

    message = t(key, lang, **args)
    hint = hint_for(key, lang, args)
    err = stderr_console()
    say("cluster: ", message, "bold red", err, whole=paths_in(args))
    if hint:
        say(f"   {t('ui.fix', lang)}: ", hint, "green", err, whole=paths_in(args))
    raise typer.Exit(code)


@contextmanager
def editing(data_dir: Path, lang: Union[str, Callable[[], str]]) -> Iterator:
    """The data folder's edit session (edit/write.py: lock, re-check, atomic write) with its
    refusals said in `lang` (a callable when the language is known only once the data is read):
    another command holds the folder, or a file changed meanwhile — exit 1, nothing written;
    a write that failed — exit 2."""
    from cluster_cli.edit.write import DataChanged, DataFolderBusy, edit
    from cluster_cli.files import WriteError

    def used() -> str:
        return lang() if callable(lang) else lang

    try:
        with edit(data_dir) as session:
            yield session
    except DataFolderBusy as exc:
        fail("files.data-busy", used(), code=EXIT_FINDINGS, path=exc.path)
    except DataChanged as exc:
        fail("files.data-changed", used(), code=EXIT_FINDINGS, path=exc.path)
    except WriteError as exc:
        fail(exc.key, used(), path=exc.path, reason=exc.reason)


def stdout_console(file=None):
    """Rich console for data on stdout (or `file`, a stand-in for it): the terminal's width, or a
    wide page when redirected (a file or a pipe should not get 80-column wrapping)."""
    from rich.console import Console

    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160
    return Console(highlight=False, soft_wrap=False, width=width, file=file)


def stderr_console():
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def load_or_exit(data: Optional[Path], lang_flag: Optional[str], timings=None, no_cache: bool = False):
    """Load the data folder; an unusable folder exits with 2 and a message."""
    from cluster_cli.load.folder import DataFolderError
    from cluster_cli.load.yaml_loader import HAVE_LIBYAML
    from cluster_cli.pipeline import load

    data_dir = resolve_data_dir(data)
    if not HAVE_LIBYAML:
        from cluster_cli.i18n import t

        note(t("ui.no-libyaml", language(lang_flag)))
    try:
        loaded = load(data_dir, timings=timings, **loader_settings(no_cache, lang_flag))
    except DataFolderError as exc:
        missing_data_folder(exc, data, language(lang_flag))
    cluster = loaded.dataset.cluster
    _cluster_csv.set(cluster.csv_dialect if cluster is not None else None)
    return loaded


def print_timings(timings, lang: str) -> None:
    from cluster_cli.i18n import t
    from cluster_cli.i18n.words import STAGE_WORD, word
    from cluster_cli.render.numbers import number_text

    for name, seconds in timings.stages:
        print(t("ui.stage", lang, stage=word(STAGE_WORD, name, lang), seconds=number_text(seconds, lang, 3)),
              file=sys.stderr)


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


# The options every report shares (with `Data`, `Lang`, … above): `format: Format = ReportFormat.table`.
Format = Annotated[ReportFormat, typer.Option(
    "--format", "-f", callback=guard_format,
    help="help.option.format")]
Output = Annotated[Optional[Path], typer.Option(
    "--output", "-o", parser=output_path, callback=guard_outputs, metavar="FILE",
    help="help.option.output")]
View = Annotated[Optional[str], typer.Option(
    "--view", help="help.option.view")]
Wide = Annotated[bool, typer.Option("--wide", help="help.option.wide")]
Columns = Annotated[Optional[str], typer.Option(
    "--columns", metavar="A,B,C", help="help.option.columns")]
NoPager = Annotated[bool, typer.Option(
    "--no-pager", help="help.option.no-pager")]


class CsvDialect(str, Enum):
    rfc4180 = "rfc4180"
    excel = "excel"


CsvDialectOption = Annotated[Optional[CsvDialect], typer.Option(
    "--csv-dialect", help="help.option.csv-dialect")]


def csv_dialect() -> str:
    """`--csv-dialect`, else the loaded cluster's `csv_dialect` (cluster.yaml), else rfc4180."""
    ctx = _invocation.get()
    given = ctx.params.get("csv_dialect") if ctx is not None else None
    if given is not None:
        return given.value if isinstance(given, Enum) else str(given)
    return _cluster_csv.get() or "rfc4180"


def running_command() -> Optional[typer.Context]:
    """The context of the command being run (set by the shared options' callbacks and
    `run_report`), or None outside a command."""
    return _invocation.get()


def command_params() -> dict:
    """The parameters of the command being run (the shared table options are read from them)."""
    ctx = _invocation.get()
    return ctx.params if ctx is not None else {}


def cached_answer(ctx: typer.Context, data: Optional[Path], no_cache: bool, show_pii: bool, produce,
                  lang: Optional[str] = None) -> bytes:
    """The bytes `produce()` returns for the command's question (`question_of`), from the cache
    when the data folder, the tool and the question are unchanged since the answer was stored
    (for files and pipes — a repeated cron run or report costs a hash of the files).

    An answer with personal data unmasked (`--show-pii`) is neither stored nor served. An
    answer is stored under the key of the bytes it was computed from, not of those
    fingerprinted before: a file saved in between cannot poison the cache."""
    from cluster_cli.pipeline import question_key, recording_reads

    slot = None
    if not show_pii and loader_settings(no_cache, lang)["cache"]:
        slot = question_key(resolve_data_dir(data), question_of(ctx))
    if slot is not None:
        hit = slot.lookup()
        if hit is not None:
            return hit
    with recording_reads() as reads:
        blob = produce()
    if slot is not None:
        slot.store_answer(reads, blob)
    return blob


@dataclass
class Computed:
    """A report ready to serialise: its views and JSON document, the language used, the date
    that stamps an XLSX file, the view CSV shows by default, and the title."""

    views: list
    document: object
    lang: str
    stamp: date
    csv_default: str
    title: str = ""


def run_report(ctx: typer.Context, compute, fmt: ReportFormat, output: Optional[Path], view: Optional[str],
               lang: Optional[str], show_pii: bool, data: Optional[Path], no_cache: bool) -> None:
    """The one way every report command answers: a table on the terminal, or bytes for a file or
    pipe — those from the answers cache when nothing changed (the key holds every parameter of
    the command `ctx` runs, but those in `UNKEYED`)."""
    from cluster_cli.cli.output import chosen_view, deliver, emit_report, report_bytes, rows_written

    _invocation.set(ctx)  # the table options (--wide, --columns, --no-pager) are read from it
    if fmt is ReportFormat.xlsx and output is None:
        fail("usage.xlsx-output", language(lang))
    if fmt is ReportFormat.table and output is None:
        c = compute()
        emit_report(c.views, c.document, fmt, None, view, c.lang, show_pii, c.stamp, c.csv_default, c.title)
        return

    def produce() -> bytes:
        # The row count travels with the bytes (its own first line), so a cached answer can
        # still say "wrote FILE (N rows)".
        c = compute()
        shown = chosen_view(view, c.views, c.lang)  # `--view tegevused` is `actions`
        blob = report_bytes(c.views, c.document, fmt, shown, c.lang, show_pii, c.stamp, c.csv_default, c.title)
        return b"%d\n" % rows_written(c.views, fmt.value, shown, c.csv_default) + blob

    count, _, blob = cached_answer(ctx, data, no_cache, show_pii, produce, lang).partition(b"\n")
    deliver(blob, output, rows=int(count))


def refuse_if_unusable(loaded, lang: str) -> None:
    """Reports need whole data: if loading found errors (unreadable files, broken records), the
    report would silently miss students — refuse with exit 2 and point to `cluster validate`.
    The cause named is the first one: a file that could not be read before anything else."""
    from cluster_cli.findings import first_causes_first
    from cluster_cli.i18n import NP_

    broken = [f for f in loaded.findings if f.severity == "error"]
    if broken:
        first = first_causes_first(broken)[0]
        where = f"{first.file}:{first.line}" if first.line else first.file
        fail(NP_("loader.refuse"), lang, count=len(broken), where=where, message=first.localized(lang)["message"])
