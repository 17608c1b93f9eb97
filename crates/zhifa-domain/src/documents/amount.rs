//! Amounts in capitals (大写金额) as decisions print them beside the figures:
//! 2000 元 → `人民币贰仟元整`, 2000.50 → `人民币贰仟元伍角`, 1002.05 → `人民币壹仟零贰元零伍分`.
//! Writing follows the 会计基础工作规范 practice: `整` only after `元`, a `零` for every
//! run of zeros between non-zero digits, `壹拾` written out.

use crate::money::Fen;

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const UNITS: [&str; 4] = ["", "拾", "佰", "仟"];
const GROUPS: [&str; 4] = ["", "万", "亿", "万亿"];

/// `人民币贰仟元整`. Negative amounts (which never reach a document) read as their absolute value.
pub fn capitals(amount: Fen) -> String {
    let fen = amount.0.unsigned_abs();
    let (yuan, jiao, fen) = (fen / 100, (fen / 10) % 10, fen % 10);
    let mut out = String::from("人民币");
    if yuan > 0 || (jiao == 0 && fen == 0) {
        out.push_str(&integer(yuan));
        out.push('元');
    }
    match (jiao, fen) {
        (0, 0) => out.push('整'),
        (j, 0) => {
            out.push(DIGITS[j as usize]);
            out.push('角');
        }
        (0, f) => {
            if yuan > 0 {
                out.push('零');
            }
            out.push(DIGITS[f as usize]);
            out.push('分');
        }
        (j, f) => {
            out.push(DIGITS[j as usize]);
            out.push('角');
            out.push(DIGITS[f as usize]);
            out.push('分');
        }
    }
    out
}

/// `2000元（人民币贰仟元整）`: the figures and the capitals together.
pub fn figures_and_capitals(amount: Fen) -> String {
    format!("{amount}（{}）", capitals(amount))
}

fn group_text(g: u64) -> String {
    let mut out = String::new();
    let mut zero = false;
    for i in (0..4).rev() {
        let d = (g / 10u64.pow(i)) % 10;
        if d == 0 {
            zero = !out.is_empty();
        } else {
            if zero {
                out.push('零');
                zero = false;
            }
            out.push(DIGITS[d as usize]);
            out.push_str(UNITS[i as usize]);
        }
    }
    out
}

fn integer(n: u64) -> String {
    if n == 0 {
        return "零".to_string();
    }
    let mut groups = Vec::new();
    let mut rest = n;
    while rest > 0 {
        groups.push(rest % 10_000);
        rest /= 10_000;
    }
    let mut out = String::new();
    let mut need_zero = false;
    for (gi, g) in groups.iter().enumerate().rev() {
        if *g == 0 {
            need_zero = !out.is_empty();
            continue;
        }
        if !out.is_empty() && (need_zero || *g < 1000) {
            out.push('零');
        }
        out.push_str(&group_text(*g));
        out.push_str(GROUPS[gi.min(3)]);
        need_zero = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reads capitals back (`人民币贰仟元整` → 2000 元); `None` for anything malformed. The
    /// tests' check that what `capitals` writes says the amount.
    fn parse_capitals(text: &str) -> Option<Fen> {
        let t = text.trim();
        let t = t.strip_prefix("人民币").unwrap_or(t);
        let (int_part, frac_part) = match t.split_once('元') {
            Some((i, f)) => (i, f),
            None => ("", t),
        };
        let yuan = if int_part.is_empty() {
            0
        } else {
            crate::chinese::parse_number(int_part)?
        };
        let frac = frac_part.strip_suffix('整').unwrap_or(frac_part);
        if frac_part.ends_with('整') && !frac.is_empty() {
            return None;
        }
        let mut jiao = 0;
        let mut fen = 0;
        let mut digit: Option<u64> = None;
        for c in frac.chars() {
            match c {
                '零' => digit = None,
                '角' => jiao = digit.take()?,
                '分' => fen = digit.take()?,
                _ => digit = Some(DIGITS.iter().position(|d| *d == c)? as u64),
            }
        }
        if digit.is_some() || (int_part.is_empty() && jiao == 0 && fen == 0) {
            return None;
        }
        let total = yuan.checked_mul(100)? + jiao * 10 + fen;
        i64::try_from(total).ok().map(Fen)
    }

    #[test]
    fn known_values() {
        let table = [
            (0, "人民币零元整"),
            (50, "人民币伍角"),
            (5, "人民币伍分"),
            (100, "人民币壹元整"),
            (1_000, "人民币壹拾元整"),
            (20_000, "人民币贰佰元整"),
            (200_000, "人民币贰仟元整"),
            (200_050, "人民币贰仟元伍角"),
            (100_205, "人民币壹仟零贰元零伍分"),
            (100_256, "人民币壹仟零贰元伍角陆分"),
            (1_000_000, "人民币壹万元整"),
            (1_050_000, "人民币壹万零伍佰元整"),
            (1_500_000, "人民币壹万伍仟元整"),
            (10_001_000, "人民币壹拾万零壹拾元整"),
            (100_000_000, "人民币壹佰万元整"),
            (10_000_100_000, "人民币壹亿零壹仟元整"),
            (
                12_345_678_900,
                "人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整",
            ),
            (30_000_000_000, "人民币叁亿元整"),
            (100_000_000_000_000, "人民币壹万亿元整"),
        ];
        for (fen, want) in table {
            assert_eq!(capitals(Fen(fen)), want, "{fen} fen");
            assert_eq!(parse_capitals(want), Some(Fen(fen)), "{want}");
        }
    }

    #[test]
    fn figures_beside_capitals() {
        assert_eq!(
            figures_and_capitals(Fen::from_yuan(2000)),
            "2000元（人民币贰仟元整）"
        );
    }

    #[test]
    fn malformed_capitals_are_refused() {
        for bad in [
            "",
            "人民币",
            "贰仟",
            "人民币贰仟元伍角整x",
            "人民币贰仟元伍",
            "人民币abc元整",
        ] {
            assert_eq!(parse_capitals(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn capitals_round_trip(fen in 0i64..=100_000_000_000_000) {
            let text = capitals(Fen(fen));
            prop_assert_eq!(parse_capitals(&text), Some(Fen(fen)), "{}", text);
            prop_assert!(!text.contains("零零"), "{}", text);
            prop_assert!(!text.ends_with('零'), "{}", text);
        }
    }
}
