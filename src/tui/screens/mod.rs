//! One module per screen: its state, its handler, and a `draw` that only reads the state.

pub mod calendar;
pub mod case_review;
pub mod case_view;
pub mod cases;
pub mod dashboard;
pub mod documents_tab;
pub mod form;
pub mod help;
pub mod home;
pub mod login;
pub mod new_case;
pub mod powers;
pub mod users;
