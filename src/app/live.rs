//! Working together live: the one connection of this page to another
//! browser, from the invitation (or the reply) to leaving.
//!
//! The connection outlives the screen that made it (the joiner goes from
//! the invitation's screen to the session's), so its state lives in this
//! module, in signals that no view owns ([`use_live`]).
//!
//! # For the session sync (`app::live_sync`)
//!
//! ```ignore
//! let live = use_live();
//! live.on_message(|text| …);        // every string the other side sends
//! live.on_open(|| …);               // each time a connection opens
//! live.send(text);                  // false where not open
//! live.peer_name();                 // Signal<Option<String>>
//! live.link();                      // Signal<Link>: None, Connecting, Open, Lost
//! live.session_id();                // the session this connection is about
//! ```
//!
//! One message is the app's own: the first each side sends on opening,
//! [`HELLO`] and the sender's first name, for the presence line. It never
//! reaches `on_message`.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::domain::live::invite::{CodeError, Invitation, Pending, ID_BYTES, MAX_NAME_CHARS};
use crate::domain::live::WasOpen;
use crate::domain::store;
use crate::platform::clock::now_ms;
use crate::platform::crypto;
use crate::platform::rtc::{Peer, RtcError, RtcState};
use crate::platform::storage::DeviceStorage;

use super::live_invite::{load_answered, save_answered, seal};
// What the views use of invitations, beside the connection.
pub use super::live_invite::{check_invitation, open_invitation, unseal};

/// The presence message: this prefix, then the sender's first name.
pub const HELLO: &str = "\u{1}peer-coach-hello:";

/// Seconds the inviter waits, after the reply, for the channel to open.
pub const CONNECT_TIMEOUT_S: u64 = 30;

/// Where this page's live connection is, as the views show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stage {
    /// No connection, no invitation.
    Idle,
    /// The inviter's browser is gathering its offer.
    Preparing,
    /// The inviter's invitation is on show (its fragment payload), waiting
    /// for the reply.
    Invited(String),
    /// The joiner's reply code is on show, waiting for the inviter.
    Replied(String),
    /// The reply was taken: the channel is opening.
    Connecting,
    Open,
    /// It was open, and is no more (or it never opened in time).
    Lost,
    Failed(LiveError),
}

/// What the presence line says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    None,
    Connecting,
    Open,
    Lost,
}

/// Why connecting did not work; each has its message and what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiveError {
    Code(CodeError),
    /// No WebRTC in this browser.
    NoWebRtc,
    /// The browser refused the other side's description.
    Refused,
    /// The channel did not open within [`CONNECT_TIMEOUT_S`].
    Timeout,
    /// No WebCrypto here (protected invitations need it).
    NoCrypto,
}

impl From<RtcError> for LiveError {
    fn from(e: RtcError) -> Self {
        match e {
            RtcError::Unavailable => LiveError::NoWebRtc,
            RtcError::Refused => LiveError::Refused,
        }
    }
}

/// Which side of the connection this page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Inviter,
    Joiner,
}

/// The live connection's state, shared by every view (see the module doc).
#[derive(Clone)]
pub struct Live {
    stage: ArcRwSignal<Stage>,
    peer_name: ArcRwSignal<Option<String>>,
    session: ArcRwSignal<Option<String>>,
    role: ArcRwSignal<Option<Role>>,
    read: Reads,
}

/// What views read of the state: made once, by an owner of their own that
/// lives as long as the page. A signal made by the view reading it would
/// go with that view, and a change of the connection (a new invitation
/// opened in this tab) can run the view once more as it goes: a read of a
/// signal that is gone stops the app.
#[derive(Clone)]
struct Reads {
    stage: Signal<Stage>,
    peer_name: Signal<Option<String>>,
    session: Signal<Option<String>>,
    role: Signal<Option<Role>>,
    link: Signal<Link>,
    _owner: Owner,
}

/// The tab's own storage; none in the trainers' preview, which keeps
/// nothing.
fn tab_storage() -> Option<DeviceStorage> {
    let preview = crate::domain::preset::Preset::parse(&crate::platform::location::query()).preview;
    (!preview).then(DeviceStorage::tab)
}

