"""Messages of the effects added for issue 16 (special-allowance fund, transfer outlook, return
from leave, placements abroad, the signed contract): ``key: (Estonian, English)``, hints under
``key.hint``."""

MESSAGES: dict[str, tuple[str, str]] = {
    "allowance.fund.round-awarded": (
        "Põhitoetuse vooru {round} fondist {share} € määratud toetused",
        "Basic allowances awarded from round {round}'s fund of {share} €",
    ),
    "action.transfer-leave": (
        "Akadeemilisel puhkusel alates {since}: järgmisele kursusele ei viida üle, v.a õppekava täitmisel "
        "(läbimata moodulid: {modules}; arvestuslikud võlgnevused: {debts}).",
        "On academic leave since {since}: not transferred to the next course unless the curriculum is fulfilled "
        "(modules not passed: {modules}; accounting debts: {debts}).",
    ),
}
