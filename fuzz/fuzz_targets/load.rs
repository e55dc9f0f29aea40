//! `store::load_str` on arbitrary bytes: it must answer with a project or an error, never crash,
//! and whatever it accepts must save and load back the same, and load the same again behind a
//! UTF-8 byte-order mark (as Windows editors save it).
#![no_main]

use libfuzzer_sys::fuzz_target;

/// The UTF-8 byte-order mark.
const BOM: char = '\u{feff}';

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    if let Ok(loaded) = milepost::store::load_str(text) {
        let again =
            milepost::store::to_string(&loaded.project).expect("an accepted project serializes");
        let reloaded = milepost::store::load_str(&again).expect("what was saved loads");
        assert_eq!(reloaded.project, loaded.project, "round trip");
        if !text.starts_with(BOM) {
            let marked = milepost::store::load_str(&format!("{BOM}{text}"))
                .expect("a byte-order mark changes nothing");
            assert_eq!(marked.project, loaded.project, "same project behind a BOM");
        }
    }
});
