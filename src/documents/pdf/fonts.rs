//! Fonts for the PDF: the bundled Noto Serif SC subsets (assets/fonts, GBK and more) plus any
//! the office names in `documents.toml`; and the check that every character of a document
//! is in one of them, so a rare character is refused by name, never printed as a blank box.

use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};

use crate::documents::settings::PrintSettings;
use crate::domain::documents::Paper;

/// Family name of the bundled faces (both subsets keep the original name).
pub const BUNDLED_FAMILY: &str = "Noto Serif CJK SC";
/// Family of the small gap font for the few symbols outside the CJK face.
pub const GAP_FAMILY: &str = "DejaVu Serif";

static BUNDLED: [&[u8]; 3] = [
    include_bytes!("../../../assets/fonts/NotoSerifSC-Regular-GBK.otf"),
    include_bytes!("../../../assets/fonts/NotoSerifSC-Bold-GB2312.otf"),
    include_bytes!("../../../assets/fonts/DejaVuSerif-gap.ttf"),
];

fn bundled() -> &'static [Font] {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS.get_or_init(|| {
        BUNDLED
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect()
    })
}

#[derive(Clone)]
pub struct FontSet {
    pub fonts: Vec<Font>,
    pub book: FontBook,
    /// Family lists for the templates, preferred first.
    pub title: Vec<String>,
    pub body: Vec<String>,
}

impl FontSet {
    /// The bundled fonts, after any the office configured (which therefore win).
    pub fn load(settings: &PrintSettings) -> Result<FontSet, String> {
        let mut fonts = Vec::new();
        for path in &settings.font_files {
            let data = std::fs::read(path)
                .map_err(|e| format!("打印设置中的字体文件 {} 无法读取：{e}", path.display()))?;
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(data)));
            if fonts.len() == before {
                return Err(format!(
                    "打印设置中的字体文件 {} 不是可用的字体（TTF/OTF/TTC）",
                    path.display()
                ));
            }
        }
        fonts.extend(bundled().iter().cloned());
        let book = FontBook::from_fonts(&fonts);
        let with = |own: &Option<String>| -> Result<Vec<String>, String> {
            let mut v = Vec::new();
            if let Some(f) = own {
                if !book.contains_family(&f.to_lowercase()) {
                    return Err(format!(
                        "打印设置中的字体“{f}”没有找到：请在 font_files 中写明该字体文件的路径"
                    ));
                }
                v.push(f.clone());
            }
            v.push(BUNDLED_FAMILY.to_string());
            v.push(GAP_FAMILY.to_string());
            Ok(v)
        };
        Ok(FontSet {
            title: with(&settings.title_font)?,
            body: with(&settings.body_font)?,
            fonts,
            book,
        })
    }

    fn covers(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|f| f.info().coverage.contains(c as u32))
    }

    /// Refuses the first character no font has, naming it, its code point, the field and
    /// the document.
    pub fn check(&self, papers: &[&Paper]) -> Result<(), String> {
        for p in papers {
            for (field, text) in p.texts() {
                if let Some(c) = text
                    .chars()
                    .find(|c| !c.is_whitespace() && !c.is_control() && !self.covers(*c))
                {
                    return Err(format!(
                        "{}的“{field}”中有字符“{c}”（U+{:04X}），已配置的字体都没有这个字，不能打印：\
                         请在打印设置（documents.toml 的 font_files）中加入含该字的字体，或核对该字是否录入有误",
                        p.title, c as u32
                    ));
                }
            }
        }
        Ok(())
    }
}
