//! One module per screen: its state, its handler, and a `draw` that only reads the state.

pub mod batch_print;
pub mod calendar;
pub mod case_review;
pub mod case_view;
pub mod cases;
pub mod catalog_import;
pub mod dashboard;
pub mod documents_tab;
pub mod faults;
pub mod fields;
pub mod form;
pub mod help;
pub mod home;
pub mod inspection_form;
pub mod inspections;
pub mod lead_form;
pub mod leads;
pub mod login;
pub mod new_case;
pub mod object_import;
pub mod patrols;
pub mod powers;
pub mod quality;
pub mod restore;
pub mod review_round;
pub mod settings;
pub mod users;

/// What a screen could read: the value, or the default with the reason noted in `error`
/// so the screen shows it (an empty tab must not stand for a database error).
pub fn or_note<T: Default, E: std::fmt::Display>(
    read: Result<T, E>,
    what: &str,
    error: &mut Option<String>,
) -> T {
    read.unwrap_or_else(|e| {
        *error = Some(format!("无法读取{what}：{e}"));
        T::default()
    })
}
