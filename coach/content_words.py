"""The words the screens read from ``content/``: every prompt, scale and support text the
shipped content must hold, and the placeholders each prompt must use.

Declared here, once, and checked by ``coach.content_schema`` when content is read, so a screen
never asks for words the content lacks and a service's overlay cannot drop one. Kept apart
from the schema's checks so each file says one thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

from coach.imported import ImportSource
from coach.model import (
    APPRAISAL_IN_WORDS,
    CPD_STAGES,
    SCALES,
    Category,
    CpdModel,
    Dimension,
    Kind,
    Step,
)
from coach.time_away import COPING_TOOLS
from coach.vocabulary import TARGET as PRACTICE_TARGET
from coach.vocabulary import Role, SupervisionType

# --- self-practice: the hub, an exercise's steps and reflection, the SP/SR programme --------
_PRACTICE_PLACEHOLDERS = {
    "practice.programme_on": {"target", "count"},
    "practice.past_done": {"title", "day"},
    "practice.past_unfinished": {"title", "day"},
    "practice.problem": {"problem"},
    "practice.number_placeholder": {"high"},
    "practice.opens": {"title"},
    "practice.open_question": {"title"},
    "practice.reflect_title": {"title"},
    "practice.target_after": {"low", "high"},
    "programme.target_start": {"low", "high"},
    "programme.rating_start": {"rating"},
    "programme.rating_after": {"title", "rating"},
}
PRACTICE_WORDS: tuple[str, ...] = (
    *_PRACTICE_PLACEHOLDERS,
    *("practice.title", "practice.intro", "practice.exercises", "practice.programme"),
    *("practice.programme_none", "practice.programme_start", "practice.programme_review"),
    *("practice.past", "practice.past_none", "practice.gone", "practice.back"),
    *("practice.next", "practice.finish", "practice.when_placeholder", "practice.list_hint"),
    *("practice.ranked_hint", "practice.open_confirm", "practice.open_keep"),
    *("practice.reflect_intro", "practice.personal", "practice.practitioner"),
    *("practice.target_range", "practice.finished", "practice.leave_question"),
    *("practice.leave_confirm", "practice.leave_keep"),
    *("programme.title", "programme.guidance", "programme.stop", "programme.target"),
    *("programme.safeguard", "programme.safeguard_who", "programme.safeguard_where"),
    *("programme.share_target", "programme.keep", "programme.kept", "programme.no_target"),
    *("programme.no_safeguard", "programme.review", "programme.ratings_none"),
    *("programme.review_changed", "programme.review_patients", "programme.close"),
)

# --- supervision: the log, preparing for it, its export, insights and settings ---------------
_THEME_PLACEHOLDERS = {
    "challenge_systemic": {"label", "count", "of"},
    "challenge_individual": {"label", "count", "of"},
    "pressures_systemic": {"count", "of"},
    "pressures_individual": {"count", "of"},
    **{f"feeling_{trend}": {"count"} for trend in ("rising", "falling", "steady")},
    **{f"strain_{trend}": {"mean", "count"} for trend in ("rising", "falling", "steady")},
    "strain_few": {"mean"},
    "helped": {"label", "count", "of"},
    "not_done": {"label", "count", "of"},
}
SUPERVISION_PLACEHOLDERS: Mapping[str, frozenset[str]] = {
    **{f"supervision.theme_{name}": frozenset(used) for name, used in _THEME_PLACEHOLDERS.items()},
    "supervision.minutes_shown": frozenset({"minutes"}),
    "supervision.not_minutes": frozenset({"longest"}),
    "supervision.delete_question": frozenset({"date"}),
    "supervision.md_prepared": frozenset({"prepared", "since", "until"}),
    "supervision.md_unprepared": frozenset({"since", "until"}),
    "supervision.md_entry": frozenset({"kind", "date"}),
    "supervision_prep.markdown_saved": frozenset({"path"}),
    "supervision_prep.confirm_question": frozenset({"count"}),
    "insights.supervision_months": frozenset({"months"}),
    "insights.supervision_target": frozenset({"target"}),
    "settings.sessions": frozenset({"sessions"}),
}
SUPERVISION_PROMPTS: tuple[str, ...] = (
    *SUPERVISION_PLACEHOLDERS,
    *("tools.supervision", "tools.supervision_hint", "supervision.theme_feeling_few"),
    *("supervision.title", "supervision.intro", "supervision.none", "supervision.prepare"),
    *("supervision.log_title", "supervision.date", "supervision.type", "supervision.minutes"),
    *(f"supervision.type_{kind.value.replace('-', '_')}" for kind in SupervisionType),
    *("supervision.note", "supervision.save", "supervision.cancel", "supervision.saved"),
    "supervision.not_a_date",
    *("supervision.md_title", "supervision.md_bring", "supervision.md_themes"),
    *("supervision.md_entries", "supervision.md_what_happened", "supervision.md_notes"),
    *(f"supervision.md_challenge_{side.value}" for side in Dimension),
    "supervision.md_nothing",
    *("supervision.col_date", "supervision.col_type", "supervision.col_length"),
    *("supervision.col_note", "supervision.delete_confirm", "supervision.delete_keep"),
    *("supervision_prep.leave_question", "supervision_prep.leave_confirm"),
    "supervision_prep.leave_keep",
    *("supervision_prep.title", "supervision_prep.intro", "supervision_prep.since"),
    *("supervision_prep.until", "supervision_prep.show", "supervision_prep.not_a_date"),
    *("supervision_prep.themes", "supervision_prep.no_themes", "supervision_prep.reflections"),
    *("supervision_prep.notes", "supervision_prep.none", "supervision_prep.bring"),
    *("supervision_prep.save", "supervision_prep.saved", "supervision_prep.markdown"),
    *("supervision_prep.markdown_title", "supervision_prep.findings"),
    *("supervision_prep.confirm", "supervision_prep.keep"),
    *("insights.supervision", "insights.supervision_none", "insights.supervision_short"),
    *("settings.supervision_target", "settings.no_target"),
)

# Words the screens read; an overlay may add more but the shipped set must hold all of these.
# Each maps to the placeholders its text must use (and the only ones it may use).
# --- self-practice beyond the runner: the shared export, history, insights (issue 15) ------
PRACTICE_SHARE_PLACEHOLDERS: Mapping[str, frozenset[str]] = {
    "practice_share.md_intro": frozenset({"exported", "count"}),
    "practice_share.md_programme": frozenset({"date"}),
    "practice_share.md_entry": frozenset({"title", "date"}),
    "practice_history.cpd_title": frozenset({"title"}),
    "practice_history.cpd_noun": frozenset({"title"}),
    "practice_history.target_after": frozenset({"rating"}),
    "insights.practice_done": frozenset({"done", "days", "year", "year_done"}),
    "insights.practice_target": frozenset({"ratings"}),
}
PRACTICE_SHARE_PROMPTS: tuple[str, ...] = (
    *PRACTICE_SHARE_PLACEHOLDERS,
    *("practice_share.md_title", "practice_share.md_outside", "practice_share.md_target"),
    *("practice_share.md_personal", "practice_share.md_practitioner"),
    *("practice_share.md_no_reflection", "practice_share.md_review"),
    *("practice_share.md_changed", "practice_share.md_patients", "practice_share.md_nothing"),
    *("practice_history.kind", "practice_history.kind_title", "practice_history.no_answers"),
    *("practice_history.personal", "practice_history.practitioner"),
    *("practice_history.not_written", "insights.practice", "insights.practice_none"),
)
# The settings screen's passphrase section and its dialogs (the work of ``coach passphrase``).
PASSPHRASE_PLACEHOLDERS: Mapping[str, frozenset[str]] = {
    "passphrase.set_intro": frozenset({"length"}),
    "passphrase.weak": frozenset({"problem"}),
}
PASSPHRASE_WORDS: tuple[str, ...] = (
    *PASSPHRASE_PLACEHOLDERS,
    *("passphrase.heading", "passphrase.plain", "passphrase.encrypted", "passphrase.cancel"),
    *(f"passphrase.{action}" for action in ("set", "change", "remove", "new_recovery")),
    *(
        f"passphrase.{part}_{action}"
        for action in ("set", "change", "remove", "recovery")
        for part in ("keep", "done")
    ),
    *(f"passphrase.{action}_title" for action in ("set", "change", "remove", "recovery")),
    *(f"passphrase.{action}_intro" for action in ("change", "remove", "recovery")),
    *("passphrase.current", "passphrase.new", "passphrase.again", "passphrase.empty"),
    *("passphrase.not_same", "passphrase.wrong", "passphrase.working"),
    *("passphrase.discard_question", "passphrase.discard_confirm", "passphrase.discard_keep"),
    *("passphrase.recovery_shown", "passphrase.recovery_note", "passphrase.recovery_done"),
)
PROMPT_PLACEHOLDERS: Mapping[str, frozenset[str]] = {
    **{key: frozenset(names) for key, names in _PRACTICE_PLACEHOLDERS.items()},
    "home.followup_waiting": frozenset({"count", "follow_up_key"}),
    "home.journal_one": frozenset({"count", "last"}),
    "home.journal_many": frozenset({"count", "last"}),
    "followup.from": frozenset({"day"}),
    "summary.closing": frozenset({"values"}),
    "summary.closing_aligned": frozenset({"values"}),
    "summary.closing_pulled": frozenset({"values"}),
    "draft.resume": frozenset({"saved"}),
    "draft.unsaved": frozenset({"kind", "day"}),
    "quit.hint": frozenset({"quit_key"}),
    "home.damaged": frozenset({"files"}),
    "flow.editing": frozenset({"day"}),
    "draft.discard_question": frozenset({"kind"}),
    "unlock.wait": frozenset({"seconds"}),
    "home.leave_on": frozenset({"end"}),
    "home.leave_tomorrow": frozenset({"start"}),
    "home.leave_days": frozenset({"days", "start"}),
    "home.leave_nudge": frozenset({"weeks", "plan_key"}),
    "leave.delete_question": frozenset({"start", "end"}),
    "leave.days": frozenset({"days"}),
    "closing.offer": frozenset({"closing_key"}),
    "settings.minutes": frozenset({"minutes"}),
    "settings.weeks": frozenset({"weeks"}),
    "unlock.locked_idle": frozenset({"minutes"}),
    "nudge.supervision": frozenset({"days", "threshold", "support_key"}),
    "nudge.service_pressures": frozenset({"days"}),
    "insights.rhythm_none": frozenset({"total"}),
    "insights.rhythm_all": frozenset({"total"}),
    "insights.rhythm_some": frozenset({"reflected", "total"}),
    "settings.problem": frozenset({"problem"}),
    "settings.not_read": frozenset({"problem"}),
    "settings.not_kept": frozenset({"problem"}),
    "erase.type_word": frozenset({"word"}),
    "erase.wrong_word": frozenset({"word"}),
    "break.custom_placeholder": frozenset({"shortest", "longest"}),
    "break.minutes_choice": frozenset({"minutes"}),
    "break.empty": frozenset({"shortest", "longest"}),
    "break.out_of_range": frozenset({"shortest", "longest"}),
    "break.ended_early": frozenset({"lasted", "planned"}),
    "break.end_early": frozenset({"end_key"}),
    "insights.leave_weeks": frozenset({"weeks"}),
    "insights.breaks_week": frozenset({"week", "breaks", "minutes", "strain"}),
    "insights.closings": frozenset({"recent", "days", "total"}),
    **SUPERVISION_PLACEHOLDERS,
    **PRACTICE_SHARE_PLACEHOLDERS,
    **PASSPHRASE_PLACEHOLDERS,
    # a reflection written up for CPD
    "imported.from": frozenset({"source"}),
    "cpd.model_used": frozenset({"model"}),
    "cpd.remove_question": frozenset({"kind", "day"}),
    "settings.entries": frozenset({"entries"}),
    "settings.hours": frozenset({"hours"}),
    "insights.cpd_none": frozenset({"year"}),
    "insights.cpd_entries": frozenset({"year", "entries"}),
    "insights.cpd_entries_target": frozenset({"year", "entries", "target"}),
    "insights.cpd_hours": frozenset({"year", "hours"}),
    "insights.cpd_hours_target": frozenset({"year", "hours", "target"}),
    # my people
    "people.log_line": frozenset({"day", "name"}),
    "people.log_line_note": frozenset({"day", "name", "note"}),
    "people.delete_question": frozenset({"name"}),
    "people.reached_title": frozenset({"name"}),
    "people.since_today": frozenset({"name"}),
    "people.since_yesterday": frozenset({"name"}),
    "people.since_days": frozenset({"days", "name"}),
    "people.nudge": frozenset({"days"}),
    "people.when_with": frozenset({"name"}),
    "settings.days": frozenset({"days"}),
    # looking back: the whole of a list insights shortens
    "insights.more": frozenset({"count", "list_key"}),
    "insights.fewer": frozenset({"top", "list_key"}),
    "history.nothing_matches": frozenset({"clear_key"}),
}
# The words the content gives each kind of entry (``kind.<kind>.<form>``): a title, how a
# sentence names it, and a short word for a narrow column.
KindForm = Literal["title", "noun", "short"]
KIND_FORMS: tuple[KindForm, ...] = get_args(KindForm)
# A reflection written up for CPD: each model's name and each stage's heading and hint, from
# the model's own list of stages, then the screen's, settings' and insights' words.
CPD_WORDS: tuple[str, ...] = (
    *(f"cpd.model.{model.value}" for model in CpdModel),
    *(
        f"cpd.{stage}{part}"
        for stages in CPD_STAGES.values()
        for stage in stages
        for part in ("", "_hint")
    ),
    *("cpd.title", "cpd.intro", "cpd.model_used", "cpd.hours", "cpd.hours_wrong"),
    *("cpd.nothing_written", "cpd.save", "cpd.saved", "cpd.remove", "cpd.remove_question"),
    *("cpd.remove_confirm", "cpd.remove_keep", "cpd.removed", "cpd.leave_question"),
    *("cpd.leave_confirm", "cpd.leave_keep", "cpd.mark", "cpd.marked"),
    *("settings.cpd_model", "settings.cpd_model_hint", "settings.cpd_entries"),
    *("settings.cpd_hours", "settings.entries", "settings.hours", "settings.no_target"),
    *("insights.cpd", "insights.cpd_none", "insights.cpd_entries", "insights.cpd_entries_target"),
    *("insights.cpd_hours", "insights.cpd_hours_target"),
)
# An imported note in history and entry detail, and the settings of issue 16 (the shell
# nudge, imported notes in insights).
IMPORTED_WORDS: tuple[str, ...] = (
    *("imported.from", "imported.title", "imported.tags", "imported.mood", "imported.starred"),
    *("imported.untitled", "imported.not_edited", "imported.no_cpd"),
    *(f"imported.source.{source.value}" for source in ImportSource),
    *("settings.nudge_after", "settings.nudge_days", "settings.nudge_working_days"),
    *("settings.nudge_every_day", "settings.nudge_no_days", "settings.imported_in_insights"),
    *("settings.imported_counted", "settings.imported_left_out"),
)
REQUIRED_PROMPTS: tuple[str, ...] = (
    *("home.done_today", "home.not_done_today", "home.nudge_default", "home.followup_waiting"),
    "home.read_only",
    *("unlock.title", "unlock.intro", "unlock.placeholder", "unlock.button", "unlock.opening"),
    *("unlock.wrong", "unlock.wait", "unlock.locked_idle"),
    *("home.leave_on", "home.leave_tomorrow", "home.leave_days", "home.leave_nudge"),
    *("tools.title", "tools.intro", "tools.leave", "tools.leave_hint"),
    *("tools.closing", "tools.closing_hint", "tools.break", "tools.break_hint"),
    *(f"tools.offer_{tool}" for tool in COPING_TOOLS.values()),
    *("leave.title", "leave.intro", "leave.none", "leave.start", "leave.end", "leave.note"),
    *("leave.add_title", "leave.edit_title", "leave.save", "leave.cancel", "leave.saved"),
    *("leave.delete_question", "leave.delete_confirm", "leave.delete_keep"),
    *("leave.not_a_date", "leave.end_before_start", "leave.days", "leave.one_day"),
    *("closing.title", "closing.intro", "closing.first_task", "closing.hand_over"),
    *("closing.risk", "closing.done", "closing.save", "closing.saved", "closing.offer"),
    *("home.journal_empty", "home.journal_one", "home.journal_many", "home.journal_where"),
    "flow.finish_first",
    *("followup.title", "followup.intro", "followup.from", "followup.skip_question"),
    *("followup.skip_confirm", "followup.skip_keep"),
    *("phase1.title", "phase1.intro", "phase1.filter_placeholder", "phase1.own_placeholder"),
    *("phase1.note_placeholder", "phase1.strain", "phase1.narrative", "phase1.privacy"),
    *("phase1.risk_note_placeholder", "phase1.individual", "phase1.systemic"),
    *("phase1.individual_short", "phase1.systemic_short"),
    *(f"phase3.{category.value}" for category in Category),
    *("phase2.title", "phase2.intro", "phase2.core_values", "phase2.choose_core_values"),
    *("phase2.at_stake", "phase2.moment", "phase2.comprehensible", "phase2.manageable"),
    *("phase2.meaningful", "phase2.alignment", "phase2.appraisal_intro"),
    *("phase2.weighed_intro", "phase2.weighed_most", "phase2.served"),
    *(f"phase2.{name}" for name in APPRAISAL_IN_WORDS),
    *("phase3.title", "phase3.intro", "phase3.when_placeholder", "phase3.own_placeholder"),
    "phase3.limit",
    *("summary.title", "summary.closing", "summary.closing_no_values", "summary.saved"),
    *("summary.closing_aligned", "summary.closing_pulled", "summary.saved_struggling"),
    "feeling.question",
    *("checkin.title", "checkin.intro", "checkin.strain", "checkin.challenge"),
    *("checkin.value", "checkin.action"),
    *("draft.resume", "support.offer", "support.offer_open"),
    *("draft.resume_button", "draft.discard_button", "draft.unsaved", "draft.discard_question"),
    *("draft.discard_confirm", "draft.discard_keep", "quit.title", "quit.hint", "home.damaged"),
    "flow.editing",
    *("core_values.discard_question", "core_values.discard_confirm", "core_values.discard_keep"),
    *("nudge.supervision", "nudge.service_pressures"),
    *("insights.rhythm_none", "insights.rhythm_all"),
    "insights.rhythm_some",
    *("settings.title", "settings.core_values", "settings.core_values_none"),
    *("settings.choose_core_values", "settings.my_support", "settings.my_support_none"),
    *("settings.edit_my_support", "settings.theme", "settings.theme_hint", "settings.problem"),
    *("settings.not_read", "settings.not_kept", "settings.theme_not_kept"),
    *("settings.lock_after", "settings.minutes", "settings.leave_horizon", "settings.weeks"),
    *("settings.erase", "settings.erase_hint", "erase.title", "erase.what_goes"),
    *("erase.caveats", "erase.type_word", "erase.wrong_word", "erase.confirm", "erase.keep"),
    *("erase.erasing", "erase.done"),
    *("settings.worry_time", "settings.worry_time_none"),  # the worry tree's worry time
    *("break.title", "break.intro", "break.custom", "break.custom_placeholder"),
    *("break.custom_start", "break.minutes_choice", "break.empty", "break.not_a_number"),
    *("break.out_of_range", "break.away", "break.end_early", "break.over", "break.ended_early"),
    *("insights.time_away", "insights.on_leave", "insights.leave_none", "insights.leave_recent"),
    *("insights.leave_one_week", "insights.leave_weeks", "insights.breaks_intro"),
    *("insights.breaks_week", "insights.breaks_none", "insights.closings"),
    *(f"kind.{kind.value}.{form}" for kind in Kind for form in KIND_FORMS),
    *(f"step.{step.value}" for step in Step),
    *SUPERVISION_PROMPTS,
    *CPD_WORDS,
    *PRACTICE_SHARE_PROMPTS,
    # my people
    *("tools.people", "tools.people_hint", "people.title", "people.intro", "people.none"),
    *("people.log_title", "people.log_none", "people.log_line", "people.log_line_note"),
    *("people.never", *(f"people.role_{role.value}" for role in Role)),
    *("people.name", "people.role", "people.reach", "people.add_title", "people.edit_title"),
    *("people.save", "people.cancel", "people.saved", "people.no_name"),
    *("people.delete_question", "people.delete_confirm", "people.delete_keep"),
    *("people.reached_title", "people.reached_note", "people.reached_save"),
    *("people.reached_saved", "people.since_no_people", "people.since_none"),
    *("people.since_today", "people.since_yesterday", "people.since_days", "people.nudge"),
    *("people.name_someone", "people.choose_title", "people.when_with"),
    *("people.discard_question", "people.discard_confirm", "people.discard_keep"),
    *("insights.people", "settings.reach_out_nudge", "settings.days"),
    *PRACTICE_WORDS,
    *IMPORTED_WORDS,
    *PASSPHRASE_WORDS,
    *("insights.more", "insights.fewer", "history.none_yet", "history.nothing_matches"),
)
# Scales the screens read, and how many labels each must have: one a point, or one an end.
REQUIRED_SCALES: Mapping[str, int] = {
    scale.labels: scale.label_count for scale in (*SCALES, PRACTICE_TARGET)
}
# Words of the support and About screens (sub-tables of [support] become "own.save" and so on).
REQUIRED_SUPPORT_TEXT: tuple[str, ...] = (
    *("title", "intro", "patient_risk", "own_section_intro", "closing"),
    *("own.occupational_health", "own.employee_assistance", "own.colleague", "own.other"),
    *("own.placeholder", "own.save", "own.saved"),
    *("about.title", "about.is", "about.study", "about.is_not", "about.where"),
    *("about.private", "about.yours", "about.managed", "about.delete"),
)
