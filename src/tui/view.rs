//! The one trait every screen implements. A screen keeps its own state; `handle` is where
//! it reads and writes (through the desk in `Env`), `reload` refreshes its data when a
//! screen above it closes, and `draw` only reads the state — no IO on the render path.
//! The app asks the top screen for its keymap `section` and whether keys type text.

use ratatui::layout::Rect;
use ratatui::Frame;

use super::action::UiAction;
use super::app::{Env, Outcome};

pub trait View {
    /// The screen's name in the title bar.
    fn title(&self) -> String;
    /// The keymap section of the screen in its current mode (`assets/keymap.toml`).
    fn section(&self) -> &'static str;
    /// Whether plain characters are typed into a field (they arrive as
    /// `UiAction::Input` / `UiAction::DeleteBack` instead of through the keymap).
    fn takes_text(&self) -> bool {
        false
    }
    /// Whether `a` does something on this screen now; the key bar and the help overlay
    /// leave out the keys that would not (no 选演示用户 outside the demo).
    fn acts(&self, _a: UiAction) -> bool {
        true
    }
    /// One action; loads or saves through `env.desk` and says what the app does next.
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome;
    /// Text pasted from the terminal (bracketed paste), for the focused field.
    fn paste(&mut self, _text: &str, _env: &mut Env) -> Outcome {
        Outcome::Stay
    }
    /// The screen above this one closed: load the data again.
    fn reload(&mut self, _env: &mut Env) {}
    /// Whether the screen has work left that it does in steps between frames (a batch).
    fn busy(&self) -> bool {
        false
    }
    /// One step of that work; the app draws a frame and reads keys between steps.
    fn step(&mut self, _env: &mut Env) -> Outcome {
        Outcome::Stay
    }
    /// Draws from state only.
    fn draw(&self, f: &mut Frame, area: Rect);
}

impl<T: View + ?Sized> View for Box<T> {
    fn title(&self) -> String {
        (**self).title()
    }
    fn section(&self) -> &'static str {
        (**self).section()
    }
    fn takes_text(&self) -> bool {
        (**self).takes_text()
    }
    fn acts(&self, a: UiAction) -> bool {
        (**self).acts(a)
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        (**self).handle(a, env)
    }
    fn paste(&mut self, text: &str, env: &mut Env) -> Outcome {
        (**self).paste(text, env)
    }
    fn reload(&mut self, env: &mut Env) {
        (**self).reload(env)
    }
    fn busy(&self) -> bool {
        (**self).busy()
    }
    fn step(&mut self, env: &mut Env) -> Outcome {
        (**self).step(env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        (**self).draw(f, area)
    }
}
