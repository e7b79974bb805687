"""Messages about what a report shows: a format a command cannot produce, and why a report is
empty (said on stderr, exit 0): ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "usage.format-unsupported": (
        "Käsk „{command}” ei oska vormingut --format {value}; võimalikud: {known}.",
        "`{command}` cannot produce --format {value}; it supports: {known}.",
    ),
    "usage.format-unsupported.hint": (
        "Jätke --format ära (tabel) või valige üks neist: {known}.",
        "Leave --format out (a table) or choose one of: {known}.",
    ),
    # Why a report has nothing to show (stderr; the report itself still goes out, exit 0).
    "empty.debts": ("Võlgu seisuga {date} pole.", "No debts as of {date}."),
    "empty.debts.group": ("Grupis {group} pole seisuga {date} võlgu.", "No debts in group {group} as of {date}."),
    "empty.debts.student": ("Õpilasel {student} pole seisuga {date} võlgu.", "Student {student} has no debts as of {date}."),
    "empty.grants.rank": ("Vooru {round} taotlusi pole.", "No applications in round {round}."),
    "empty.grants.rank-none-eligible": (
        "Vooru {round} {count} taotlejast ükski ei vasta nõuetele (vaade excluded ütleb, miks).",
        "None of the {count} applicants in round {round} is eligible (the excluded view says why).",
    ),
    "empty.grants.fund": (
        "Ühelgi õppekaval pole riigieelarvelisi õppekohti (curricula.yaml: state_funded_places): fond on 0.",
        "No curriculum has state-funded places (curricula.yaml: state_funded_places): the fund is 0.",
    ),
    "empty.grants.report": (
        "Kuu {month} eest pole kellelegi põhitoetust maksta: vooru {round} toetust ei saa keegi.",
        "No basic allowance to pay for {month}: nobody receives one in round {round}.",
    ),
    "empty.allowances.special": (
        "Kuu {month} eritoetuse taotlusi pole.", "No special-allowance applications for {month}."),
    "empty.allowances.travel": ("Kuu {month} sõidukulude taotlusi pole.", "No travel claims for {month}."),
    "empty.allowances.lunch": (
        "Kuu {month} koolilõuna toetust ei saa keegi ({count} õpilasest ükski ei vasta tingimustele).",
        "Nobody receives school lunch support for {month} (none of the {count} students qualifies).",
    ),
    "empty.members": ("Ükski liige ei vasta valikule.", "No member matches the selection."),
    "empty.members.none": ("Failis members.yaml pole ühtki liiget.", "members.yaml has no members."),
    "empty.tasks": ("Praktikaülesannete kataloog (tasks.yaml) on tühi.", "The catalogue of practical tasks (tasks.yaml) is empty."),
    "empty.tasks.filtered": ("Ükski praktikaülesanne ei vasta valikule.", "No practical task matches the selection."),
    "empty.match": (
        "Ükski õpilane ei vaja praktikakohta vahemikus {start}…{end}.",
        "No placements need a host between {start} and {end}.",
    ),
    "empty.calendar": ("Tähtaegu vahemikus {start}…{end} pole.", "No deadlines between {start} and {end}."),
    # A placement's status as a table shows it (JSON keeps the stable code).
    "placement.status.draft": ("mustand", "draft"),
    "placement.status.review": ("ülevaatusel", "in review"),
    "placement.status.valid": ("kehtiv", "valid"),
    "placement.status.finished": ("lõppenud", "finished"),
    "placement.status.cancelled": ("tühistatud", "cancelled"),
}
