//! The input widget of a form field, chosen by the field's kind: a toggle for 是/否, a
//! picker for one choice, checkboxes for several, a staff picker for people with the
//! two-officer rule shown live, a multi-line editor for long text, a line for the rest.
//! Each widget writes the same text the field's reader (`step_input`) accepts, so the
//! builders behind every form are unchanged, and typing the text still works.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::domain::people::User;
use crate::domain::search::{initials, normalise_query};
use crate::step_input::{self, FieldKind, FieldSpec};

use super::input::TextInput;

/// A member of staff as the picker shows and finds them.
#[derive(Debug, Clone)]
pub struct Staff {
    pub user: User,
    initials: String,
}

#[derive(Debug, Clone)]
pub enum Widget {
    /// One line of text (dates, amounts, names …).
    Line,
    /// Several lines: Enter starts a new line.
    Lines,
    /// 是 / 否: space, ← and → flip it.
    Toggle,
    /// One of a list: the list shows under the field, typing filters it, ↑/↓ and Enter pick.
    Pick {
        options: &'static [&'static str],
        sel: usize,
    },
    /// Any of a list: ↑/↓ move, space ticks.
    Checks {
        options: &'static [&'static str],
        sel: usize,
    },
    /// Staff: the field's text is the search (login, name or pinyin initials); space or
    /// Enter adds or removes the highlighted one.
    People(Box<People>),
    /// Files (an evidence form's 附件): the folder of the path being typed is listed under
    /// the field; ↑/↓ choose, Enter opens a folder or takes a file.
    Files(Box<super::file_picker::FilePicker>),
}

#[derive(Debug, Clone)]
pub struct People {
    pub staff: Vec<Staff>,
    pub chosen: Vec<i64>,
    pub sel: usize,
    /// Whether the field needs two certified officers (行政处罚法第四十二条).
    pub two_officers: bool,
    pub today: NaiveDate,
    /// Only one person (a `Person` field).
    pub single: bool,
}

/// The fields that hold the officers who act, to whom Art 42 applies.
const OFFICER_FIELDS: [&str; 3] = ["officers", "collectors", "handlers"];

/// The separators of a typed list of names.
fn is_separator(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | ';' | '；') || c.is_whitespace()
}

impl Widget {
    /// The widget for `spec`, and the text its input starts with. People named in `value`
    /// that the staff list knows are picked; anything else stays typed.
    pub fn for_field(
        spec: &FieldSpec,
        value: &str,
        users: &BTreeMap<i64, User>,
        today: NaiveDate,
    ) -> (Widget, String) {
        match spec.kind {
            FieldKind::MultiLine => (Widget::Lines, value.into()),
            FieldKind::Bool => (Widget::Toggle, value.into()),
            FieldKind::Choice(options) => {
                let sel = step_input::read_choice(value, options)
                    .ok()
                    .and_then(|v| options.iter().position(|o| *o == v))
                    .unwrap_or(0);
                (Widget::Pick { options, sel }, value.into())
            }
            FieldKind::Choices(options) => (Widget::Checks { options, sel: 0 }, value.into()),
            FieldKind::Persons | FieldKind::Person => {
                let staff: Vec<Staff> = users
                    .values()
                    .filter(|u| u.active)
                    .map(|u| Staff {
                        initials: initials(&u.name),
                        user: u.clone(),
                    })
                    .collect();
                let mut people = People {
                    staff,
                    chosen: Vec::new(),
                    sel: 0,
                    two_officers: OFFICER_FIELDS.contains(&spec.key),
                    today,
                    single: spec.kind == FieldKind::Person,
                };
                let mut rest = Vec::new();
                for who in value.split(is_separator).filter(|w| !w.is_empty()) {
                    match step_input::user_id(users, who) {
                        Ok(id) if !people.chosen.contains(&id) => people.chosen.push(id),
                        Ok(_) => {}
                        Err(_) => rest.push(who),
                    }
                }
                (Widget::People(Box::new(people)), rest.join(","))
            }
            _ => (Widget::Line, value.into()),
        }
    }

    /// The field's value as its reader takes it.
    pub fn value(&self, input: &TextInput) -> String {
        match self {
            Widget::People(p) => {
                let mut parts: Vec<String> = p
                    .chosen
                    .iter()
                    .filter_map(|id| p.staff.iter().find(|s| s.user.id == *id))
                    .map(|s| s.user.username.clone())
                    .collect();
                if !input.value.trim().is_empty() {
                    parts.push(input.value.trim().to_string());
                }
                parts.join(",")
            }
            _ => input.value.clone(),
        }
    }

