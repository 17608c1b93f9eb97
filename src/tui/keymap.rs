//! Keymaps as data: the embedded `assets/keymap.toml`, to which the user's file adds
//! bindings per screen (yazi's prepend/append: `prepend` — or `bindings` — go before the
//! defaults and so win, `append` after them). A file naming an unknown screen or key is an
//! error naming its line. The help overlay, the hint bar and the key letters in messages
//! read the same table, so they cannot drift from the keys that work.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use toml::Spanned;

use super::action::UiAction;

pub const DEFAULT: &str = include_str!("../../assets/keymap.toml");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub on: String,
    pub run: UiAction,
    pub desc: String,
}

/// A binding as written, with where its key name is (for the error's line).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBinding {
    on: Spanned<String>,
    run: UiAction,
    desc: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    #[serde(default)]
    bindings: Vec<RawBinding>,
    #[serde(default)]
    prepend: Vec<RawBinding>,
    #[serde(default)]
    append: Vec<RawBinding>,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    sections: BTreeMap<String, Vec<Binding>>,
}

/// The keys with names (besides single characters), as written in the file.
const NAMED: [(&str, KeyCode); 15] = [
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("space", KeyCode::Char(' ')),
];

/// A key as written in the file: `j`, `G`, `enter`, `ctrl-c`.
pub fn key_name(k: &KeyEvent) -> Option<String> {
    let base = match k.code {
        KeyCode::Char(c) if c != ' ' => c.to_string(),
        code => NAMED.iter().find(|(_, kc)| *kc == code)?.0.to_string(),
    };
    Some(if k.modifiers.contains(KeyModifiers::CONTROL) {
        format!("ctrl-{base}")
    } else if k.modifiers.contains(KeyModifiers::SHIFT) && SHIFTABLE.contains(&base.as_str()) {
        format!("shift-{base}")
    } else {
        base
    })
}

/// The named keys a binding may take with `shift-` (selection in a field); Shift with a
/// character is the character itself, and Shift-Tab is `backtab`.
const SHIFTABLE: [&str; 6] = ["left", "right", "home", "end", "up", "down"];

/// Whether `name` is a key `key_name` can produce.
fn is_key_name(name: &str) -> bool {
    if let Some(base) = name.strip_prefix("shift-") {
        return SHIFTABLE.contains(&base);
    }
    let base = name.strip_prefix("ctrl-").unwrap_or(name);
    let mut chars = base.chars();
    let single =
        matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_control() && c != ' ');
    single || NAMED.iter().any(|(n, _)| *n == base)
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

/// How a key is named in a Chinese message: `Esc`, `回车`, `Tab`, else as written.
pub fn shown(key: &str) -> String {
    if let Some(base) = key.strip_prefix("ctrl-") {
        return format!("Ctrl-{}", shown(base).to_uppercase());
    }
    if let Some(base) = key.strip_prefix("shift-") {
        return format!("Shift-{}", shown(base));
    }
    match key {
        "esc" => "Esc".into(),
        "enter" => "回车".into(),
        "tab" => "Tab".into(),
        "backtab" => "Shift-Tab".into(),
        "space" => "空格".into(),
        "up" => "上".into(),
        "down" => "下".into(),
        "left" => "左".into(),
        "right" => "右".into(),
        "pageup" => "上翻页".into(),
        "pagedown" => "下翻页".into(),
        "home" => "Home".into(),
        "end" => "End".into(),
        "backspace" => "退格".into(),
        "delete" => "Delete".into(),
        k => k.into(),
    }
}

