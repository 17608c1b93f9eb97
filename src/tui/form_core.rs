//! The one form core behind every form (a step's form, 提请立案 / 当场处罚, 添加人员):
//! the inputs and their widgets (`widgets.rs`), the focused field, editing at the cursor,
//! moving between fields, and asking before unsaved input is left behind. A screen keeps
//! what is its own — its labels, its checks and its one "collect the values and submit"
//! function — and passes every action here first.

use std::collections::BTreeMap;

use super::action::UiAction;
use super::app::{Env, Outcome};
use super::input::TextInput;
use super::widgets::Widget;
use crate::domain::people::User;
use crate::step_input::FieldSpec;

/// The keymap section of a form of several fields.
pub const SECTION: &str = "fields";

#[derive(Debug, Clone, Default)]
pub struct FormCore {
    pub inputs: Vec<TextInput>,
    /// One per input: how the field is edited.
    pub widgets: Vec<Widget>,
    pub focus: usize,
    /// Something was typed since the form opened.
    pub dirty: bool,
    /// Leaving was asked for once with unsaved input; the next leave goes.
    pub confirm_leave: bool,
    /// The message that asks before unsaved input is dropped (keys from the keymap).
    leave_prompt: String,
}

/// What the core made of an action, for the screen to finish.
pub enum FormStep {
    /// Handled here; the screen returns this outcome (boxed: an outcome can carry a screen).
    Done(Box<Outcome>),
    /// The focused field's text changed: the screen may check the form again.
    Edited,
    /// Collect the values and submit.
    Submit,
    /// Leave the form (confirmed, or nothing typed).
    Leave,
    /// Not a form action: the screen's own.
    Other(UiAction),
}

fn stay() -> FormStep {
    FormStep::Done(Box::new(Outcome::Stay))
}

impl FormCore {
    /// A form of one-line text fields.
    pub fn new<S: AsRef<str>>(values: impl IntoIterator<Item = S>, env: &Env) -> FormCore {
        let inputs: Vec<TextInput> = values
            .into_iter()
            .map(|v| TextInput::with(v.as_ref()))
            .collect();
        FormCore {
            widgets: inputs.iter().map(|_| Widget::Line).collect(),
            inputs,
            focus: 0,
            dirty: false,
            confirm_leave: false,
            leave_prompt: format!(
                "有未提交的内容：再按一次 {} 放弃，或按 {} 提交",
                env.keymap.key_label(SECTION, UiAction::Back),
                env.keymap.key_label(SECTION, UiAction::Submit)
            ),
        }
    }

    /// A form of typed fields: each field's widget by its kind, starting from `values`.
    pub fn typed<S: AsRef<str>>(
        specs: &[FieldSpec],
        values: impl IntoIterator<Item = S>,
        users: &BTreeMap<i64, User>,
        env: &Env,
    ) -> FormCore {
        let mut core = FormCore::new(Vec::<String>::new(), env);
        for (spec, value) in specs.iter().zip(values) {
            let (widget, text) = Widget::for_field(spec, value.as_ref(), users, env.today);
            core.widgets.push(widget);
            core.inputs.push(TextInput::with(&text));
        }
        core
    }

    /// The trimmed value of field `i`, as its reader takes it.
    pub fn value(&self, i: usize) -> String {
        match (self.inputs.get(i), self.widgets.get(i)) {
            (Some(input), Some(w)) => w.value(input).trim().to_string(),
            _ => String::new(),
        }
    }

    /// The value of field `i` as typed (untrimmed).
    pub fn raw(&self, i: usize) -> String {
        match (self.inputs.get(i), self.widgets.get(i)) {
            (Some(input), Some(w)) => w.value(input),
            _ => String::new(),
        }
    }

    /// Whether field `i` is being chosen in its list: focused, with typed text that is a
    /// search the list still answers (not yet a value, so not yet checked).
    pub fn still_choosing(&self, i: usize) -> bool {
        let (Some(input), Some(widget)) = (self.inputs.get(i), self.widgets.get(i)) else {
            return false;
        };
        i == self.focus
            && match widget {
                Widget::Pick { options, .. } => {
                    !options.contains(&input.value.as_str())
                        && !Widget::pick_matches(options, &input.value).is_empty()
                }
                Widget::People(p) => !input.value.trim().is_empty() && !p.matches(input).is_empty(),
                _ => false,
            }
    }

