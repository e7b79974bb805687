"""Messages about numbers as Estonians write them (money, shares; `cluster_cli.model.numbers`)
and about installing (the packaged contract templates): ``key: (Estonian, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
    # reasons inside `invalid-value` (data files)
    "reason.money": (
        "oodatakse rahasummat eurodes, nt 2.60, 2,60 või 2,60 €",
        "an amount in euros is expected, e.g. 2.60, 2,60 or 2,60 €",
    ),
    "reason.number-split": (
        "koma jagas {{…}}-kirje kaheks väljaks; kirjuta \"{value}\" jutumärkides või punktiga {dotted}",
        "the comma split the {{…}} mapping into two fields; write \"{value}\" in quotes or {dotted} with a point",
    ),
    # profile.yaml
    "profile-number.money": (
        "Parameetri '{name}' väärtus '{value}' ei ole rahasumma.",
        "Parameter '{name}' value '{value}' is not an amount of money.",
    ),
    "profile-number.money.hint": (
        "Kirjuta summa eurodes, nt 65.00, 65,00 või 65,00 €.",
        "Write the amount in euros, e.g. 65.00, 65,00 or 65,00 €.",
    ),
    "profile-number.share": (
        "Parameetri '{name}' väärtus '{value}' ei ole osakaal.",
        "Parameter '{name}' value '{value}' is not a share.",
    ),
    "profile-number.share.hint": (
        "Kirjuta osakaal 0 ja 1 vahel või protsentides, nt 0.8, 0,8, 80 % või 2/3.",
        "Write the share between 0 and 1 or in per cent, e.g. 0.8, 0,8, 80 % or 2/3.",
    ),
    "profile-number.share-range": (
        "Parameetri '{name}' väärtus '{value}' ei ole osakaal 0 ja 1 (0 % ja 100 %) vahel.",
        "Parameter '{name}' value '{value}' is not a share between 0 and 1 (0 % and 100 %).",
    ),
    "profile-number.share-range.hint": (
        "Protsendid kirjuta %-märgiga (80 %) või murruna (0.8, 0,8).",
        "Write per cent with the % sign (80 %) or as a fraction (0.8, 0,8).",
    ),
    "profile-number.number": (
        "Parameetri '{name}' väärtus '{value}' ei ole arv.",
        "Parameter '{name}' value '{value}' is not a number.",
    ),
    "profile-number.number.hint": (
        "Kirjuta arv punkti või komaga, nt 0.6 või 0,6.",
        "Write the number with a point or a comma, e.g. 0.6 or 0,6.",
    ),
    "profile-number.split": (
        "Parameetri '{name}' väärtuses '{value}' jagas koma {{…}}-kirje kaheks.",
        "In parameter '{name}' the comma of '{value}' split the {{…}} mapping in two.",
    ),
    "profile-number.split.hint": (
        "Kirjuta \"{value}\" jutumärkides või punktiga: {dotted}.",
        "Write \"{value}\" in quotes or with a point: {dotted}.",
    ),
    # where the contract templates come from (cli/contracts.py `_templates`)
    "usage.contracts-templates-folder": (
        "CLUSTER_TEMPLATES={path} ei ole kaust.",
        "CLUSTER_TEMPLATES={path} is not a folder.",
    ),
    "usage.contracts-templates-folder.hint": (
        "Pane CLUSTER_TEMPLATES osutama kaustale, kus on praktikaleping_et.docx ja placement_agreement_en.docx, või eemalda see, et kasutada kaasasolevaid malle.",
        "Point CLUSTER_TEMPLATES at a folder holding praktikaleping_et.docx and placement_agreement_en.docx, or unset it to use the packaged templates.",
    ),
}
