//! Valid, deterministic, fictional identity numbers for demo parties; the check characters
//! come from the domain's `identity`.

use crate::domain::identity::{CreditCode, ResidentId};

/// An 18-digit resident ID from 农安县 (220122) with a birth date derived from `n`,
/// carrying a correct GB 11643 check character.
pub fn resident_id(n: u32, male: bool) -> String {
    let year = 1955 + (n * 7) % 48;
    let month = 1 + (n * 5) % 12;
    let day = 1 + (n * 11) % 28;
    let seq = (n * 37) % 99;
    let sex_digit = if male { 1 + 2 * (n % 5) } else { 2 * (n % 5) };
    let prefix = format!("220122{year:04}{month:02}{day:02}{seq:02}{sex_digit}");
    // Always 17 digits; the test below parses what comes out.
    let check = ResidentId::check_char(&prefix).unwrap_or('X');
    format!("{prefix}{check}")
}

/// A unified social credit code (GB 32100) for an enterprise registered in 农安县.
pub fn credit_code(n: u32) -> String {
    let alphabet = CreditCode::ALPHABET.as_bytes();
    let mut body = String::from("91220122");
    let mut x = n.wrapping_mul(2_654_435_761).wrapping_add(12_345);
    for _ in 0..9 {
        body.push(alphabet[(x % 31) as usize] as char);
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345) >> 3;
    }
    let check = CreditCode::check_char(&body).unwrap_or('0');
    body.push(check);
    body
}

/// A fictional mobile number.
pub fn phone(n: u32) -> String {
    format!("139{:08}", (n * 7_919) % 100_000_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_numbers_pass_the_validators() {
        for n in 0..500 {
            let id = resident_id(n, n % 2 == 0);
            let parsed = ResidentId::parse(&id).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(parsed.is_male(), n % 2 == 0);
            let code = credit_code(n);
            CreditCode::parse(&code).unwrap_or_else(|e| panic!("{code}: {e}"));
        }
    }
}
