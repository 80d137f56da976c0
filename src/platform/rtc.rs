//! A direct connection to another browser: one `RTCPeerConnection` with one
//! ordered, reliable data channel that carries strings.
//!
//! Signalling is by hand (an invitation link and a reply code), so neither
//! side trickles candidates: each waits until ICE gathering is complete (or
//! a timeout) and hands over one whole description
//! ([`crate::domain::live::sdp::Description`]). Without an ICE server (the
//! default) only host candidates are gathered: the two browsers find each
//! other on the same network only, and nothing is sent anywhere else.
//! With a STUN server, each browser asks it for its public address.
//!
//! The page's Content-Security-Policy needs nothing for this: CSP does not
//! govern WebRTC in browsers today (no `connect-src` for ICE or the data
//! channel), so the policy stays as strict as before.
//!
//! Found on this machine (Chromium 156, two contexts of one browser): with
//! Chromium's default mDNS hiding, host candidates are `<uuid>.local` and
//! the connection opens, unless the browser's host resolver is told to
//! resolve nothing (the e2e tests' `--host-resolver-rules=MAP * ~NOTFOUND`
//! also refuses `.local`: add `EXCLUDE *.local`, or turn the hiding off
//! with `--disable-features=WebRtcHideLocalIpsWithMdns`).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    MessageEvent, RtcConfiguration, RtcDataChannel, RtcDataChannelEvent, RtcDataChannelInit,
    RtcDataChannelState, RtcIceGatheringState, RtcIceServer, RtcPeerConnection,
    RtcPeerConnectionState, RtcSdpType, RtcSessionDescriptionInit,
};

use crate::domain::live::sdp::Description;

/// How long to wait for ICE gathering before using the candidates found.
pub const GATHER_TIMEOUT_MS: i32 = 8_000;

/// How long a connection may stay `disconnected` before it counts as lost.
/// The browser says so after a few seconds without answers (a busy phone,
/// a network switching), and it often comes back by itself; only `failed`
/// and `closed` are final. A side that leaves or closes its page closes the
/// channel, which says so at once.
pub const DISCONNECTED_GRACE_MS: i32 = 3_000;

/// Where the connection is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RtcState {
    /// Offered or answered, not open yet.
    Connecting,
    /// The data channel is open: strings go both ways.
    Open,
    /// Closed by the other side, or the network went: it does not come
    /// back (a new invitation connects again).
    Lost,
}

/// Why the browser did not make a description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RtcError {
    /// No WebRTC here (an old browser, or turned off).
    Unavailable,
    /// The browser refused a description (the other side's, or its own).
    Refused,
}

type Handlers = Rc<RefCell<Vec<Closure<dyn FnMut(JsValue)>>>>;

/// One connection. Dropping it closes it.
pub struct Peer {
    pc: RtcPeerConnection,
    channel: Rc<RefCell<Option<RtcDataChannel>>>,
    state: Rc<RefCell<RtcState>>,
    on_message: Rc<dyn Fn(String)>,
    on_state: Rc<dyn Fn(RtcState)>,
    handlers: Handlers,
}

fn refused(_: JsValue) -> RtcError {
    RtcError::Refused
}