    /// Whether Enter and line breaks belong to the text.
    pub fn multiline(&self) -> bool {
        matches!(self, Widget::Lines)
    }

    /// Space, ← or → on a toggle: 是 ↔ 否 (anything not read as 是 becomes 是).
    pub fn flip(input: &mut TextInput) {
        let yes = step_input::read_bool(&input.value).unwrap_or(false);
        *input = TextInput::with(step_input::bool_text(!yes));
    }

    /// The options the picker shows for what is typed: all when the text is empty or
    /// already one of them, else those it matches (words, pinyin initials).
    pub fn pick_matches(options: &'static [&'static str], typed: &str) -> Vec<&'static str> {
        let q = normalise_query(typed);
        if q.is_empty() || step_input::read_choice(typed, options).is_ok() {
            return options.to_vec();
        }
        options
            .iter()
            .copied()
            .filter(|o| o.contains(q.as_str()) || initials(o).contains(&q))
            .collect()
    }

    /// The options ticked in the text (those the reader finds).
    pub fn ticked(options: &'static [&'static str], text: &str) -> Vec<&'static str> {
        text.split(is_separator)
            .filter_map(|t| step_input::read_choice(t, options).ok())
            .collect()
    }

    /// Ticks or unticks `option`, writing the list in the list's own order.
    pub fn tick(options: &'static [&'static str], input: &mut TextInput, option: &str) {
        let mut on = Widget::ticked(options, &input.value);
        match on.iter().position(|o| *o == option) {
            Some(i) => {
                on.remove(i);
            }
            None => on.extend(options.iter().find(|o| **o == option)),
        }
        let text: Vec<&str> = options.iter().copied().filter(|o| on.contains(o)).collect();
        *input = TextInput::with(&text.join("、"));
    }
}

impl People {
    /// The last name being typed (after the last separator).
    fn query(input: &TextInput) -> String {
        normalise_query(input.value.rsplit(is_separator).next().unwrap_or(""))
    }

    /// Staff matching what is typed: login, name or pinyin initials; all when nothing is.
    pub fn matches(&self, input: &TextInput) -> Vec<&Staff> {
        let q = People::query(input);
        self.staff
            .iter()
            .filter(|s| {
                q.is_empty()
                    || s.user.username.to_lowercase().contains(&q)
                    || s.user.name.contains(q.as_str())
                    || s.initials.starts_with(&q)
            })
            .collect()
    }

    /// Adds or removes the highlighted match; the typed search is cleared.
    pub fn toggle(&mut self, input: &mut TextInput) {
        let Some(id) = self.matches(input).get(self.sel).map(|s| s.user.id) else {
            return;
        };
        match self.chosen.iter().position(|c| *c == id) {
            Some(i) => {
                self.chosen.remove(i);
            }
            None if self.single => self.chosen = vec![id],
            None => self.chosen.push(id),
        }
        // Only the name being searched goes; names typed in full before it stay.
        let keep: String = match input.value.rfind(is_separator) {
            Some(i) => input.value[..i].to_string(),
            None => String::new(),
        };
        *input = TextInput::with(keep.trim_end_matches(is_separator));
        self.sel = 0;
    }

    /// The chosen, as shown: `张伟(zhangwei)、李强(liqiang)`.
    pub fn chosen_text(&self) -> String {
        self.chosen
            .iter()
            .filter_map(|id| self.staff.iter().find(|s| s.user.id == *id))
            .map(|s| format!("{}({})", s.user.name, s.user.username))
            .collect::<Vec<_>>()
            .join("、")
    }

    /// The two-officer rule on the people chosen so far, in the domain's own words.
    pub fn rule_line(&self, typed: &TextInput) -> Option<Result<String, String>> {
        if !self.two_officers {
            return None;
        }
        let users: BTreeMap<i64, User> = self
            .staff
            .iter()
            .map(|s| (s.user.id, s.user.clone()))
            .collect();
        let mut ids = self.chosen.clone();
        // Names typed in full count as chosen.
        if !typed.value.trim().is_empty() {
            if let Ok(more) = step_input::read_persons(&typed.value, &users) {
                ids.extend(more);
            }
        }
        let people: Vec<&User> = ids.iter().filter_map(|id| users.get(id)).collect();
        let certified = people.iter().filter(|u| u.certified_on(self.today)).count();
        Some(
            match crate::domain::case::gates::two_certified_officers(&people, self.today) {
                Ok(()) => Ok(format!("已选 {certified} 名持证人员")),
                Err(e) => Err(format!("{}（{}）", e.message, e.rule)),
            },
        )
    }
}
