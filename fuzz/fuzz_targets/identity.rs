//! The identity validators on arbitrary text: resident ID (GB 11643), unified social credit
//! code (GB 32100), phone numbers, and the masks built on them. A value that parses must
//! parse again from its own text to the same value.
#![no_main]
use libfuzzer_sys::fuzz_target;
use zhifa::domain::identity::{mask_phone, normalise, parse_phone, CreditCode, ResidentId};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = normalise(text);
    if let Ok(id) = ResidentId::parse(text) {
        let _ = id.masked();
        let _ = id.birth_date();
        assert_eq!(ResidentId::parse(id.as_str()).ok().as_ref(), Some(&id));
    }
    if let Ok(code) = CreditCode::parse(text) {
        assert_eq!(CreditCode::parse(code.as_str()).ok().as_ref(), Some(&code));
    }
    if let Ok(p) = parse_phone(text) {
        assert_eq!(parse_phone(&p).ok().as_deref(), Some(p.as_str()));
    }
    let _ = mask_phone(text);
    let _ = zhifa::domain::privacy::mask_address(text);
});
