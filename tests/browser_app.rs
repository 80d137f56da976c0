//! The app's components in a real browser: mount, press, type, and check
//! what a person sees and what is kept.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use peer_coach::domain::session::{Session, Setup};
use peer_coach::domain::store::Record;
use peer_coach::domain::{share, store};
use peer_coach::platform::records;
use peer_coach::platform::storage::DeviceStorage;
use peer_coach::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

mod browser_common;
use browser_common::{clear_ours, local};

/// Start from a clean device at the home route.
fn fresh() -> web_sys::HtmlElement {
    clear_ours();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/")
        .unwrap();
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

/// Mount the app; it is unmounted (listeners and all) when the returned
/// handle is dropped at the end of the test.
#[must_use]
fn mount(root: &web_sys::HtmlElement, storage: Option<DeviceStorage>) -> impl Drop {
    leptos::mount::mount_to(root.clone(), move || match storage {
        Some(s) => view! { <App storage=s /> }.into_any(),
        None => view! { <App /> }.into_any(),
    })
}

fn text(root: &web_sys::HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

fn heading(root: &web_sys::HtmlElement) -> String {
    root.query_selector("h1")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

async fn press(root: &web_sys::HtmlElement, label: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    let button = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button {label:?} in {:?}", text(root)));
    button.click();
    tick().await;
}

async fn type_into(root: &web_sys::HtmlElement, id: &str, value: &str) {
    let el = root.query_selector(&format!("#{id}")).unwrap().expect(id);
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    }
    el.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
}

async fn check(root: &web_sys::HtmlElement, id: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector(&format!("#{id}"))
        .unwrap()
        .expect(id)
        .unchecked_into();
    input.click();
    tick().await;
}

/// From home to the first Goal, with the default setup and the agreement
/// skipped.
async fn to_first_goal(root: &web_sys::HtmlElement) {
    tick().await;
    press(root, "Start a session").await;
    press(root, "Begin").await;
    press(root, "Skip the agreement").await;
    tick().await;
}

/// The session records on the device once the page is left (a `pagehide`,
/// as when the tab closes): edits are written a moment after typing stops,
/// and at once then.
fn stored_sessions() -> Vec<String> {
    let window = web_sys::window().unwrap();
    window
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    let s = local();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| store::is_session_key(k))
        .map(|k| s.get_item(&k).unwrap().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn home_offers_to_start_a_session() {
    let root = fresh();
    let _app = mount(&root, None);
    tick().await;
    assert_eq!(heading(&root), "Peer Coach");
    assert!(text(&root).contains("Start a session"));
    assert!(!text(&root).contains("nothing will be kept"));
    root.remove();
}

#[wasm_bindgen_test]
async fn setup_agreement_and_goal_are_saved_as_typed() {
    let root = fresh();
    let _app = mount(&root, None);
    tick().await;
    press(&root, "Start a session").await;
    assert_eq!(heading(&root), "Set up your session");
    assert!(text(&root).contains("Person B coaches Person A first"));
    type_into(&root, "name-a", "Amara").await;
    type_into(&root, "name-b", "Jonas").await;
    assert!(text(&root).contains("Jonas coaches Amara first"));
    press(&root, "Begin").await;
    tick().await;
    assert_eq!(heading(&root), "Our agreement");

    // Continue needs both people; skipping is explicit.
    let cont = root.query_selector(".agreement .primary").unwrap().unwrap();
    assert!(cont.has_attribute("disabled"));
    check(&root, "agree-0").await;
    check(&root, "agree-1").await;
    assert!(!cont.has_attribute("disabled"));
    press(&root, "Continue to Goal").await;
    tick().await;
    assert_eq!(heading(&root), "Goal");
    assert!(text(&root).contains("Jonas is coaching Amara"));
    assert!(text(&root).contains("What would you like to talk about today?"));

    type_into(&root, "topic-0", "<i>quiet people</i>").await;
    let saved = stored_sessions();
    assert_eq!(saved.len(), 1);
    assert!(saved[0].contains("<i>quiet people</i>"));
    // User text is shown as text, never as markup.
    assert!(root.query_selector("main i").unwrap().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn question_cards_draw_and_pin() {
    let root = fresh();
    let _app = mount(&root, None);
    to_first_goal(&root).await;
    let question = || {
        root.query_selector(".question")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    let first = question();
    press(&root, "Another question").await;
    assert_ne!(question(), first);
    assert!(text(&root).contains("10 more in this deck"));
    press(&root, "Pin this question").await;
    assert!(text(&root).contains("Pinned questions"));
    root.remove();
}

#[wasm_bindgen_test]
async fn without_storage_the_app_runs_and_says_so() {
    let root = fresh();
    let _app = mount(&root, Some(DeviceStorage::in_memory()));
    tick().await;
    assert!(text(&root).contains("nothing will be kept after you close the page"));
    press(&root, "Start a session").await;
    press(&root, "Begin").await;
    tick().await;
    assert_eq!(heading(&root), "Our agreement");
    assert!(stored_sessions().is_empty(), "nothing reached localStorage");
    root.remove();
}

#[wasm_bindgen_test]
async fn unreadable_data_is_set_aside_and_the_app_starts_clean() {
    let root = fresh();
    local()
        .set_item("peer-coach.session.broken", "{oops")
        .unwrap();
    let _app = mount(&root, None);
    tick().await;
    assert!(text(&root).contains("could not be read"));
    assert_eq!(
        local()
            .get_item("peer-coach.aside.session.broken")
            .unwrap()
            .as_deref(),
        Some("{oops")
    );
    assert!(text(&root).contains("Start a session"));
    root.remove();
}

/// Fill the device's storage to the last byte.
fn fill_storage() {
    let s = local();
    let mut i = 0;
    for size in [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1] {
        let chunk = "x".repeat(size);
        while s.set_item(&format!("filler.{i}"), &chunk).is_ok() {
            i += 1;
        }
        i += 1;
    }
}

fn clear_fillers() {
    let s = local();
    let keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .collect();
    for k in keys.iter().filter(|k| k.starts_with("filler.")) {
        s.remove_item(k).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_full_storage_keeps_what_it_holds_and_says_so() {
    let root = fresh();
    let mut session = Session::new("kept1".into(), 1, &Setup::default());
    session.turns[0].goal.topic = "Kept topic".into();
    records::save_session(&DeviceStorage::open(), &session).unwrap();
    fill_storage();
    let app = mount(&root, None);
    tick().await;
    let seen = text(&root);
    drop(app);
    clear_fillers();
    assert!(seen.contains("storage on this device is full"), "{seen}");
    assert!(
        seen.contains("Kept topic"),
        "the saved session is still there"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn opening_a_link_never_writes_over_an_unreadable_record() {
    let root = fresh();
    let mut session = Session::new("clash1".into(), 1, &Setup::default());
    session.turns[0].goal.topic = "From the link".into();
    let future = r#"{"v":9,"data":"a newer app's session"}"#;
    local()
        .set_item("peer-coach.session.clash1", future)
        .unwrap();
    let payload = share::encode_session(&session);
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(&payload)
        .unwrap();
    let _app = mount(&root, None);
    tick().await;
    tick().await;
    assert_eq!(
        local()
            .get_item("peer-coach.session.clash1")
            .unwrap()
            .as_deref(),
        Some(future)
    );
    assert!(
        stored_sessions()
            .iter()
            .any(|raw| raw.contains("From the link")),
        "the link's session was kept under another id"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn an_exercise_in_a_session_is_kept_in_the_session_as_typed() {
    let root = fresh();
    let _app = mount(&root, None);
    to_first_goal(&root).await;
    assert!(text(&root).contains("Exercises for this phase"));
    press(&root, "Start Perspective shifts").await;
    tick().await;
    assert_eq!(heading(&root), "Perspective shifts");
    assert!(text(&root).contains("Back to Goal"));
    type_into(&root, "subject", "<b>Meetings</b> run long").await;

    // Kept inside the session's record, with its half, as typed.
    let saved = stored_sessions();
    assert_eq!(saved.len(), 1);
    let session: Session = Session::decode(&saved[0]).unwrap();
    assert_eq!(session.turns[0].exercises.len(), 1);
    assert_eq!(
        session.turns[0].exercises[0].subject,
        "<b>Meetings</b> run long"
    );
    // Text, never markup.
    assert!(root.query_selector("main b").unwrap().is_none());

    // Back in the phase, the exercise is one to continue.
    let back: web_sys::HtmlElement = root
        .query_selector(".exercise .eyebrow a")
        .unwrap()
        .unwrap()
        .unchecked_into();
    back.click();
    tick().await;
    assert_eq!(heading(&root), "Goal");
    press(&root, "Continue Perspective shifts").await;
    tick().await;
    assert!(text(&root).contains("<b>Meetings</b> run long"));
    root.remove();
}

/// Wait for the browser's next `n` frames.
async fn frames(n: usize) {
    for _ in 0..n {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    }
}

fn focused_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

/// After a step change the focus goes to the new screen's title, unless the
/// person has already moved it on before the browser drew a frame (a slow
/// phone, a quick Tab): then it stays where they put it.
#[wasm_bindgen_test]
async fn a_new_step_takes_the_focus_to_its_title_but_never_back_from_a_field() {
    let root = fresh();
    let _app = mount(&root, None);
    to_first_goal(&root).await;

    press(&root, "Next phase").await;
    frames(2).await;
    assert_eq!(heading(&root), "Reality");
    assert_eq!(focused_id(), "screen-title");

    // The next step is drawn, and the person is in its field before a frame.
    press(&root, "Next phase").await;
    assert_eq!(heading(&root), "Options");
    let field: web_sys::HtmlElement = root
        .query_selector("input[type=text]")
        .unwrap()
        .expect("the new option's field")
        .unchecked_into();
    field.focus().unwrap();
    frames(2).await;
    assert_eq!(
        focused_id(),
        field.id(),
        "the focus was pulled back to the title"
    );
}
