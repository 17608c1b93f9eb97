//! What clerks type into amount and date fields: yuan amounts (full-width digits, 元, commas)
//! and dates in every accepted form. A parsed amount must print and parse back unchanged.
#![no_main]
use libfuzzer_sys::fuzz_target;
use zhifa::domain::chinese::parse_date;
use zhifa::domain::money::Fen;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(fen) = Fen::parse_yuan(text) {
        assert_eq!(Fen::parse_yuan(&fen.yuan_text()).ok(), Some(fen));
    }
    let _ = parse_date(text);
});
