//! The agreement: ground rules the pair can change, and each person's own
//! confirmation. Skipping is possible, but only on purpose.

use leptos::prelude::*;

use crate::app::sessions::use_current;
use crate::domain::agreement::Rule;
use crate::i18n::{lang, rule, t, texts, Key};
use crate::platform::clock::now_ms;
use crate::ui::fields::TextField;
use crate::ui::focus::{focus_later, single_click};
use crate::ui::follow_up::FollowUpReview;
use crate::ui::ids;
use crate::ui::turn::HereToday;

/// A rule's text as shown and edited.
pub fn rule_text(r: &Rule) -> String {
    match r {
        Rule::Builtin(n) => rule(*n).to_string(),
        Rule::Custom(text) => text.clone(),
    }
}

#[component]
pub fn AgreementScreen() -> impl IntoView {
    let current = use_current();
    // A memo: the list is rebuilt when rules come or go, not on every keystroke.
    let count = Memo::new(move |_| current.read(|s| s.agreement.rules.len()));
    // The rules removed on this screen, where they were, the latest last:
    // Undo puts them back one by one. (A double click removes one: its
    // second click would land on the rule that moved up, see
    // `focus::single_click`.)
    let removed = RwSignal::new(Vec::<(usize, Rule)>::new());
    // Changed rules are agreed again: where someone had ticked, the screen
    // says why the ticks are gone (until someone ticks).
    let unticked = RwSignal::new(false);
    let rules_change = move || {
        if current.read_untracked(|s| s.agreement.confirmed.contains(&true)) {
            unticked.set(true);
        }
    };

    let rule_row = move |at: usize| {
        let n = (at + 1).to_string();
        view! {
            <li class="rule">
                <TextField
                    id=ids::rule(at)
                    label={ let n = n.clone(); Signal::derive(move || texts::rule_label(lang(), &n)) }
                    label_hidden=true
                    rows=2
                    value=Signal::derive(move || {
                        current.read(|s| s.agreement.rules.get(at).map(rule_text)).unwrap_or_default()
                    })
                    on_input=move |text: String| {
                        rules_change();
                        current.update(|s| s.agreement.edit(at, text))
                    }
                />
                <button
                    type="button"
                    class="ghost small"
                    on:click=single_click(move || {
                        rules_change();
                        let mut gone = None;
                        current.update(|s| gone = s.agreement.remove(at));
                        if let Some(rule) = gone {
                            removed.update(|r| r.push((at, rule)));
                        }
                        focus_later(ids::UNDO_RULE);
                    })
                >
                    {move || texts::remove_rule(lang(), &n)}
                </button>
            </li>
        }
    };

    let confirm = move |who: usize| {
        let id = format!("agree-{who}");
        view! {
            <div class="check">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=move || current.read(|s| s.agreement.confirmed.get(who) == Some(&true))
                    disabled=move || current.read(|s| !s.is_present(who as u8))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        unticked.set(false);
                        current.update(|s| s.set_agreed(who, on))
                    }
                />
                <label for=id>{move || texts::person_agrees(lang(), &current.person(who as u8))}</label>
            </div>
        }
    };

    let settled = move || current.read(|s| s.everyone_agreed());
    let people = current.people();
    let group = current.read_untracked(|s| s.format.is_group());
    // A session with a partner met before opens with last time's plan; the
    // agreement follows it.
    let follow_up = current.read_untracked(|s| !s.follow_up.is_empty());
    let title = if follow_up {
        view! { <h2 id=ids::AGREEMENT_TITLE>{move || t(Key::AgreementTitle)}</h2> }.into_any()
    } else {
        view! { <h1 id=ids::SCREEN_TITLE tabindex="-1">{move || t(Key::AgreementTitle)}</h1> }
            .into_any()
    };

    view! {
        {follow_up.then(|| view! { <FollowUpReview /> })}
        <section
            class="agreement"
            aria-labelledby=if follow_up { "agreement-title" } else { "screen-title" }
        >
            {title}
            <p class="lead">{move || t(Key::AgreementIntro)}</p>
            <ol class="rules">{move || (0..count.get()).map(rule_row).collect_view()}</ol>
            <div class="undo-bar" role="status">
                {move || {
                    removed.with(|r| r.last().cloned()).map(|(at, rule)| {
                        let n = (at + 1).to_string();
                        // The rule's words (its number would be another
                        // rule's now), or its number if it had none.
                        let said = move || {
                            let text = rule_text(&rule);
                            if text.trim().is_empty() {
                                texts::rule_removed(lang(), &n)
                            } else {
                                texts::rule_removed_text(lang(), text.trim())
                            }
                        };
                        view! {
                            <span class="removed-rule">{said}</span>
                            <button
                                type="button"
                                id=ids::UNDO_RULE
                                on:click=move |_| {
                                    if let Some((at, rule)) = removed.try_update(Vec::pop).flatten() {
                                        rules_change();
                                        current.update(|s| s.agreement.restore(at, rule));
                                        focus_later(ids::rule(at));
                                    }
                                }
                            >
                                {move || t(Key::Undo)}
                            </button>
                        }
                    })
                }}
            </div>
            <button
                type="button"
                id=ids::ADD_RULE
                on:click=move |_| {
                    let at = count.get_untracked();
                    rules_change();
                    current.update(|s| s.agreement.add());
                    focus_later(ids::rule(at));
                }
            >
                {move || t(Key::AddRule)}
            </button>
            <fieldset class="confirm">
                <legend class="sr-only">{move || t(Key::AgreementTitle)}</legend>
                {(0..people).map(confirm).collect_view()}
            </fieldset>
            // A live region, there before its words (a div: empty, it is
            // no paragraph missing its text).
            <div class="notice-line" role="status">
                {move || unticked.get().then(|| t(Key::AgreementChanged))}
            </div>
            {group.then(|| view! { <HereToday /> })}
            <Show when=move || current.read(|s| s.agreement.skipped)>
                <p class="muted">{move || t(Key::AgreementSkipped)}</p>
            </Show>
            <p class="muted" id=ids::AGREEMENT_WAITING class:hidden=settled>
                {move || t(if group { Key::AgreementWaitingGroup } else { Key::AgreementWaiting })}
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="primary big"
                    disabled=move || !settled()
                    aria-describedby=ids::AGREEMENT_WAITING
                    on:click=move |_| current.update(|s| s.advance(now_ms()))
                >
                    {move || t(if group { Key::AgreementContinueGroup } else { Key::AgreementContinue })}
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        current.update(|s| {
                            s.agreement.skipped = true;
                            s.advance(now_ms());
                        })
                    }
                >
                    {move || t(Key::AgreementSkip)}
                </button>
            </div>
        </section>
    }
}
