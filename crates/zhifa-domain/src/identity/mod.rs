//! Identity numbers of the people and organisations a case is about.
//!
//! * 居民身份证号码 (resident identity number, GB 11643-1999): [`ResidentId`].
//! * 统一社会信用代码 (unified social credit code, GB 32100-2015): [`CreditCode`].
//! * Mobile and landline phone numbers: [`parse_phone`], [`mask_phone`].
//!
//! Everything here is pure: values in, values (or typed errors) out. Input is first passed
//! through [`normalise`], so numbers copied from Word documents, typed with a full-width IME or
//! split into groups with spaces and hyphens are accepted. Character positions in error messages
//! are 1-based and count characters of the normalised number (separators do not count), which is
//! how a user reads a number off an ID card or a business licence.

mod credit_code;
mod phone;
mod resident_id;
#[cfg(test)]
mod test_support;

pub use credit_code::{CreditCode, CreditCodeError};
pub use phone::{mask_phone, parse_phone, PhoneError};
pub use resident_id::{IdError, ResidentId};

use crate::chinese::fold_full_width;

/// Full-width digits/letters (０-９, Ａ-Ｚ, ａ-ｚ) → ASCII, lower-case letters → upper-case, spaces
/// (ASCII and U+3000) and hyphens removed.
///
/// "Spaces" covers every Unicode white-space character (tabs, line breaks, U+00A0 and U+3000
/// included) and the zero-width characters that pasting from documents leaves behind; "hyphens"
/// covers `-`, full-width `－`, U+2010–U+2015 dashes and the minus sign `−`. Any other character
/// is kept as it is, so that validation can point at it. The function is idempotent.
pub fn normalise(input: &str) -> String {
    input
        .chars()
        .map(fold_full_width)
        .filter(|&c| !is_separator(c))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Characters [`normalise`] drops: white space, zero-width characters and hyphen-like dashes.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{FF0D}'
                | '\u{2010}'..='\u{2015}'
                | '\u{2212}'
                | '\u{FE63}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::test_support::*;
    use proptest::prelude::*;

    // ----- normalise -----

    #[test]
    fn normalise_folds_width_case_and_separators() {
        assert_eq!(normalise("１１０１　０５-ａｂＣx y\t－"), "110105ABCXY");
        assert_eq!(normalise(""), "");
        assert_eq!(normalise("中文"), "中文");
        assert_eq!(normalise("\u{FEFF}12\u{200B}3\u{00A0}4—5"), "12345");
    }

    proptest! {
        #[test]
        fn parse_of_normalised_is_parse(s in MESSY) {
            prop_assert_eq!(ResidentId::parse(&normalise(&s)), ResidentId::parse(&s));
            prop_assert_eq!(CreditCode::parse(&normalise(&s)), CreditCode::parse(&s));
            prop_assert_eq!(normalise(&normalise(&s)), normalise(&s));
        }

        #[test]
        fn parse_of_normalised_is_parse_near_valid(id in arb_id(), code in arb_credit(),
                noise in proptest::collection::vec(any::<u8>(), 18), index in 0usize..18, c in "[0-9A-Zａ-ｚ中 ]") {
            for valid in [&id, &code] {
                let s = disguise(&replace_at(valid, index, c.chars().next().unwrap()), &noise);
                prop_assert_eq!(ResidentId::parse(&normalise(&s)), ResidentId::parse(&s));
                prop_assert_eq!(CreditCode::parse(&normalise(&s)), CreditCode::parse(&s));
            }
        }

        #[test]
        fn parse_of_arbitrary_text_never_panics(s in "\\PC{0,30}") {
            let _ = ResidentId::parse(&s);
            let _ = CreditCode::parse(&s);
            let _ = parse_phone(&s);
            let _ = mask_phone(&s);
        }
    }
}
