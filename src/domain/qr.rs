//! QR codes of share links, as an SVG path: handing a session to a phone.

use qrcodegen::{QrCode, QrCodeEcc};

/// A QR code drawn as one SVG path of unit squares, with its side length in
/// modules (the quiet zone included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrPath {
    pub size: u32,
    pub d: String,
}

/// Quiet zone around the code, in modules.
const QUIET: i32 = 4;

/// The QR code of `text`, or `None` when it is too long for one code.
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let n = code.size();
    let mut d = String::with_capacity((n * n) as usize * 4);
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if code.get_module(x, y) {
                // One horizontal run of dark modules as a rectangle.
                let start = x;
                while x < n && code.get_module(x, y) {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET,
                    y + QUIET,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(QrPath {
        size: (n + 2 * QUIET) as u32,
        d,
    })
}

/// Fewest screen pixels per module for a code a phone reads from a laptop
/// screen at arm's length.
pub const MIN_MODULE_PX: u32 = 4;

/// The whole number of CSS pixels per module that fits a code of `modules`
/// modules (quiet zone included) into `width` × `height` pixels: whole, so
/// every module is drawn the same size with sharp edges; at least one.
pub fn module_px(modules: u32, width: u32, height: u32) -> u32 {
    (width.min(height) / modules.max(1)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_links_get_a_code() {
        let qr = qr_path("https://example.org/#s1.abc").unwrap();
        assert!(qr.size >= 21 + 8);
        assert!(qr.d.starts_with('M'));
        // The three finder patterns are there: the top-left corner is dark.
        assert!(qr.d.starts_with("M4 4h7"));
    }

    #[test]
    fn modules_are_whole_pixels_that_fit() {
        for modules in 21..=185 {
            for side in (0..=2000).step_by(7) {
                let px = module_px(modules, side, side + 100);
                assert!(px >= 1);
                assert!(px * modules <= side.max(modules), "{modules} in {side}");
                // As large as fits: one more pixel would not.
                assert!((px + 1) * modules > side);
                if side >= MIN_MODULE_PX * modules {
                    assert!(px >= MIN_MODULE_PX);
                }
            }
        }
    }

    #[test]
    fn too_long_for_one_code_is_none() {
        assert!(qr_path(&"x".repeat(8_000)).is_none());
    }
}
