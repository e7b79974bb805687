"""Messages of the effects added for issue 16 (special-allowance fund, transfer outlook, return
from leave, placements abroad, the signed contract): ``key: (Estonian, English)``, hints under
``key.hint``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "allowance.fund.round-awarded": (
        "Põhitoetuse vooru {round} fondist {share} € määratud toetused",
        "Basic allowances awarded from round {round}'s fund of {share} €",
    ),
}
