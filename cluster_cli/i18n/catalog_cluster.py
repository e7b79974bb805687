"""Messages of the cluster commands: ``key: (Estonian, English)``.

`cluster members`, `cluster tasks`, `cluster match`, `cluster calendar` and the validate rule
`catalogue-task` (seed 000 activities 1, 7 and 9; Lisa 7).
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- validate: catalogue tasks (seed 000 activity 9, Lisa 7 1.4.5) ----------------------
    "rule.catalogue-task": ("Praktika kataloogiülesanne on õpilase õppekavast ja teenib praktika mooduleid.", "A placement's catalogue task is from the student's curriculum and serves the placement's modules."),
    "catalogue-task.curriculum": ("Ülesanne {task} on õppekava {task_curriculum} loetelust, aga õpilane {student} õpib õppekaval {curriculum}.", "Task {task} is from the list of curriculum {task_curriculum}, but student {student} is on curriculum {curriculum}."),
    "catalogue-task.curriculum.hint": ("Vali ülesanne õppekava {curriculum} loetelust (cluster tasks --curriculum {curriculum}) või kirjuta see üksikülesandena: - text: ….", "Choose a task of curriculum {curriculum} (cluster tasks --curriculum {curriculum}) or write it as an individual task: - text: …."),
    "catalogue-task.modules": ("Ülesanne {task} on moodulitele {task_modules}, praktika moodulid on {modules}.", "Task {task} serves modules {task_modules}; the placement's modules are {modules}."),
    "catalogue-task.modules.hint": ("Vali praktika moodulile sobiv ülesanne (cluster tasks --module …) või lisa moodul ülesande loetellu tasks.yaml-is.", "Choose a task for the placement's module (cluster tasks --module …) or add the module to the task in tasks.yaml."),
}
