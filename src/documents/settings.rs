//! Print settings from `<config dir>/documents.toml` (optional):
//!
//! ```toml
//! title_font = "方正小标宋简体"          # family name for titles
//! body_font = "仿宋_GB2312"              # family name for body text
//! font_files = ["/usr/share/fonts/win/FANGSONG_GB2312.TTF", "/opt/fonts/FZXBSJW.TTF"]
//! ```
//!
//! Templates in `<config dir>/templates/NAME.typ` replace the bundled ones of the same name.

use std::path::PathBuf;

use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrintSettings {
    #[serde(default)]
    pub title_font: Option<String>,
    #[serde(default)]
    pub body_font: Option<String>,
    #[serde(default)]
    pub font_files: Vec<PathBuf>,
    /// Folder with `.typ` overrides (default `<config dir>/templates`).
    #[serde(skip)]
    pub templates_dir: Option<PathBuf>,
}

impl PrintSettings {
    /// Reads `documents.toml` from the config dir; absent file → defaults.
    pub fn load() -> Result<PrintSettings, String> {
        let Some(dir) = crate::paths::config_dir() else {
            return Ok(PrintSettings::default());
        };
        let path = dir.join("documents.toml");
        let mut s = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str::<PrintSettings>(&text)
                .map_err(|e| format!("打印设置文件 {} 有误：{}", path.display(), e.message()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => PrintSettings::default(),
            Err(e) => return Err(format!("无法读取打印设置文件 {}：{e}", path.display())),
        };
        s.templates_dir = Some(dir.join("templates"));
        Ok(s)
    }
}
