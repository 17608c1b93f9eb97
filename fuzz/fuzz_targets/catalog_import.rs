//! The catalog importer on arbitrary text: every input is either a checked catalog or a list
//! of issues; nothing panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use zhifa::domain::catalog::CatalogBuilder;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut b = CatalogBuilder::new();
    // Half the inputs as TOML, half as JSON, against the shipped meta file's shape.
    let name = if data.first().is_some_and(|c| c % 2 == 0) {
        "powers.toml"
    } else {
        "powers.json"
    };
    b.add_text(name, text);
    if let Ok(catalog) = b.finish() {
        for p in &catalog.powers {
            let _ = zhifa::domain::catalog::validate(p);
        }
    }
});
