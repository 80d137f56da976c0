//! With the `split` feature (the release build, see scripts/split-wasm.mjs)
//! the wasm linker keeps its relocations: wasm-split reads them to move each
//! lazily loaded screen's code and data into a file of its own.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