fn was_open() -> Option<WasOpen> {
    WasOpen::read(&tab_storage()?.get(store::LIVE_OPEN_KEY)?)
}

impl Live {
    fn new() -> Self {
        // A page reloaded while connected: the connection went with it.
        let before = was_open();
        if let Some(b) = &before {
            MY_NAME.with(|n| n.borrow_mut().clone_from(&b.me));
        }
        let stage = ArcRwSignal::new(if before.is_some() {
            Stage::Lost
        } else {
            Stage::Idle
        });
        let peer_name = ArcRwSignal::new(before.as_ref().and_then(|b| b.peer.clone()));
        let session = ArcRwSignal::new(before.map(|b| b.session));
        let role = ArcRwSignal::new(None);
        let read = crate::app::lasting::lasting(|| Reads {
            stage: derived(&stage),
            peer_name: derived(&peer_name),
            session: derived(&session),
            role: derived(&role),
            link: {
                let s = stage.clone();
                Signal::derive(move || match s.get() {
                    Stage::Connecting | Stage::Replied(_) => Link::Connecting,
                    Stage::Open => Link::Open,
                    Stage::Lost => Link::Lost,
                    _ => Link::None,
                })
            },
            _owner: Owner::current().unwrap_or_default(),
        });
        Live {
            stage,
            peer_name,
            session,
            role,
            read,
        }
    }
}

fn derived<T: Clone + Send + Sync + 'static>(s: &ArcRwSignal<T>) -> Signal<T> {
    let s = s.clone();
    Signal::derive(move || s.get())
}

type Listener = Rc<dyn Fn(String)>;
type OpenListener = Rc<dyn Fn()>;