    pub fn set(&mut self, i: usize, value: &str) {
        if let Some(t) = self.inputs.get_mut(i) {
            *t = TextInput::with(value);
            self.edited();
        }
    }

    fn edited(&mut self) {
        self.dirty = true;
        self.confirm_leave = false;
    }

    /// Field `i` changed: a widget that reads something for its text reads it again.
    fn edited_at(&mut self, i: usize) {
        self.edited();
        if let (Some(Widget::Files(picker)), Some(input)) =
            (self.widgets.get_mut(i), self.inputs.get(i))
        {
            picker.refresh(&input.value);
        }
    }

    /// The input was submitted: leaving no longer loses anything.
    pub fn saved(&mut self) {
        self.dirty = false;
        self.confirm_leave = false;
    }

    fn next(&mut self) {
        let n = self.inputs.len().max(1);
        self.focus = (self.focus + 1) % n;
    }

    fn prev(&mut self) {
        let n = self.inputs.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Pasted text goes in at the cursor (line breaks only in a multi-line field).
    pub fn paste(&mut self, text: &str) -> FormStep {
        let (Some(input), Some(widget)) = (
            self.inputs.get_mut(self.focus),
            self.widgets.get(self.focus),
        ) else {
            return stay();
        };
        let joiner = if matches!(widget, Widget::People(_)) {
            ","
        } else {
            " "
        };
        input.paste(text, widget.multiline(), joiner);
        self.edited_at(self.focus);
        FormStep::Edited
    }

    pub fn handle(&mut self, a: UiAction) -> FormStep {
        let at = self.focus;
        let last = self.focus + 1 >= self.inputs.len();
        let (Some(input), Some(widget)) = (
            self.inputs.get_mut(self.focus),
            self.widgets.get_mut(self.focus),
        ) else {
            return match a {
                UiAction::Submit => FormStep::Submit,
                UiAction::Back => FormStep::Leave,
                other => FormStep::Other(other),
            };
        };
        let edited = match (a, widget) {
            (UiAction::NextField, _) => {
                self.next();
                false
            }
            (UiAction::PrevField, _) => {
                self.prev();
                false
            }
            // Space flips, ticks or picks in the widgets that choose.
            (UiAction::Input(' '), Widget::Toggle)
            | (UiAction::CursorLeft | UiAction::CursorRight, Widget::Toggle) => {
                Widget::flip(input);
                true
            }
            (UiAction::Input(' '), Widget::Checks { options, sel }) => {
                let option = options.get(*sel).copied().unwrap_or_default();
                Widget::tick(options, input, option);
                true
            }
            (UiAction::Input(' '), Widget::People(p)) => {
                p.toggle(input);
                true
            }
            (UiAction::Input(c), w) => {
                // Typing over a value the widget set (a picked option, 是/否) starts afresh.
                let set_by_widget = match w {
                    Widget::Pick { options, .. } => options.contains(&input.value.as_str()),
                    Widget::Toggle => matches!(input.value.as_str(), "是" | "否"),
                    _ => false,
                };
                if set_by_widget && input.cursor() == input.value.chars().count() {
                    *input = TextInput::default();
                }
                input.push(c);
                match w {
                    Widget::Pick { sel, .. } => *sel = 0,
                    Widget::People(p) => p.sel = 0,
                    _ => {}
                }
                true
            }
            (UiAction::DeleteBack, Widget::People(p)) if input.value.is_empty() => {
                p.chosen.pop();
                true
            }
            (UiAction::DeleteBack, _) => {
                input.backspace();
                true
            }
            (UiAction::DeleteForward, _) => {
                input.delete();
                true
            }
            (UiAction::CursorLeft, _) => {
                input.left();
                false
            }
            (UiAction::CursorRight, _) => {
                input.right();
                false
            }
            (UiAction::CursorHome, _) => {
                input.home();
                false
            }
            (UiAction::CursorEnd, _) => {
                input.end();
                false
            }
            (UiAction::WordLeft, _) => {
                input.word_left();
                false
            }
            (UiAction::WordRight, _) => {
                input.word_right();
                false
            }
            (UiAction::SelectLeft, _) => {
                input.select(TextInput::left);
                false
            }
            (UiAction::SelectRight, _) => {
                input.select(TextInput::right);
                false
            }
            (UiAction::SelectHome, _) => {
                input.select(TextInput::home);
                false
            }
            (UiAction::SelectEnd, _) => {
                input.select(TextInput::end);
                false
            }
            (UiAction::SelectAll, _) => {
                input.select_all();
                false
            }
            (UiAction::Up, w) => {
                let moved = match w {
                    Widget::Lines => input.up(),
                    Widget::Pick { sel, .. } | Widget::Checks { sel, .. } if *sel > 0 => {
                        *sel -= 1;
                        true
                    }
                    Widget::People(p) if p.sel > 0 => {
                        p.sel -= 1;
                        true
                    }
                    Widget::Files(p) if p.sel > 0 => {
                        p.sel -= 1;
                        true
                    }
                    _ => false,
                };
                if !moved {
                    self.prev();
                }
                false
            }
            (UiAction::Down, w) => {
                let n = match w {
                    Widget::Pick { options, .. } => {
                        Widget::pick_matches(options, &input.value).len()
                    }
                    Widget::Checks { options, .. } => options.len(),
                    Widget::People(p) => p.matches(input).len(),
                    Widget::Files(p) => p.entries.len(),
                    _ => 0,
                };
                let moved = match w {
                    Widget::Lines => input.down(),
                    Widget::Pick { sel, .. } | Widget::Checks { sel, .. } if *sel + 1 < n => {
                        *sel += 1;
                        true
                    }
                    Widget::People(p) if p.sel + 1 < n => {
                        p.sel += 1;
                        true
                    }
                    Widget::Files(p) if p.sel + 1 < n => {
                        p.sel += 1;
                        true
                    }
                    _ => false,
                };
                if !moved {
                    self.next();
                }
                false
            }
            // Enter: a new line in a multi-line field; in a list it picks; else it moves on
            // (and submits from the last field).
            (UiAction::NewLine, Widget::Lines) => {
                input.new_line();
                true
            }
            (UiAction::NewLine, Widget::Pick { options, sel }) => {
                let matches = Widget::pick_matches(options, &input.value);
                let Some(option) = matches.get(*sel).copied() else {
                    return stay();
                };
                let changed = input.value != option;
                *input = TextInput::with(option);
                *sel = options.iter().position(|o| *o == option).unwrap_or(0);
                if !last {
                    self.next();
                }
                changed
            }
            (UiAction::NewLine, Widget::Files(p)) if p.wants_enter(&input.value) => {
                match p.choose(&input.value) {
                    Some(text) => {
                        *input = TextInput::with(&text);
                        true
                    }
                    None => false,
                }
            }
            (UiAction::NewLine, Widget::People(p)) if !input.value.trim().is_empty() => {
                p.toggle(input);
                true
            }
            (UiAction::NewLine, _) if last => return FormStep::Submit,
            (UiAction::NewLine, _) => {
                self.next();
                false
            }
            (UiAction::Submit, _) => return FormStep::Submit,
            (UiAction::Back | UiAction::Quit, _) => {
                if self.dirty && !self.confirm_leave {
                    self.confirm_leave = true;
                    return FormStep::Done(Box::new(Outcome::Status(self.leave_prompt.clone())));
                }
                return if a == UiAction::Quit {
                    FormStep::Done(Box::new(Outcome::Quit))
                } else {
                    FormStep::Leave
                };
            }
            (other, _) => return FormStep::Other(other),
        };
        if edited {
            self.edited_at(at);
            FormStep::Edited
        } else {
            stay()
        }
    }
}
