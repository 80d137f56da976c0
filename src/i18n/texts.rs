//! Texts with placeholders, as typed functions: `role_line(lang, coach,
//! client)` rather than a key and a list of names. A call with a wrong or
//! missing placeholder does not compile (there is no such function, or
//! too few arguments), and a catalogue whose text names other
//! placeholders than the ones declared here does not compile either (the
//! `const` checks below run at build time, for every language).
//!
//! A text that is not declared here has no placeholder in any language
//! (checked at build time too): it is read with `i18n::t`.

use super::{fill, text_in, text_when_built, Key, Lang};

macro_rules! texts {
    ($($name:ident = $key:ident($($arg:ident),+);)*) => {
        $(
            #[doc = concat!("The text `", stringify!($key), "` with its placeholders filled in (as text, never HTML).")]
            pub fn $name(lang: Lang, $($arg: &str),+) -> String {
                fill(text_in(lang, Key::$key), &[$((stringify!($arg), $arg)),+])
            }
        )*

        // Each language's text of each key declared here names exactly
        // its placeholders: else the build fails, naming the key.
        $(const _: () = {
            let mut l = 0;
            while l < Lang::ALL.len() {
                assert!(
                    same_placeholders(text_when_built(Lang::ALL[l], Key::$key), &[$(stringify!($arg)),+]),
                    concat!("a language's text of ", stringify!($key), " names other placeholders than i18n/texts.rs declares")
                );
                l += 1;
            }
        };)*

        /// The placeholders of `key` (none for a text not declared here).
        pub const fn placeholders(key: Key) -> &'static [&'static str] {
            match key {
                $(Key::$key => &[$(stringify!($arg)),+],)*
                _ => &[],
            }
        }
    };
}

/// Every text of every language names exactly the placeholders its key
/// declares (each at least once, no other), and a text not declared here
/// none: checked when the app builds.
const _: () = {
    let mut i = 0;
    while i < Key::ALL.len() {
        let key = Key::ALL[i];
        let names = placeholders(key);
        let mut l = 0;
        while l < Lang::ALL.len() {
            assert!(
                same_placeholders(text_when_built(Lang::ALL[l], key), names),
                "a text has a {{placeholder}} but no typed function: declare it in i18n/texts.rs"
            );
            l += 1;
        }
        i += 1;
    }
};

/// Does `template` name exactly `names` as `{placeholders}`, each at least
/// once and no other?
const fn same_placeholders(template: &str, names: &[&str]) -> bool {
    let t = template.as_bytes();
    let mut seen = [false; 8];
    if names.len() > seen.len() {
        return false;
    }
    let mut i = 0;
    while i < t.len() {
        if t[i] == b'{' {
            let mut end = i + 1;
            while end < t.len() && t[end] != b'}' {
                end += 1;
            }
            if end == t.len() {
                return false;
            }
            let mut found = false;
            let mut n = 0;
            while n < names.len() {
                if bytes_eq(names[n].as_bytes(), t, i + 1, end) {
                    seen[n] = true;
                    found = true;
                }
                n += 1;
            }
            if !found {
                return false;
            }
            i = end;
        } else if t[i] == b'}' {
            return false;
        }
        i += 1;
    }
    let mut n = 0;
    while n < names.len() {
        if !seen[n] {
            return false;
        }
        n += 1;
    }
    true
}

/// Is `name` the bytes `t[from..to]`?
const fn bytes_eq(name: &[u8], t: &[u8], from: usize, to: usize) -> bool {
    if name.len() != to - from {
        return false;
    }
    let mut i = 0;
    while i < name.len() {
        if name[i] != t[from + i] {
            return false;
        }
        i += 1;
    }
    true
}

