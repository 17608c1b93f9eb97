//! Keymaps as data: the embedded `assets/keymap.toml`, optionally patched per screen by the
//! user's file. The help overlay and the hint bar read the same table, so they cannot drift
//! from the keys that work.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::UiAction;

pub const DEFAULT: &str = include_str!("../../assets/keymap.toml");

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binding {
    pub on: String,
    pub run: UiAction,
    pub desc: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    bindings: Vec<Binding>,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    sections: BTreeMap<String, Vec<Binding>>,
}

/// A key as written in the file: `j`, `G`, `enter`, `ctrl-c`.
pub fn key_name(k: &KeyEvent) -> Option<String> {
    let base = match k.code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "enter".into(),
        KeyCode::Esc => "esc".into(),
        KeyCode::Tab => "tab".into(),
        KeyCode::BackTab => "backtab".into(),
        KeyCode::Up => "up".into(),
        KeyCode::Down => "down".into(),
        KeyCode::Left => "left".into(),
        KeyCode::Right => "right".into(),
        KeyCode::PageUp => "pageup".into(),
        KeyCode::PageDown => "pagedown".into(),
        KeyCode::Home => "home".into(),
        KeyCode::End => "end".into(),
        KeyCode::Backspace => "backspace".into(),
        _ => return None,
    };
    Some(if k.modifiers.contains(KeyModifiers::CONTROL) {
        format!("ctrl-{base}")
    } else {
        base
    })
}

impl Keymap {
    /// Parses a keymap file; a bad file is an error naming the problem.
    pub fn parse(text: &str) -> Result<Keymap, String> {
        let sections: BTreeMap<String, Section> =
            toml::from_str(text).map_err(|e| format!("按键配置格式错误：{e}"))?;
        Ok(Keymap {
            sections: sections.into_iter().map(|(k, v)| (k, v.bindings)).collect(),
        })
    }

    /// The embedded default, with the user's file (if any) replacing whole sections.
    pub fn load(user_file: Option<&str>) -> Result<Keymap, String> {
        let mut map = Keymap::parse(DEFAULT)?;
        if let Some(text) = user_file {
            let user = Keymap::parse(text)?;
            for (k, v) in user.sections {
                map.sections.insert(k, v);
            }
        }
        Ok(map)
    }

    /// The action `key` runs on `screen` (the screen's own bindings first, then global).
    pub fn action(&self, screen: &str, key: &KeyEvent) -> Option<UiAction> {
        let name = key_name(key)?;
        [screen, "global"]
            .iter()
            .filter_map(|s| self.sections.get(*s))
            .flatten()
            .find(|b| b.on == name)
            .map(|b| b.run)
    }

    /// Bindings shown for `screen`: its own, then the global ones, one line per action.
    pub fn help(&self, screen: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for b in [screen, "global"]
            .iter()
            .filter_map(|s| self.sections.get(*s))
            .flatten()
        {
            match out.iter_mut().find(|(_, d)| *d == b.desc) {
                Some((keys, _)) => {
                    keys.push(' ');
                    keys.push_str(&b.on);
                }
                None => out.push((b.on.clone(), b.desc.clone())),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn default_keymap_parses_and_maps_vim_and_arrow_keys() {
        let k = Keymap::load(None).unwrap();
        assert_eq!(
            k.action("cases", &key(KeyCode::Char('j'))),
            Some(UiAction::Down)
        );
        assert_eq!(k.action("cases", &key(KeyCode::Down)), Some(UiAction::Down));
        assert_eq!(
            k.action("cases", &key(KeyCode::Char('G'))),
            Some(UiAction::Bottom)
        );
        assert_eq!(
            k.action("cases", &key(KeyCode::Char('/'))),
            Some(UiAction::Search)
        );
        assert_eq!(
            k.action("case", &key(KeyCode::Esc)),
            Some(UiAction::Back),
            "global"
        );
        assert_eq!(
            k.action("cases", &key(KeyCode::Char('?'))),
            Some(UiAction::Help)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(k.action("form", &ctrl_c), Some(UiAction::Quit));
    }

    #[test]
    fn user_file_replaces_a_section() {
        let user = "[cases]\nbindings = [{ on = \"x\", run = \"down\", desc = \"下移\" }]\n";
        let k = Keymap::load(Some(user)).unwrap();
        assert_eq!(
            k.action("cases", &key(KeyCode::Char('x'))),
            Some(UiAction::Down)
        );
        assert_eq!(k.action("cases", &key(KeyCode::Char('j'))), None);
    }

    #[test]
    fn bad_files_are_rejected_with_a_reason() {
        let e = Keymap::load(Some(
            "[cases]\nbindings = [{ on = \"x\", run = \"fly\", desc = \"\" }]\n",
        ))
        .unwrap_err();
        assert!(e.contains("按键配置"), "{e}");
    }

    #[test]
    fn help_lists_every_binding_of_the_screen() {
        let k = Keymap::load(None).unwrap();
        let help = k.help("cases");
        assert!(help.iter().any(|(keys, d)| keys == "j down" && d == "下移"));
        assert!(help.iter().any(|(keys, d)| keys == "/" && d == "搜索"));
        assert!(help.iter().any(|(_, d)| d == "帮助"));
    }
}
