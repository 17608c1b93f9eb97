//! The one form core behind every form (a step's form, 提请立案 / 当场处罚, 添加人员):
//! the inputs, the focused field, typing, moving between fields, and asking before
//! unsaved input is left behind. A screen keeps what is its own — its labels, its checks
//! and its one "collect the values and submit" function — and passes every action here
//! first.

use super::action::UiAction;
use super::app::{Env, Outcome};
use super::input::TextInput;

#[derive(Debug, Clone, Default)]
pub struct FormCore {
    pub inputs: Vec<TextInput>,
    pub focus: usize,
    /// Something was typed since the form opened.
    pub dirty: bool,
    /// Leaving was asked for once with unsaved input; the next leave goes.
    pub confirm_leave: bool,
    /// Whether `UiAction::NewLine` puts a line break into a field.
    multiline: bool,
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

impl FormCore {
    pub fn new<S: AsRef<str>>(values: impl IntoIterator<Item = S>, env: &Env) -> FormCore {
        let keys = env.keymap;
        FormCore {
            inputs: values
                .into_iter()
                .map(|v| TextInput::with(v.as_ref()))
                .collect(),
            focus: 0,
            dirty: false,
            confirm_leave: false,
            multiline: false,
            leave_prompt: format!(
                "有未提交的内容：再按一次 {} 放弃，或按{}提交",
                keys.key_label("form", UiAction::Back),
                keys.key_label("form", UiAction::Submit)
            ),
        }
    }

    /// Fields may hold several lines (`UiAction::NewLine`).
    pub fn multiline(mut self) -> FormCore {
        self.multiline = true;
        self
    }

    /// The trimmed text of field `i`.
    pub fn value(&self, i: usize) -> String {
        self.inputs
            .get(i)
            .map(|t| t.value.trim().to_string())
            .unwrap_or_default()
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

    /// The input was submitted: leaving no longer loses anything.
    pub fn saved(&mut self) {
        self.dirty = false;
        self.confirm_leave = false;
    }

    pub fn handle(&mut self, a: UiAction) -> FormStep {
        let n = self.inputs.len().max(1);
        match a {
            UiAction::NextField => self.focus = (self.focus + 1) % n,
            UiAction::PrevField => self.focus = (self.focus + n - 1) % n,
            UiAction::Input(c) => {
                if let Some(i) = self.inputs.get_mut(self.focus) {
                    i.push(c);
                }
                self.edited();
                return FormStep::Edited;
            }
            UiAction::DeleteBack => {
                if let Some(i) = self.inputs.get_mut(self.focus) {
                    i.backspace();
                }
                self.edited();
                return FormStep::Edited;
            }
            UiAction::NewLine if self.multiline => {
                if let Some(i) = self.inputs.get_mut(self.focus) {
                    i.value.push('\n');
                }
                self.edited();
                return FormStep::Edited;
            }
            UiAction::Submit => return FormStep::Submit,
            UiAction::Back | UiAction::Quit => {
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
            other => return FormStep::Other(other),
        }
        FormStep::Done(Box::new(Outcome::Stay))
    }
}