texts! {
    session_on = SessionOn(names, date);
    total_help_halves = TotalHelpHalves(turn);
    roles_reciprocal = RolesReciprocal(a, b);
    roles_one_way = RolesOneWay(a, b);
    person_letter = PersonLetter(letter);
    group_move_up = GroupMoveUp(name);
    group_move_down = GroupMoveDown(name);
    group_remove = GroupRemove(name);
    group_shuffled = GroupShuffled(names);
    group_turn_length = GroupTurnLength(minutes, g, r, o, w);
    roles_group = RolesGroup(a, b);
    group_of = GroupOf(n);
    step_turn = StepTurn(name);
    turn_caption = TurnCaption(n, client);
    turn_title = TurnTitle(n, total, client);
    turn_title_skipped = TurnTitleSkipped(client);
    turn_lead = TurnLead(client, scribe);
    turn_time = TurnTime(minutes, g, r, o, w);
    turn_pace_fit = TurnPaceFit(minutes);
    turn_pace_keep = TurnPaceKeep(minutes);
    turn_begin = TurnBegin(client);
    turn_skipped = TurnSkipped(client);
    turn_order_item = TurnOrderItem(client, minutes);
    turn_order_skipped = TurnOrderSkipped(client);
    turn_order_done = TurnOrderDone(client);
    role_line_group = RoleLineGroup(client, scribe);
    group_plan_absent = GroupPlanAbsent(names);
    group_summary_title = GroupSummaryTitle(client, coach);
    round_item = RoundItem(date, names);
    round_behaviour_title = RoundBehaviourTitle(name);
    round_behaviour_help = RoundBehaviourHelp(name);
    round_behaviour = RoundBehaviour(name);
    round_give_title = RoundGiveTitle(giver, name);
    round_give_help = RoundGiveHelp(giver, name);
    round_idea1 = RoundIdea1(giver);
    round_idea2 = RoundIdea2(giver);
    round_time_for = RoundTimeFor(giver);
    round_markdown_title = RoundMarkdownTitle(date);
    round_minutes_value = RoundMinutesValue(n);
    preset_ignored = PresetIgnored(list);
    half_heading = HalfHeading(coach, client);
    rule_label = RuleLabel(n);
    remove_rule = RemoveRule(n);
    rule_removed = RuleRemoved(n);
    rule_removed_text = RuleRemovedText(rule);
    person_agrees = PersonAgrees(name);
    role_line = RoleLine(coach, client);
    timebox_label = TimeboxLabel(phase);
    time_up_announce = TimeUpAnnounce(phase);
    session_clock = SessionClock(elapsed, total);
    session_ends = SessionEnds(time);
    session_past = SessionPast(over);
    cards_left = CardsLeft(n);
    option_label = OptionLabel(n);
    option_ref = OptionRef(n);
    move_up = MoveUp(n);
    moved_to_place = MovedToPlace(n, total);
    move_down = MoveDown(n);
    remove_option = RemoveOption(n);
    pro_label = ProLabel(i, n);
    con_label = ConLabel(i, n);
    few_options = FewOptions(n);
    action_label = ActionLabel(n);
    remove_action = RemoveAction(n);
    confidence_legend = ConfidenceLegend(client);
    raise_prompt = RaisePrompt(n);
    swap_line = SwapLine(coach, client);
    swap_on_time = SwapOnTime(left, planned);
    swap_over = SwapOver(over, left, planned);
    half_summary_title = HalfSummaryTitle(client, coach);
    summary_due = SummaryDue(date);
    summary_owner = SummaryOwner(name);
    summary_first_step = SummaryFirstStep(step);
    useful_legend = UsefulLegend(name);
    reflection_sentence = ReflectionSentence(name);
    share_length_fine = ShareLengthFine(n);
    share_length_warn = ShareLengthWarn(n);
    share_length_too_long = ShareLengthTooLong(n);
    live_connected_with = LiveConnectedWith(name);
    live_news_moved = LiveNewsMoved(name, step);
    live_news_started = LiveNewsStarted(name);
    live_news_paused = LiveNewsPaused(name);
    live_news_more_time = LiveNewsMoreTime(name);
    live_both_edited = LiveBothEdited(name);
    live_other_version = LiveOtherVersion(name);
    live_other_left = LiveOtherLeft(name);
    live_err_timeout = LiveErrTimeout(n);
    live_join_invites = LiveJoinInvites(name, title);
    live_join_invites_anon = LiveJoinInvitesAnon(title);
    live_join_stun = LiveJoinStun(server);
    live_join_step2 = LiveJoinStep2(name);
    live_join_step3 = LiveJoinStep3(name);
    live_reply_length = LiveReplyLength(n);
    trainers_minutes_session = TrainersMinutesSession(n);
    trainers_minutes_left_out = TrainersMinutesLeftOut(n);
    live_waiting = LiveWaiting(name);
    live_reply_until = LiveReplyUntil(time);
    merge_half_phase = MergeHalfPhase(client, phase);
    exercise_minutes = ExerciseMinutes(n);
    exercise_longer = ExerciseLonger(left);
    exercise_unknown = ExerciseUnknown(slug);
    step_of = StepOf(n, total);
    time_for_step = TimeForStep(step);
    story_turn = StoryTurn(name);
    exercise_earlier_run = ExerciseEarlierRun(date);
    exercise_earlier_run_number = ExerciseEarlierRunNumber(n);
    back_to_phase = BackToPhase(phase);
    exercise_attached = ExerciseAttached(client);
    phase_time_left = PhaseTimeLeft(phase, time);
    phase_time_over = PhaseTimeOver(phase, time);
    follow_up_how = FollowUpHow(what);
    history_count = HistoryCount(n);
    history_found = HistoryFound(n);
    history_count_one = HistoryCountOne(n);
    history_count_many = HistoryCountMany(n);
    history_found_one = HistoryFoundOne(n);
    history_found_many = HistoryFoundMany(n);
    history_deleted = HistoryDeleted(names);
    history_more = HistoryMore(n);
    history_done = HistoryDone(done, n);
    history_copy_link = HistoryCopyLink(date, time);
    history_copy_backup = HistoryCopyBackup(date, time);
    repeat_every = RepeatEvery(n);
    meeting_at = MeetingAt(day, time);
    meeting_in_days = MeetingInDays(n);
    meeting_in_minutes = MeetingInMinutes(m);
    meeting_in_hours = MeetingInHours(h, m);
    next_meeting_print = NextMeetingPrint(when);
    journal_count = JournalCount(n);
    journal_count_one = JournalCountOne(n);
    journal_count_many = JournalCountMany(n);
    progress_summary = ProgressSummary(n, useful, done);
    progress_summary_no_review = ProgressSummaryNoReview(n, useful);
    progress_summary_no_useful = ProgressSummaryNoUseful(n, done);
    progress_summary_nothing_yet = ProgressSummaryNothingYet(n);
    markdown_title = MarkdownTitle(names, date);
    markdown_raise = MarkdownRaise(note);
    markdown_useful = MarkdownUseful(n);
    markdown_meeting_at = MarkdownMeetingAt(date, time);
    markdown_every_weeks = MarkdownEveryWeeks(n);
    home_all_sessions = HomeAllSessions(n);
    calendar_meeting = CalendarMeeting(names);
    calendar_action = CalendarAction(what);
    storage_use = StorageUse(kb, sessions, entries);
    storage_in_memory = StorageInMemory(sessions, entries);
    restore_sessions = RestoreSessions(added, both, same);
    restore_journal = RestoreJournal(added, both, same);
    restore_exercises = RestoreExercises(added, both, same);
    restore_unreadable = RestoreUnreadable(n);
    restore_other = RestoreOther(n);
    restore_set_aside = RestoreSetAside(n);
    restore_notes = RestoreNotes(n);
    follow_up_carried_announce = FollowUpCarriedAnnounce(what);
    airtime_speaks = AirtimeSpeaks(name);
    airtime_share = AirtimeShare(percent, time);
    airtime_cue = AirtimeCue(name, other);
    rotation_more = RotationMore(n);
    rotation_change_title = RotationChangeTitle(date);
    rotation_err_not_in = RotationErrNotIn(name);
    rotation_err_same_group = RotationErrSameGroup(a, b);
    rotation_err_locked = RotationErrLocked(name);
    rotation_away_done = RotationAwayDone(name, date);
    rotation_back_done = RotationBackDone(name, date);
    rotation_swapped = RotationSwapped(a, b, date);
    rotation_locked_done = RotationLockedDone(a, b, date);
    rotation_unlocked_done = RotationUnlockedDone(a, b, date);
    rotation_repeat_line = RotationRepeatLine(a, b, date, before);
    rotation_event_title = RotationEventTitle(names);
    rotation_event_note = RotationEventNote(n);
    rotation_open_summary = RotationOpenSummary(people, periods, date);
    rotation_open_differs = RotationOpenDiffers(n, date);
}