thread_local! {
    static LIVE: Live = Live::new();
    static PEER: RefCell<Option<Peer>> = const { RefCell::new(None) };
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
    static MY_NAME: RefCell<String> = const { RefCell::new(String::new()) };
    static LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
    static OPEN_LISTENERS: RefCell<Vec<OpenListener>> = const { RefCell::new(Vec::new()) };
    /// Which connection attempt is current: a late event of an older one
    /// changes nothing.
    static ATTEMPT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// This page's live connection.
pub fn use_live() -> Live {
    LIVE.with(Live::clone)
}

/// A first name as the other side sends it: capped, no control characters.
fn clean_name(name: &str) -> String {
    name.replace(char::is_control, " ")
        .trim()
        .chars()
        .take(MAX_NAME_CHARS)
        .collect::<String>()
        .trim()
        .to_string()
}

impl Live {
    pub fn stage(&self) -> Signal<Stage> {
        self.read.stage
    }

    pub fn stage_untracked(&self) -> Stage {
        self.stage.get_untracked()
    }

    /// The other person's first name, once known (from the invitation for
    /// the joiner, from the hello for the inviter).
    pub fn peer_name(&self) -> Signal<Option<String>> {
        self.read.peer_name
    }

    /// The session this connection is about (its id).
    pub fn session_id(&self) -> Signal<Option<String>> {
        self.read.session
    }

    pub fn role(&self) -> Signal<Option<Role>> {
        self.read.role
    }

    /// This side's first name, as sent to the other side.
    pub fn my_name(&self) -> String {
        MY_NAME.with(|n| n.borrow().clone())
    }

    /// What the presence line says.
    pub fn link(&self) -> Signal<Link> {
        self.read.link
    }

    /// Send a string to the other side; `false` where not connected.
    pub fn send(&self, text: &str) -> bool {
        PEER.with(|p| p.borrow().as_ref().is_some_and(|p| p.send(text)))
    }

    /// Every string the other side sends (but the hello) goes to `f`.
    pub fn on_message(&self, f: impl Fn(String) + 'static) {
        LISTENERS.with(|l| l.borrow_mut().push(Rc::new(f)));
    }

    /// `f` runs each time a connection opens (both sides).
    pub fn on_open(&self, f: impl Fn() + 'static) {
        OPEN_LISTENERS.with(|l| l.borrow_mut().push(Rc::new(f)));
    }

    /// While open, this tab remembers it (see [`WasOpen`]); a new attempt
    /// or leaving forgets it.
    fn remember_open(&self) {
        let Some(storage) = tab_storage() else {
            return;
        };
        let open = WasOpen {
            session: self.session.get_untracked().unwrap_or_default(),
            peer: self.peer_name.get_untracked(),
            me: self.my_name(),
        };
        if self.stage.get_untracked() == Stage::Open {
            let _ = storage.set(store::LIVE_OPEN_KEY, &open.write());
        } else {
            storage.remove(store::LIVE_OPEN_KEY);
        }
    }

    /// A new attempt: the old connection (if any) goes.
    fn start(&self, role: Role, session: Option<String>) -> u32 {
        if let Some(storage) = tab_storage() {
            storage.remove(store::LIVE_OPEN_KEY);
        }
        PEER.with(|p| p.borrow_mut().take());
        PENDING.with(|p| p.borrow_mut().take());
        let attempt = ATTEMPT.with(|a| {
            a.set(a.get().wrapping_add(1));
            a.get()
        });
        self.role.set(Some(role));
        self.session.set(session);
        self.peer_name.set(None);
        attempt
    }

    fn is_current(attempt: u32) -> bool {
        ATTEMPT.with(|a| a.get()) == attempt
    }

    /// A peer whose events go to this attempt's state.
    fn peer(&self, stun: Option<&str>, attempt: u32) -> Result<Peer, LiveError> {
        let on_state = {
            let live = self.clone();
            move |state: RtcState| {
                if !Live::is_current(attempt) {
                    return;
                }
                match state {
                    RtcState::Open => {
                        live.stage.set(Stage::Open);
                        live.remember_open();
                        let me = MY_NAME.with(|n| n.borrow().clone());
                        live.send(&format!("{HELLO}{me}"));
                        let listeners = OPEN_LISTENERS.with(|l| l.borrow().clone());
                        for f in listeners {
                            f();
                        }
                    }
                    RtcState::Lost => {
                        // It never opened: the inviter's timeout says so.
                        if live.stage.get_untracked() == Stage::Open {
                            live.stage.set(Stage::Lost);
                        }
                    }
                    RtcState::Connecting => {}
                }
            }
        };
        let on_message = {
            let live = self.clone();
            move |text: String| {
                if !Live::is_current(attempt) {
                    return;
                }
                if let Some(name) = text.strip_prefix(HELLO) {
                    let name = clean_name(name);
                    if !name.is_empty() {
                        live.peer_name.set(Some(name));
                        live.remember_open();
                    }
                    return;
                }
                let listeners = LISTENERS.with(|l| l.borrow().clone());
                for f in listeners {
                    f(text.clone());
                }
            }
        };
        Ok(Peer::new(stun, on_message, on_state)?)
    }

    /// The inviter: make an invitation to work together on a session;
    /// with a passphrase, protected. The stage says how it went.
    pub async fn invite(
        &self,
        session_id: String,
        title: String,
        my_name: String,
        stun: Option<String>,
        passphrase: Option<String>,
    ) {
        let attempt = self.start(Role::Inviter, Some(session_id.clone()));
        MY_NAME.with(|n| *n.borrow_mut() = clean_name(&my_name));
        self.stage.set(Stage::Preparing);
        let made = async {
            let peer = self.peer(stun.as_deref(), attempt)?;
            let offer = peer.offer().await?;
            PEER.with(|p| *p.borrow_mut() = Some(peer));
            let id = crypto::random_bytes::<ID_BYTES>().map_err(|_| LiveError::NoCrypto)?;
            let invitation = Invitation::new(
                id,
                now_ms().max(0) as u64,
                &my_name,
                &session_id,
                &title,
                stun.as_deref(),
                offer,
            );
            let fragment = match passphrase {
                Some(words) => seal(&invitation, &words)
                    .await
                    .map_err(|_| LiveError::NoCrypto)?,
                None => invitation.to_fragment(),
            };
            PENDING.with(|p| *p.borrow_mut() = Some(Pending::of(&invitation)));
            Ok::<String, LiveError>(fragment)
        };
        let result = made.await;
        if Live::is_current(attempt) {
            self.stage.set(match result {
                Ok(fragment) => Stage::Invited(fragment),
                Err(e) => Stage::Failed(e),
            });
        }
    }

    /// The inviter: take the pasted reply. An error leaves the invitation
    /// on show (a wrong paste can be corrected); a good reply connects.
    pub fn accept_reply(&self, code: &str) -> Result<(), LiveError> {
        let answer = PENDING
            .with(|p| {
                p.borrow_mut()
                    .as_mut()
                    .map(|p| p.accept(code, now_ms().max(0) as u64))
            })
            .unwrap_or(Err(CodeError::Expired))
            .map_err(LiveError::Code)?;
        let attempt = ATTEMPT.with(|a| a.get());
        self.stage.set(Stage::Connecting);
        let live = self.clone();
        leptos::task::spawn_local(async move {
            let accepting = PEER.with(|p| p.borrow().as_ref().map(|p| p.accept(&answer)));
            let accepted = match accepting {
                Some(accepting) => accepting.await.map_err(LiveError::from),
                None => Err(LiveError::Refused),
            };
            if let Err(e) = accepted {
                if Live::is_current(attempt) {
                    live.stage.set(Stage::Failed(e));
                }
            }
        });
        let live = self.clone();
        set_timeout(
            move || {
                if Live::is_current(attempt) && live.stage.get_untracked() == Stage::Connecting {
                    PEER.with(|p| p.borrow_mut().take());
                    live.stage.set(Stage::Failed(LiveError::Timeout));
                }
            },
            Duration::from_secs(CONNECT_TIMEOUT_S),
        );
        Ok(())
    }

    /// The joiner: answer an invitation (checked first: not expired, not
    /// answered before on this device), and show the reply code.
    pub async fn answer(&self, invitation: Invitation, my_name: String, storage: DeviceStorage) {
        let now = now_ms().max(0) as u64;
        let mut answered = load_answered(&storage);
        if let Err(e) = invitation.check(now, &answered) {
            self.stage.set(Stage::Failed(LiveError::Code(e)));
            return;
        }
        let attempt = self.start(Role::Joiner, Some(invitation.session_id.clone()));
        MY_NAME.with(|n| *n.borrow_mut() = clean_name(&my_name));
        let inviter = clean_name(&invitation.inviter);
        self.peer_name.set((!inviter.is_empty()).then_some(inviter));
        self.stage.set(Stage::Preparing);
        let made = async {
            let peer = self.peer(invitation.stun.as_deref(), attempt)?;
            let answer = peer.answer(&invitation.offer).await?;
            PEER.with(|p| *p.borrow_mut() = Some(peer));
            Ok::<String, LiveError>(invitation.reply(&answer))
        };
        let result = made.await;
        if !Live::is_current(attempt) {
            return;
        }
        match result {
            Ok(code) => {
                answered.remember(&invitation, now);
                save_answered(&storage, &answered);
                // The channel may have opened while the code was made.
                if self.stage.get_untracked() == Stage::Preparing {
                    self.stage.set(Stage::Replied(code));
                    self.give_up_at_expiry(&invitation, attempt);
                }
            }
            Err(e) => self.stage.set(Stage::Failed(e)),
        }
    }

    /// The joiner: once the invitation has expired (and a connection begun
    /// just before would have opened), the inviter can no longer take the
    /// reply. A reply still waiting then is told so, rather than waiting
    /// for ever.
    fn give_up_at_expiry(&self, invitation: &Invitation, attempt: u32) {
        let now = now_ms().max(0) as u64;
        let left_ms =
            invitation.answerable_until(now).saturating_sub(now) + CONNECT_TIMEOUT_S * 1000;
        let live = self.clone();
        set_timeout(
            move || {
                if Live::is_current(attempt)
                    && matches!(live.stage.get_untracked(), Stage::Replied(_))
                {
                    PEER.with(|p| p.borrow_mut().take());
                    live.stage
                        .set(Stage::Failed(LiveError::Code(CodeError::Expired)));
                }
            },
            Duration::from_millis(left_ms),
        );
    }

    /// Leave: the connection closes (the other side sees it lost), and
    /// both keep their copy of the session.
    pub fn leave(&self) {
        self.start(Role::Inviter, None);
        self.role.set(None);
        self.stage.set(Stage::Idle);
    }

    /// Back to making an invitation (after a failure, or to reconnect).
    pub fn reset(&self) {
        if !matches!(self.stage.get_untracked(), Stage::Open) {
            self.leave();
        }
    }
}
