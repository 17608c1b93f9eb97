//! What the leaders' forms share beyond `FormCore`: pick lists made from data (the sheet's
//! sections, the squads, the fault categories) for the picker widget, which takes a
//! `'static` list, and each field's check message as it is typed.

use std::collections::BTreeMap;
use std::sync::Mutex;

use chrono::NaiveDate;

use super::form_core::FormCore;
use crate::domain::people::User;
use crate::step_input::{FieldSpec, ReadCtx};

/// `names` as a list that lives as long as the program. Each distinct list is kept once
/// (a sheet's sections, the squads), so opening a screen again reuses it.
pub fn interned(names: Vec<String>) -> &'static [&'static str] {
    static KEPT: Mutex<Vec<&'static [&'static str]>> = Mutex::new(Vec::new());
    let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = kept
        .iter()
        .find(|l| l.len() == names.len() && l.iter().zip(&names).all(|(a, b)| *a == b))
    {
        return found;
    }
    let list: Vec<&'static str> = names
        .into_iter()
        .map(|n| &*Box::leak(n.into_boxed_str()))
        .collect();
    let list: &'static [&'static str] = Box::leak(list.into_boxed_slice());
    kept.push(list);
    list
}

/// Each field's message for what is typed in it now (none while a list is still being
/// chosen from, or when the field is empty).
pub fn checks(
    specs: &[FieldSpec],
    form: &FormCore,
    users: &BTreeMap<i64, User>,
    today: NaiveDate,
) -> Vec<Option<String>> {
    specs
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let v = form.value(i);
            if v.is_empty() || form.still_choosing(i) {
                return None;
            }
            spec.read(&v, ReadCtx { users, today }).err()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_names_give_the_same_list() {
        let a = interned(vec!["卷面".into(), "程序".into()]);
        let b = interned(vec!["卷面".into(), "程序".into()]);
        assert!(std::ptr::eq(a, b));
        assert_eq!(a, ["卷面", "程序"]);
        assert!(!std::ptr::eq(a, interned(vec!["卷面".into()])));
    }
}