impl Peer {
    /// A new connection, with `stun` as its only ICE server if given.
    /// `on_message` gets every string that arrives, `on_state` every change
    /// of [`RtcState`].
    pub fn new(
        stun: Option<&str>,
        on_message: impl Fn(String) + 'static,
        on_state: impl Fn(RtcState) + 'static,
    ) -> Result<Peer, RtcError> {
        let config = RtcConfiguration::new();
        let servers = Array::new();
        if let Some(url) = stun {
            let server = RtcIceServer::new();
            server.set_urls_str(url);
            servers.push(&server);
        }
        config.set_ice_servers(&servers);
        let pc = RtcPeerConnection::new_with_configuration(&config)
            .map_err(|_| RtcError::Unavailable)?;
        let peer = Peer {
            pc,
            channel: Rc::new(RefCell::new(None)),
            state: Rc::new(RefCell::new(RtcState::Connecting)),
            on_message: Rc::new(on_message),
            on_state: Rc::new(on_state),
            handlers: Rc::new(RefCell::new(Vec::new())),
        };
        // The network went, or the other side closed.
        let pc = peer.pc.clone();
        let set = peer.setter();
        peer.handle(
            move |_| match pc.connection_state() {
                RtcPeerConnectionState::Failed | RtcPeerConnectionState::Closed => {
                    set(RtcState::Lost);
                }
                RtcPeerConnectionState::Disconnected => {
                    // Lost only if it has not come back meanwhile (the
                    // handler may outlive the peer: a closed one is lost,
                    // and its owner no longer listens).
                    let (pc, set) = (pc.clone(), set.clone());
                    let later = Closure::once_into_js(move || {
                        if !matches!(
                            pc.connection_state(),
                            RtcPeerConnectionState::Connected | RtcPeerConnectionState::Connecting
                        ) {
                            set(RtcState::Lost);
                        }
                    });
                    if let Some(window) = web_sys::window() {
                        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                            later.unchecked_ref(),
                            DISCONNECTED_GRACE_MS,
                        );
                    }
                }
                _ => {}
            },
            |pc, f| pc.set_onconnectionstatechange(f),
        );
        Ok(peer)
    }

    /// Sets the state once it changes, never back from lost.
    fn setter(&self) -> impl Fn(RtcState) + Clone + 'static {
        let (state, on_state) = (self.state.clone(), self.on_state.clone());
        move |next| {
            let now = *state.borrow();
            if now != next && now != RtcState::Lost {
                *state.borrow_mut() = next;
                on_state(next);
            }
        }
    }

    /// Keep `f` alive as a handler installed with `install`.
    fn handle(
        &self,
        f: impl FnMut(JsValue) + 'static,
        install: impl FnOnce(&RtcPeerConnection, Option<&js_sys::Function>),
    ) {
        let closure = Closure::<dyn FnMut(JsValue)>::new(f);
        install(&self.pc, Some(closure.as_ref().unchecked_ref()));
        self.handlers.borrow_mut().push(closure);
    }

    /// Wire a data channel: its messages, its opening and closing.
    fn adopt(
        channel: &RtcDataChannel,
        slot: &Rc<RefCell<Option<RtcDataChannel>>>,
        handlers: &Handlers,
        on_message: Rc<dyn Fn(String)>,
        set: impl Fn(RtcState) + Clone + 'static,
    ) {
        let message = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            if let Some(text) = e
                .dyn_ref::<MessageEvent>()
                .and_then(|e| e.data().as_string())
            {
                on_message(text);
            }
        });
        channel.set_onmessage(Some(message.as_ref().unchecked_ref()));
        let opened = set.clone();
        let open = Closure::<dyn FnMut(JsValue)>::new(move |_| opened(RtcState::Open));
        channel.set_onopen(Some(open.as_ref().unchecked_ref()));
        let close = Closure::<dyn FnMut(JsValue)>::new(move |_| set(RtcState::Lost));
        channel.set_onclose(Some(close.as_ref().unchecked_ref()));
        handlers.borrow_mut().extend([message, open, close]);
        *slot.borrow_mut() = Some(channel.clone());
    }

    /// The inviter: open the data channel and make the offer, with every
    /// candidate gathered.
    pub async fn offer(&self) -> Result<Description, RtcError> {
        let init = RtcDataChannelInit::new();
        init.set_ordered(true);
        let channel = self
            .pc
            .create_data_channel_with_data_channel_dict("live", &init);
        Peer::adopt(
            &channel,
            &self.channel,
            &self.handlers,
            self.on_message.clone(),
            self.setter(),
        );
        let offer = JsFuture::from(self.pc.create_offer())
            .await
            .map_err(refused)?;
        self.set_local(&offer, RtcSdpType::Offer).await?;
        self.gathered().await
    }

    /// The joiner: take the offer, make the answer with every candidate
    /// gathered. The channel arrives once connected.
    pub async fn answer(&self, offer: &Description) -> Result<Description, RtcError> {
        let (slot, handlers, on_message, set) = (
            self.channel.clone(),
            self.handlers.clone(),
            self.on_message.clone(),
            self.setter(),
        );
        let arrived = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            if let Some(e) = e.dyn_ref::<RtcDataChannelEvent>() {
                let channel = e.channel();
                let already_open = channel.ready_state() == RtcDataChannelState::Open;
                Peer::adopt(&channel, &slot, &handlers, on_message.clone(), set.clone());
                if already_open {
                    set(RtcState::Open);
                }
            }
        });
        self.pc
            .set_ondatachannel(Some(arrived.as_ref().unchecked_ref()));
        self.handlers.borrow_mut().push(arrived);
        self.set_remote(offer, RtcSdpType::Offer).await?;
        let answer = JsFuture::from(self.pc.create_answer())
            .await
            .map_err(refused)?;
        self.set_local(&answer, RtcSdpType::Answer).await?;
        self.gathered().await
    }

    /// The inviter: take the joiner's answer; the channel opens soon after
    /// (or the state says lost).
    /// (The future holds no borrow of the peer.)
    pub fn accept(
        &self,
        answer: &Description,
    ) -> impl std::future::Future<Output = Result<(), RtcError>> + 'static {
        let pc = self.pc.clone();
        let init = RtcSessionDescriptionInit::new(RtcSdpType::Answer);
        init.set_sdp(&answer.to_sdp());
        async move {
            JsFuture::from(pc.set_remote_description(&init))
                .await
                .map(|_| ())
                .map_err(refused)
        }
    }

    async fn set_local(&self, made: &JsValue, kind: RtcSdpType) -> Result<(), RtcError> {
        let sdp = Reflect::get(made, &"sdp".into())
            .ok()
            .and_then(|s| s.as_string())
            .ok_or(RtcError::Refused)?;
        let init = RtcSessionDescriptionInit::new(kind);
        init.set_sdp(&sdp);
        JsFuture::from(self.pc.set_local_description(&init))
            .await
            .map(|_| ())
            .map_err(refused)
    }

    async fn set_remote(&self, remote: &Description, kind: RtcSdpType) -> Result<(), RtcError> {
        let init = RtcSessionDescriptionInit::new(kind);
        init.set_sdp(&remote.to_sdp());
        JsFuture::from(self.pc.set_remote_description(&init))
            .await
            .map(|_| ())
            .map_err(refused)
    }

    /// Wait until ICE gathering is complete (or [`GATHER_TIMEOUT_MS`]),
    /// then read the local description with its candidates.
    async fn gathered(&self) -> Result<Description, RtcError> {
        if self.pc.ice_gathering_state() != RtcIceGatheringState::Complete {
            let pc = self.pc.clone();
            let done = Promise::new(&mut |resolve, _| {
                let check = {
                    let (pc, resolve) = (pc.clone(), resolve.clone());
                    Closure::<dyn FnMut(JsValue)>::new(move |_| {
                        if pc.ice_gathering_state() == RtcIceGatheringState::Complete {
                            let _ = resolve.call0(&JsValue::NULL);
                        }
                    })
                };
                pc.set_onicegatheringstatechange(Some(check.as_ref().unchecked_ref()));
                // Kept until the peer goes (a late event finds it alive).
                self.handlers.borrow_mut().push(check);
                if let Some(window) = web_sys::window() {
                    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                        &resolve,
                        GATHER_TIMEOUT_MS,
                    );
                }
            });
            let _ = JsFuture::from(done).await;
        }
        let sdp = self
            .pc
            .local_description()
            .map(|d| d.sdp())
            .ok_or(RtcError::Refused)?;
        Description::parse(&sdp).map_err(|_| RtcError::Refused)
    }

    /// Send a string; `false` where the channel is not open.
    pub fn send(&self, text: &str) -> bool {
        self.channel
            .borrow()
            .as_ref()
            .filter(|c| c.ready_state() == RtcDataChannelState::Open)
            .is_some_and(|c| c.send_with_str(text).is_ok())
    }

    pub fn state(&self) -> RtcState {
        *self.state.borrow()
    }
}

impl Drop for Peer {
    fn drop(&mut self) {
        // No handler may run once its closure is gone.
        if let Some(channel) = self.channel.borrow().as_ref() {
            channel.set_onmessage(None);
            channel.set_onopen(None);
            channel.set_onclose(None);
            channel.close();
        }
        self.pc.set_onconnectionstatechange(None);
        self.pc.set_ondatachannel(None);
        self.pc.set_onicegatheringstatechange(None);
        self.pc.close();
    }
}