/// A space-separated list of key names as a clerk reads them (`j 下`, `Esc`, `回车`).
pub fn shown_keys(keys: &str) -> String {
    keys.split(' ')
        .filter(|k| !k.is_empty())
        .map(shown)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Per section: the bindings that go before the defaults, and those that go after.
type Parsed = BTreeMap<String, (Vec<Binding>, Vec<Binding>)>;

/// Reads a keymap file: every key name checked, screens checked against `known` (if
/// given). Errors name the line.
fn parse_file(
    text: &str,
    known: Option<&BTreeMap<String, Vec<Binding>>>,
) -> Result<Parsed, String> {
    let raw: BTreeMap<String, Section> =
        toml::from_str(text).map_err(|e| format!("按键配置格式错误：{e}"))?;
    let mut out = Parsed::new();
    for (name, section) in raw {
        if let Some(known) = known.filter(|k| !k.contains_key(&name)) {
            let line = text
                .lines()
                .position(|l| {
                    l.trim()
                        .trim_start_matches('[')
                        .trim_end_matches(']')
                        .trim()
                        == name
                })
                .map_or(String::new(), |i| format!("第 {} 行", i + 1));
            return Err(format!(
                "按键配置{line}：没有名为“{name}”的界面（可用：{}）",
                known.keys().cloned().collect::<Vec<_>>().join(" ")
            ));
        }
        let check = |list: Vec<RawBinding>| -> Result<Vec<Binding>, String> {
            list.into_iter()
                .map(|b| {
                    if !is_key_name(b.on.get_ref()) {
                        return Err(format!(
                            "按键配置第 {} 行：没有名为“{}”的键（可用：单个字符，或 {}，可加 ctrl- 前缀；left right home end up down 可加 shift- 前缀）",
                            line_of(text, b.on.span().start),
                            b.on.get_ref(),
                            NAMED.map(|(n, _)| n).join(" ")
                        ));
                    }
                    Ok(Binding {
                        on: b.on.into_inner(),
                        run: b.run,
                        desc: b.desc,
                    })
                })
                .collect()
        };
        let Section {
            bindings,
            prepend,
            append,
        } = section;
        let mut front = check(prepend)?;
        front.extend(check(bindings)?);
        out.insert(name, (front, check(append)?));
    }
    Ok(out)
}

impl Keymap {
    /// Parses a whole keymap (the default's shape); a bad file is an error naming the line.
    pub fn parse(text: &str) -> Result<Keymap, String> {
        Ok(Keymap {
            sections: parse_file(text, None)?
                .into_iter()
                .map(|(k, (mut front, back))| {
                    front.extend(back);
                    (k, front)
                })
                .collect(),
        })
    }

    /// The embedded default, with the user's file (if any) adding to its sections: the
    /// file's `prepend`/`bindings` before the defaults (they win), its `append` after.
    pub fn load(user_file: Option<&str>) -> Result<Keymap, String> {
        let mut map = Keymap::parse(DEFAULT)?;
        if let Some(text) = user_file {
            for (name, (front, back)) in parse_file(text, Some(&map.sections))? {
                let defaults = map.sections.remove(&name).unwrap_or_default();
                let mut merged = front;
                merged.extend(defaults);
                merged.extend(back);
                map.sections.insert(name, merged);
            }
        }
        Ok(map)
    }

    /// The action `key` runs on `screen` (the screen's own bindings first, then global).
    pub fn action(&self, screen: &str, key: &KeyEvent) -> Option<UiAction> {
        let name = key_name(key)?;
        let find = |name: &str| {
            [screen, "global"]
                .iter()
                .filter_map(|s| self.sections.get(*s))
                .flatten()
                .find(|b| b.on == name)
                .map(|b| b.run)
        };
        // A shifted key no screen binds acts as the key itself (Shift-↓ in a list).
        find(&name).or_else(|| name.strip_prefix("shift-").and_then(find))
    }

    /// The key a message names for `action` on `screen`: the first plain key bound to it
    /// (else the first with ctrl-), as a clerk reads it (`Esc`, `回车`, `q`).
    pub fn key_label(&self, screen: &str, action: UiAction) -> String {
        let bound: Vec<&Binding> = [screen, "global"]
            .iter()
            .filter_map(|s| self.sections.get(*s))
            .flatten()
            .filter(|b| b.run == action && self.action(screen, &key_of(&b.on)) == Some(action))
            .collect();
        bound
            .iter()
            .find(|b| !b.on.starts_with("ctrl-"))
            .or(bound.first())
            .map_or_else(|| "（未设按键）".to_string(), |b| shown(&b.on))
    }

    /// The key a message names for `action` on a screen where single characters are typed
    /// into a field: the first named or ctrl- key bound to it.
    pub fn key_label_not_typed(&self, screen: &str, action: UiAction) -> String {
        [screen, "global"]
            .iter()
            .filter_map(|s| self.sections.get(*s))
            .flatten()
            .find(|b| {
                b.run == action
                    && b.on.chars().count() > 1
                    && self.action(screen, &key_of(&b.on)) == Some(action)
            })
            .map_or_else(|| "（未设按键）".to_string(), |b| shown(&b.on))
    }

    /// Bindings shown for `screen`: its own, then the global ones, one line per action.
    pub fn help(&self, screen: &str) -> Vec<(String, String)> {
        self.help_where(screen, &|_| true)
    }

    /// The bindings of `screen` whose action acts there now (`View::acts`): no key is
    /// offered that would do nothing.
    pub fn help_where(
        &self,
        screen: &str,
        acts: &dyn Fn(UiAction) -> bool,
    ) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        // A key bound twice runs its first binding (the screen's before the global one):
        // only that one is shown.
        let mut seen: Vec<&str> = Vec::new();
        for b in [screen, "global"]
            .iter()
            .filter_map(|s| self.sections.get(*s))
            .flatten()
            .filter(|b| acts(b.run))
        {
            if seen.contains(&b.on.as_str()) {
                continue;
            }
            seen.push(&b.on);
            match out.iter_mut().find(|(_, d)| *d == b.desc) {
                Some((keys, _)) => {
                    if !keys.split(' ').any(|k| k == b.on) {
                        keys.push(' ');
                        keys.push_str(&b.on);
                    }
                }
                None => out.push((b.on.clone(), b.desc.clone())),
            }
        }
        out
    }
}

