#[cfg(target_arch = "wasm32")]
fn main() {
    peer_coach::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Peer Coach is a web app: build it with `make build` or run it with `make serve`.");
}
