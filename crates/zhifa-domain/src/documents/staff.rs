//! How staff read on paper: a name, or the name with the 执法证号 where the law asks the
//! officers to show who they are (行政处罚法第四十二条、第五十五条). Every document context
//! (a case's, a lead's, an inspection's) prints people through these.

use std::collections::BTreeMap;

use crate::people::User;

/// A staff member's name (or `#id` if the account is gone).
pub(crate) fn name(users: &BTreeMap<i64, User>, id: i64) -> String {
    users
        .get(&id)
        .map(|u| u.name.clone())
        .unwrap_or_else(|| format!("#{id}"))
}

/// `张三（执法证号 22010012345）`.
pub(crate) fn label(users: &BTreeMap<i64, User>, id: i64) -> String {
    users
        .get(&id)
        .map(User::label)
        .unwrap_or_else(|| format!("#{id}"))
}

pub(crate) fn names(users: &BTreeMap<i64, User>, ids: &[i64]) -> String {
    ids.iter()
        .map(|i| name(users, *i))
        .collect::<Vec<_>>()
        .join("、")
}

pub(crate) fn labels(users: &BTreeMap<i64, User>, ids: &[i64]) -> String {
    ids.iter()
        .map(|i| label(users, *i))
        .collect::<Vec<_>>()
        .join("、")
}
