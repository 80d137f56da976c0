//! Passphrase encryption with the browser's own WebCrypto: PBKDF2-HMAC-SHA256
//! to derive a key, AES-256-GCM to seal. Native code and fast; it adds no
//! cryptography to the app's WebAssembly. Errors come back as values.

use js_sys::{Object, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

/// Why sealing or opening failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// WebCrypto is missing (an insecure context, an old browser).
    Unavailable,
    /// The key does not open the box: a wrong passphrase, or tampering.
    Rejected,
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or(CryptoError::Unavailable)
}

/// Random bytes from the browser's cryptographic source.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut bytes = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(bytes)
}

async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let usages = js_sys::Array::of1(&JsValue::from_str("deriveKey"));
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = subtle
        .import_key_with_str("raw", &raw, "PBKDF2", false, &usages)
        .map_err(|_| CryptoError::Unavailable)?;
    let base: CryptoKey = JsFuture::from(base)
        .await
        .map_err(|_| CryptoError::Unavailable)?
        .unchecked_into();
    let params = Pbkdf2Params::new(
        "PBKDF2",
        &JsValue::from_str("SHA-256"),
        iterations,
        &Uint8Array::from(salt),
    );
    let aes = Object::new();
    let _ = js_sys::Reflect::set(&aes, &"name".into(), &"AES-GCM".into());
    let _ = js_sys::Reflect::set(&aes, &"length".into(), &JsValue::from(256));
    let usages = js_sys::Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = subtle
        .derive_key_with_object_and_object(&params, &base, &aes, false, &usages)
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(JsFuture::from(key)
        .await
        .map_err(|_| CryptoError::Unavailable)?
        .unchecked_into())
}

fn gcm(nonce: &[u8], aad: &[u8]) -> AesGcmParams {
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(nonce));
    params.set_additional_data(&Uint8Array::from(aad));
    params
}

/// Seal `plaintext` under a key derived from `passphrase`; `aad` (the
/// link's header) is authenticated too.
pub async fn seal(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    nonce: &[u8],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let key = derive_key(passphrase, salt, iterations).await?;
    let promise = subtle()?
        .encrypt_with_object_and_u8_array(&gcm(nonce, aad), &key, plaintext)
        .map_err(|_| CryptoError::Unavailable)?;
    let out = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(Uint8Array::new(&out).to_vec())
}

/// Open what `seal` made; a wrong passphrase or a changed byte is `Rejected`.
pub async fn open(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    nonce: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let key = derive_key(passphrase, salt, iterations).await?;
    let promise = subtle()?
        .decrypt_with_object_and_u8_array(&gcm(nonce, aad), &key, ciphertext)
        .map_err(|_| CryptoError::Unavailable)?;
    let out = JsFuture::from(promise)
        .await
        .map_err(|_| CryptoError::Rejected)?;
    Ok(Uint8Array::new(&out).to_vec())
}
