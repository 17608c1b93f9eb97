//! The terminal UI (ratatui + crossterm). `zhifa` with no arguments opens it on the
//! default database; `zhifa --demo` on a fresh demo copy.
//!
//! - `action.rs`: the one vocabulary of UI actions; `keymap.rs`: keys → actions, as data.
//! - `app.rs`: the screen stack and the key → action → screen → state flow;
//!   `view.rs`: the one trait every screen implements; `commands.rs`: the `:` commands.
//! - `screens/`: one module per screen (state, handler, draw).
//! - `ui.rs`: shared drawing pieces; `input.rs`: text fields; `form_core.rs`: the inputs,
//!   focus and confirm-on-leave every form shares.

pub mod action;
mod admin;
pub mod app;
pub mod choices;
pub mod commands;
pub mod daily;
pub mod exports;
pub mod file_picker;
pub mod form_core;
pub mod input;
pub mod keymap;
mod lock;
pub mod screens;
pub mod setup;
pub mod status;
pub mod ui;
pub mod view;
pub mod widgets;

use std::path::Path;

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use crate::desk::Desk;

/// The user's keymap file, if present: `<config dir>/zhifa/keymap.toml`.
fn user_keymap() -> Option<String> {
    let dirs = directories::ProjectDirs::from("cn", "zhifa", "zhifa")?;
    std::fs::read_to_string(dirs.config_dir().join("keymap.toml")).ok()
}

/// Runs the UI on the database at `path` until the user quits.
pub fn run(path: &Path, demo: bool) -> Result<(), String> {
    let desk = Desk::open(path).map_err(|e| e.to_string())?;
    let clock = daily::system_clock();
    let keymap = keymap::Keymap::load(user_keymap().as_deref())?;
    let mut app = app::App::new(desk, keymap, demo, clock()).with_clock(clock);
    app.start_daily();
    // try_init installs a panic hook that restores the terminal before the panic is printed.
    let mut terminal = ratatui::try_init().map_err(|e| format!("无法初始化终端：{e}"))?;
    // Pasted text arrives as one event (Chinese and line breaks included), not as keys.
    let _ = ratatui::crossterm::execute!(std::io::stdout(), event::EnableBracketedPaste);
    let result = (|| -> std::io::Result<()> {
        let mut last_key = std::time::Instant::now();
        while !app.quit {
            let daily_running = app.poll_daily();
            terminal.draw(|f| app.draw(f))?;
            // Woken at least once a minute so a desk left open notices a new day.
            let mut wait = app
                .idle_wait(last_key.elapsed())
                .min(std::time::Duration::from_secs(60));
            if daily_running {
                wait = wait.min(std::time::Duration::from_millis(200));
            }
            if app.busy() {
                // A batch goes on between frames; a key still answers at once.
                wait = std::time::Duration::ZERO;
            }
            if !event::poll(wait)? {
                app.step_screen();
                app.tick();
                app.on_idle(last_key.elapsed());
                continue;
            }
            match event::read()? {
                Event::Key(k) if k.kind == KeyEventKind::Press => {
                    last_key = std::time::Instant::now();
                    app.on_key(k);
                }
                Event::Paste(text) => {
                    last_key = std::time::Instant::now();
                    app.on_paste(&text);
                }
                _ => {}
            }
        }
        Ok(())
    })();
    let _ = ratatui::crossterm::execute!(std::io::stdout(), event::DisableBracketedPaste);
    ratatui::restore();
    result.map_err(|e| format!("终端错误：{e}"))
}

#[cfg(test)]
mod tests;
