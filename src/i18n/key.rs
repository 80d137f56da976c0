//! The ids of the app's texts.

macro_rules! keys {
    ($($name:ident),* $(,)?) => {
        /// The id of a text in the message catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($name),* }

        impl Key {
            /// Every key, for the completeness test of each catalogue.
            pub const ALL: &'static [Key] = &[$(Key::$name),*];
        }
    };
}

keys! {
// App frame
AppName, ScreenLoading, ScreenUnloadedTitle, ScreenUnloaded, ScreenTryAgain, SoundOn, SoundOff, SoundToggleLabel,
Dismiss, Home,
// Storage notices
StorageUnavailable, StoragePreview, LanguageUnavailable, StorageFull, StorageCorrupt, StorageNewer, StorageOtherTab,
    StorageOtherTabConflict,
// Home
HomeIntro, HomePrivacy, StartSession, ContinueSession, YourSessions,
SessionUntitled, SessionOn, NotFound, NotFoundSetAside, NotFoundNewer,
// Setup
SetupTitle, SetupRestored, SetupStartAfresh, FormatLegend, FormatReciprocal, FormatReciprocalHelp,
FormatOneWay, FormatOneWayHelp, NameA, NameB, NamesHelp, TotalMinutes,
TotalHelp, TotalHelpHalves, SplitLegend, SplitHelpReciprocal, SplitHelpOneWay,
MinutesShort, RolesReciprocal, RolesOneWay, Begin, Cancel,
PersonA, PersonB,
// Group sessions
FormatGroup, FormatGroupHelp, PersonLetter, GroupPeople, GroupPeopleHelp,
GroupMoveUp, GroupMoveDown, GroupRemove, GroupAdd, GroupShuffle,
GroupShuffled, GroupEveryone, GroupTurns, GroupTurnLength, GroupTotalHelp,
RolesGroup, GroupOf, StepTurn, TurnCaption, TurnTitle, TurnTitleSkipped, TurnLead, TurnTime,
TurnPaceLegend, TurnPaceFit, TurnPaceKeep,
TurnScribe, TurnBegin, TurnHere, TurnHereHelp, TurnSkipped, TurnOrder,
TurnOrderItem, TurnOrderSkipped, TurnOrderDone, RoleLineGroup,
GroupPlanAbsent, TurnNext, ToNextTurn, GroupSummaryTitle, AgreementWaitingGroup, AgreementContinueGroup,
// FeedForward round
RoundTitle, RoundIntro, RoundNew, RoundPeople, RoundMinutes, RoundStart,
RoundEarlier, RoundItem, RoundMissing, RoundAll, RoundBehaviourTitle,
RoundBehaviourHelp, RoundBehaviour, RoundGiveTitle, RoundGiveHelp, RoundIdea1,
RoundIdea2, RoundTimeFor, RoundDoneTitle, RoundDoneHelp, RoundNoIdeas,
RoundDownload, RoundPrint, RoundWithGroup, RoundLink, RoundFinish,
RoundMarkdownTitle, RoundMinutesValue, RoundNone,
// Updates
UpdateReady, UpdateReload,
// Language
LanguageLabel,
// Presets and trainers
PresetIgnored, HomeTrainers, TrainersTitle, TrainersIntro, TrainersWhat, TrainersFullFlow, TrainersAnyFormat, TrainersSetMinutes, TrainersMinutesSession, TrainersMinutesLeftOut, TrainersAnyLanguage, TrainersShare, TrainersEmbed, TrainersLink, TrainersSnippet, TrainersSnippetHelp, TrainersCopyLink, TrainersCopyCode, TrainersCopied, TrainersCopyBlocked, TrainersPreview, TrainersPreviewTitle,
// Steps
StepsLabel, StepAgreement, StepSwap, StepWrapUp, HalfHeading,
// Agreement
AgreementTitle, AgreementIntro, RuleLabel, RemoveRule, RuleRemoved, RuleRemovedText, AgreementChanged, AddRule,
PersonAgrees, AgreementContinue, AgreementSkip, AgreementWaiting,
AgreementSkipped,
// Phase screen
RoleLine, ForCoach, ForClient, PrivateNotesLabel, PrivateNotesHelp,
// Time-box
TimeboxLabel, TimeLeft, Start, Pause, Resume, AddMinute,
NextPhase, ToSwap, ToWrapUp, TimeUp, TimeUpAnnounce, SessionClock,
SessionClockLabel, SessionEnds, SessionPast,
// Question cards
CardsTitle, AnotherQuestion, Pin, Unpin, PinnedTitle, CardsLeft,
DeckRestarted,
// Goal and Reality
TopicLabel, TopicHelp, OutcomeLabel, OutcomeHelp, RealityLabel,
RealityHelp,
// Options
NewOptionLabel, AddOption, OptionLabel, OptionRef, ChosenLabel,
MoveUp, MovedToPlace, MoveDown, RemoveOption, Pros, Cons, AddPro, AddCon, ProLabel,
ConLabel, RemovePoint, FewOptions, NoOptionsYet,
// Will
ActionsTitle, AddAction, ActionLabel, ActionWhat, ActionOwner,
OwnerOther, OwnerOtherName, ActionDue, ActionFirstStep, RemoveAction,
NoActionsYet, ConfidenceLegend, ConfidenceHelp, RaisePrompt,
// Swap
SwapTitle, SwapLine, SwapOnTime, SwapOver, SwapFit, SwapKeep,
SwapChoiceLegend, StartSecondHalf,
// Wrap-up
WrapUpTitle, WrapUpIntro, HalfSummaryTitle, SummaryGoal,
SummaryOutcome, SummaryChosen, SummaryNoChosen, SummaryPlan,
SummaryNoPlan, SummaryConfidence, SummaryNotSet, SummaryDue,
SummaryOwner, SummaryFirstStep, ReflectionTitle, UsefulLegend,
ReflectionSentence, PrintPlan, NewSession,
    // Sharing
    Share, ShareTitle, ShareWhat, ShareCopy, ShareCopied, ShareCopyBlocked,
    ShareLinkLabel, ShareLengthFine, ShareLengthWarn, ShareLengthTooLong,
    ShareQrTitle, ShareQrHelp, ShareQrLarge, ShareQrLargeTitle, ShareQrLargeHelp,
    ShareQrLargeClose, ShareDownload, ShareCopyText, ShareTextBlock,
    ShareClose, ShareProtect, SharePassphrase, SharePassphraseHelp,
    ShareSuggest, ShareLock, ShareLocking, ShareLocked, ShareCryptoMissing,
    ShareFileIntro,
    // Working together live
    LiveToggle, LiveTitle, LiveWhat, LiveSameNetwork, LiveStunChoice, LiveStunWhat,
    LiveStunAddress, LiveStunAddressHelp, LiveStunInvalid, LiveYourName, LiveYourNameHelp,
    LiveProtect, LiveMakeInvite, LiveMaking, LiveInviteStep1, LiveInviteStep2, LiveInviteStep3,
    LiveInviteLabel, LiveCopyInvite, LiveCopied, LiveReplyLabel, LiveReplyHelp, LiveConnect,
    LiveConnecting, LiveConnectedWith, LivePartner, LiveLost, LiveLeave, LiveLeft,
    LiveNewInvite, LiveIfNot, LiveIfNotJoiner, LiveErrEmpty, LiveErrNotACode, LiveErrTruncated, LiveErrCorrupted,
    LiveErrNewer, LiveErrMalformed, LiveErrExpired, LiveErrAnswered, LiveErrUsed,
    LiveErrWrongInvite, LiveErrPassphrase, LiveErrNoWebrtc, LiveErrRefused, LiveErrTimeout,
    LiveErrNoCrypto, LiveJoinInvites, LiveJoinInvitesAnon, LiveJoinStun, LiveJoinMakeReply, LiveJoinMaking,
    LiveReplyCodeLabel, LiveJoinStep1, LiveJoinStep2, LiveJoinStep3, LiveCopyReply,
    LiveReplyLength, LiveWaiting, LiveReplyUntil, LiveJoinLocked, LiveOpenInvite, LiveJoinFailed,
    LiveOpenSession, LiveSessionComing, LiveFollowWhenPaused, LiveSessionMissed, LiveNewsMoved, LiveNewsStarted, LiveNewsPaused,
    LiveNewsMoreTime, LiveBothEdited, LiveOtherVersion, LiveOtherLeft,
    // Opening
    OpenTitle, OpenFailedTitle, OpenPasteLabel, OpenPasteHelp, OpenButton, OpenFileLabel,
    OpenDropHint, OpenFileUnreadable, OpenLockedTitle, OpenLockedIntro,
    OpenPassphraseLabel, OpenNoCrypto, OpenUnlock, OpenUnlocking, OpenUntouched,
    AddressUnreadableTitle, AddressUnreadable,
    LinkEmpty, LinkNotALink, LinkTruncated, LinkCorrupted, LinkNewer,
    LinkTooLarge, LinkMalformed, LinkWrongPassphrase,
    MergeTitle, MergeIntro, MergeSection, MergeMine, MergeTheirs, MergeBoth, MergeLineDiffers,
    MergeApply, MergeKeepSeparate, MergeSetup, MergeAgreement,
    MergeReflections, MergeHalfPhase,
    // Exercises
    HomeExercises, ExercisesTitle, ExercisesIntro, ExercisesSearch,
    ExercisesFilter, ExercisesAll, ExerciseMinutes, ExerciseLonger, ExerciseNoTimeLeft, ExercisesNone,
    ExerciseUnknown, ExerciseSteps, StepOf, TimeForStep, ExerciseSubject,
    ExerciseOwnScenario, ExerciseOwnStarter, ExerciseNotes, AnotherPrompt, PromptsUsedUp,
    PromptAnswer, PromptIdea, StoryTurn, StoryLine, StoryAdd, IdeaFrom,
    IdeaText, IdeaAdd, IdeaStar, IdeasNone, StoryResult, OtherPersonTips, PreviousStep, NextStep,
    ExerciseFinish, ExerciseFinishedTitle, ExerciseFinishedHelp, ExerciseEarlier,
    ExerciseEarlierRun, ExerciseEarlierRunNumber, ExerciseRestart,
    ExerciseResults, ExercisePrint, AllExercises, DebriefQuestions, FirstPrompt,
    BackToPhase, BackToSession, ExerciseAttached, ExerciseRemove, ExerciseRemoveConfirm,
    SuggestedTitle, SuggestedIntro, MoreExercises, ExerciseStart, ExerciseContinue,
    SummaryExercises, PhaseTimeLeft, PhaseTimeOver,
    // Between sessions
    StatusOpen, StatusInProgress, StatusDone, StatusDropped, FollowUpTitle,
    FollowUpIntro, FollowUpHow, FollowUpNote, FollowUpCarry, FollowUpCarried,
    HistoryTitle, HistoryIntro, HistorySearch, HistoryCount, HistoryFound,
    HistoryCountMany, HistoryFoundMany,
    HistoryDeleted, Undo, HistoryMore, HistoryDone, HistoryNext, HistoryDelete,
    HistoryOriginal, HistoryCopyLink, HistoryCopyBackup,
    HomeHistory, CheckInTitle, CheckInIntro, CheckInKeep, CheckInChange,
    NextMeetingTitle, NextMeetingDate, NextMeetingTime, NextMeetingRepeat,
    RepeatOnce, RepeatWeekly, RepeatEvery, NextMeetingsTitle, MeetingAt,
    MeetingToday, MeetingTomorrow, MeetingInDays, MeetingInMinutes, MeetingInHours,
    NextMeetingPrint, JournalTitle, JournalIntro, JournalNew, JournalSearch,
    JournalCount, JournalCountMany, JournalEntryTitle, JournalDate, JournalTried, JournalWent,
    JournalLearned, JournalPromptHelp, JournalAction, JournalNoAction,
    JournalDone, JournalAbout, JournalEdit, JournalDelete, JournalDeleteConfirm,
    HomeJournal, FollowUpJournal, ProgressTitle, ProgressUseful, ProgressDone,
    ProgressTable, ProgressSession, ProgressSummary, ProgressSummaryNoReview,
    ProgressSummaryNoUseful, ProgressSummaryNothingYet,
    // Markdown export
    MarkdownTitle, MarkdownRaise, MarkdownUseful, MarkdownNextMeeting,
    MarkdownMeetingAt, MarkdownEveryWeek, MarkdownEveryWeeks,
    HomeAllSessions, ExportsTitle, ExportsIntro, ExportCopyMarkdown,
    ExportDownloadMarkdown, ExportMeetingFile, ExportDueFile, ExportCopied,
    ExportCopyBlocked, ExportDownloaded, ExportDownloadBlocked, ExportMarkdownLabel,
    CalendarMeeting, CalendarMeetingNote, CalendarAction, BackupTitle, StorageUse, StorageInMemory,
    BackupIntro, BackupDownload, RestoreLabel, RestoreHelp, RestoreNothingNew,
    RestoreSessions, RestoreJournal, RestoreExercises, RestoreUnreadable, RestoreOther, RestoreSetAside, RestoreNotes, RestoreSettings,
    RestoreFull, RestoreNotABackup, RestoreDamaged, RestoreNewer, StorageOtherTabJournal, HistoryRestored,
    FollowUpCarriedAnnounce, JournalDeleted, AirtimeToggle, AirtimeTitle,
    AirtimeHelp, AirtimeSpeaks, AirtimeShare, AirtimePause, AirtimeReset,
    AirtimeCue, AirtimeSummaryTitle, AirtimeSummaryHelp, HistoryCountOne,
    HistoryFoundOne, JournalCountOne, RotationTitle, RotationIntro, RotationPeople,
    RotationName, RotationAdd, RotationRemove, RotationHow, RotationStart,
    RotationEvery, RotationMonthly, RotationOdd, RotationTrio, RotationTrioHelp,
    RotationSitOut, RotationSitOutHelp, RotationSchedule, RotationEmpty,
    RotationWhen, RotationPairs, RotationMore, RotationCsv,
    RotationPrint, RotationNotMeeting, RotationSitsOutMark, RotationAwayMark,
    RotationLockedMark, RotationChange, RotationChangeTitle, RotationAwayLegend,
    RotationAwayHelp, RotationSwapLegend, RotationSwapHelp, RotationPerson,
    RotationSwapWith, RotationSwap, RotationLockLegend, RotationLockHelp,
    RotationLockWith, RotationLock, RotationUnlock, RotationChoose,
    RotationDone, RotationErrChoose, RotationErrSamePerson, RotationErrNotIn,
    RotationErrSameGroup, RotationErrLocked, RotationErrGone, RotationAwayDone,
    RotationBackDone, RotationSwapped, RotationLockedDone, RotationUnlockedDone,
    RotationRepeatsIntro, RotationRepeatLine, RotationPastMark,
    RotationIcal, RotationCalendarFor, RotationEveryone, RotationEventTitle,
    RotationEventNote, RotationShareTitle, RotationShareWhat, RotationShareLink,
    RotationShareCopied, RotationShareFile, RotationShareTextBlock,
    RotationOpenTitle, RotationOpenIntro, RotationOpenMine, RotationOpenTheirs,
    RotationOpenSummary, RotationOpenDiffers, RotationOpenReplace,
    RotationOpenKeep, RotationOpenSaveMine, RotationOpened, RotationOpenFailed,
    HomeRotation, }