/// The key event a (checked) key name stands for.
fn key_of(name: &str) -> KeyEvent {
    let (mods, base) = match (name.strip_prefix("ctrl-"), name.strip_prefix("shift-")) {
        (Some(b), _) => (KeyModifiers::CONTROL, b),
        (None, Some(b)) => (KeyModifiers::SHIFT, b),
        (None, None) => (KeyModifiers::NONE, name),
    };
    let code = NAMED
        .iter()
        .find(|(n, _)| *n == base)
        .map(|(_, c)| *c)
        .or_else(|| base.chars().next().map(KeyCode::Char))
        .unwrap_or(KeyCode::Null);
    KeyEvent::new(code, mods)
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
    fn user_file_adds_to_a_section_and_keeps_the_other_defaults() {
        let user = "[cases]\nbindings = [{ on = \"x\", run = \"down\", desc = \"下移\" }]\n";
        let k = Keymap::load(Some(user)).unwrap();
        assert_eq!(
            k.action("cases", &key(KeyCode::Char('x'))),
            Some(UiAction::Down)
        );
        assert_eq!(
            k.action("cases", &key(KeyCode::Char('j'))),
            Some(UiAction::Down)
        );
        assert_eq!(
            k.action("cases", &key(KeyCode::Char('/'))),
            Some(UiAction::Search)
        );
        assert!(k
            .help("cases")
            .iter()
            .any(|(keys, d)| keys == "x j down" && d == "下移"));
    }

    #[test]
    fn prepend_wins_over_a_default_and_append_only_fills_gaps() {
        let user = "[cases]\nprepend = [{ on = \"j\", run = \"bottom\", desc = \"最后一条\" }]\nappend = [{ on = \"k\", run = \"top\", desc = \"第一条\" }, { on = \"z\", run = \"top\", desc = \"第一条\" }]\n";
        let k = Keymap::load(Some(user)).unwrap();
        let on = |c| k.action("cases", &key(KeyCode::Char(c)));
        assert_eq!(on('j'), Some(UiAction::Bottom));
        assert_eq!(on('k'), Some(UiAction::Up), "the default k stays");
        assert_eq!(on('z'), Some(UiAction::Top));
    }

    #[test]
    fn an_unknown_key_name_is_an_error_naming_its_line() {
        let user = "[cases]\nbindings = [\n  { on = \"x\", run = \"down\", desc = \"下移\" },\n  { on = \"ctrl-entr\", run = \"up\", desc = \"上移\" },\n]\n";
        let e = Keymap::load(Some(user)).unwrap_err();
        assert!(e.contains("第 4 行"), "{e}");
        assert!(e.contains("ctrl-entr"), "{e}");
    }

    #[test]
    fn an_unknown_section_is_an_error_naming_its_line() {
        let user =
            "# mine\n\n[casse]\nbindings = [{ on = \"x\", run = \"down\", desc = \"下移\" }]\n";
        let e = Keymap::load(Some(user)).unwrap_err();
        assert!(e.contains("第 3 行") && e.contains("casse"), "{e}");
    }

    #[test]
    fn key_labels_follow_the_keymap() {
        let k = Keymap::load(None).unwrap();
        assert_eq!(k.key_label("form", UiAction::Submit), "回车");
        assert_eq!(k.key_label("form", UiAction::Back), "Esc");
        assert_eq!(k.key_label("cases", UiAction::Quit), "q");
        let user = "[global]\nprepend = [{ on = \"x\", run = \"quit\", desc = \"退出\" }]\n";
        let k = Keymap::load(Some(user)).unwrap();
        assert_eq!(k.key_label("cases", UiAction::Quit), "x");
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
