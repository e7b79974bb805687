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
    "action.leave-no-return": (
        "Akadeemiline puhkus lõppes {end}, naasmist pole märgitud: märgi õpingute jätkamine. Ühe nädala jooksul "
        "({back_by}, 6.7.10) — 6.8.2.5 järgi kahe nädala jooksul ({latest}) — naasmata õpilane arvatakse "
        "grupijuhendaja esildise alusel välja.",
        "Academic leave ended {end} and no return is recorded: record the return. A student not back within one "
        "week ({back_by}, 6.7.10) — two weeks by 6.8.2.5 ({latest}) — is expelled on the group supervisor's "
        "proposal.",
    ),
    "action.leave-no-return-expulsion": (
        "Akadeemiline puhkus lõppes {end}, naasmist pole märgitud ja nädal on möödas ({back_by}, 6.7.10): "
        "grupijuhendaja esildis väljaarvamiseks; 6.8.2.5 kahe nädala tähtaeg on {latest}. Kui õpilane naasis, "
        "märgi see.",
        "Academic leave ended {end}, no return is recorded and the week has passed ({back_by}, 6.7.10): the group "
        "supervisor proposes expulsion; 6.8.2.5's two weeks end {latest}. If the student is back, record it.",
    ),
    "grant.reason.abroad-placement": (
        "Välispraktikal {placement} alates {since} (välismaale õppima, sh praktikale).",
        "On placement {placement} abroad since {since} (going abroad to study includes practice).",
    ),
    "grant.reason.stopped-abroad-placement": (
        "Välispraktikal {placement} alates {since}; makse lõpeb järgmisest kuust.",
        "On placement {placement} abroad since {since}; payment stops from the next month.",
    ),
    "signed-contract": (
        "Praktika {id} algas {start}, kuid kehtivat (allkirjastatud) lepingut pole: olek on {status}.",
        "Placement {id} started on {start} without a valid (signed) contract: its status is {status}.",
    ),
    "signed-contract.hint": (
        "Kui leping on allkirjastatud, märgi olekuks valid; muidu ei tohi praktika enne lepingu sõlmimist jätkuda "
        "(4.11.5).",
        "If the contract is signed, set the status to valid; otherwise the placement may not go on until the "
        "contract is concluded (4.11.5).",
    ),
    "rule.signed-contract": (
        "Praktika algab allkirjastatud kolmepoolse lepinguga (4.11.5).",
        "A placement starts with a signed tripartite contract (4.11.5).",
    ),
}
