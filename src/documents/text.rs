//! Plain-text layout of documents, for previews, terminals and `--format txt`: 72 columns
//! (36 Chinese characters), 44 lines a page, pages separated by a form feed, page numbers
//! at the bottom right where the case file numbers its pages.

use unicode_width::UnicodeWidthStr;

use crate::domain::documents::casefile::{self, CaseFile};
use crate::domain::documents::{Block, DocCtx, DocError, Paper};

pub const WIDTH: usize = 72;
pub const PAGE_LINES: usize = 44;

fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn center(s: &str) -> String {
    let pad = WIDTH.saturating_sub(width(s)) / 2;
    format!("{}{s}", " ".repeat(pad))
}

fn right(s: &str) -> String {
    let pad = WIDTH.saturating_sub(width(s));
    format!("{}{s}", " ".repeat(pad))
}

/// Wraps `text` to `cols` display columns, starting the first line with `first` and the
/// rest with `rest`. A run of Latin letters and digits is never split ("2026年" stays
/// whole), and closing punctuation hangs at the end of a line rather than starting the next.
fn wrap(text: &str, first: &str, rest: &str, cols: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (n, para) in text.split('\n').enumerate() {
        let mut line = if n == 0 {
            first.to_string()
        } else {
            rest.to_string()
        };
        let mut w = width(&line);
        for c in para.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if w + cw > cols && w > width(rest) && !hangs(c) {
                let word = if c.is_ascii_alphanumeric() {
                    trailing_word(&line)
                } else {
                    0
                };
                let head_len = line.len() - word;
                if word > 0 && width(&line[..head_len]) > width(rest) {
                    let carried = line.split_off(head_len);
                    out.push(std::mem::replace(&mut line, format!("{rest}{carried}")));
                } else {
                    out.push(std::mem::replace(&mut line, rest.to_string()));
                }
                w = width(&line);
            }
            line.push(c);
            w += cw;
        }
        out.push(line);
    }
    out
}

/// Punctuation that may not start a line (GB/T 15834 禁则): it stays on the line before.
fn hangs(c: char) -> bool {
    "，。、；：？！）》」』〕】”’,.;:?!)".contains(c)
}

/// Bytes of the run of ASCII letters, digits, `.` and `/` at the end of `line`.
fn trailing_word(line: &str) -> usize {
    line.chars()
        .rev()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-'))
        .map(char::len_utf8)
        .sum()
}

/// The lines of one document, without pagination, each through the terminal sanitiser
/// (`text::clean`): a `--format txt` file is read in terminals and editors too, and the data
/// it quotes must not carry control characters there.
pub fn lines(p: &Paper) -> Vec<String> {
    layout(p).0.iter().map(|l| crate::text::clean(l)).collect()
}

/// The lines of a paper, and the line from which its end is kept together on one page: the
/// closing (signatures, agency and date) with the paragraph before it, as on paper.
fn layout(p: &Paper) -> (Vec<String>, usize) {
    let mut out = vec![center(&p.agency), center(&spaced(&p.title))];
    if let Some(n) = &p.number {
        out.push(right(n));
    }
    out.push(String::new());
    let mut starts = Vec::with_capacity(p.blocks.len());
    for b in &p.blocks {
        starts.push(out.len());
        match b {
            Block::Fields { rows } => {
                let label_w = rows
                    .iter()
                    .map(|(k, _)| width(k))
                    .max()
                    .unwrap_or(0)
                    .min(24);
                for (k, v) in rows {
                    let pad = label_w.saturating_sub(width(k));
                    let head = format!("{k}{}：", " ".repeat(pad));
                    let indent = " ".repeat(width(&head));
                    out.extend(wrap(v, &head, &indent, WIDTH));
                }
                out.push(String::new());
            }
            Block::Para { text } => out.extend(wrap(text, "    ", "", WIDTH)),
            Block::Digest { label, value } => {
                out.extend(wrap(label, "    ", "", WIDTH));
                out.push(format!("    {value}"));
            }
            Block::Heading { text } => {
                out.push(String::new());
                out.push(format!("【{text}】"));
            }
            Block::Table { header, rows } => {
                out.push(header.join(" | "));
                out.push("-".repeat(WIDTH));
                // Rows are not wrapped, so a column never breaks across lines.
                for r in rows {
                    out.push(r.join(" | "));
                }
                out.push(String::new());
            }
            Block::Signatures { lines } => {
                out.push(String::new());
                for l in lines {
                    out.push(format!("    {l}"));
                }
            }
            Block::Closing { lines } => {
                out.push(String::new());
                for l in lines.iter().filter(|l| !l.is_empty()) {
                    out.push(right(&format!("{l}    ")));
                }
            }
        }
    }
    let trailing = |b: &Block| matches!(b, Block::Signatures { .. } | Block::Closing { .. });
    let mut keep = p.blocks.len();
    while keep > 0 && trailing(&p.blocks[keep - 1]) {
        keep -= 1;
    }
    if keep < p.blocks.len() && keep > 0 {
        keep -= 1;
        if keep > 0 && matches!(p.blocks[keep - 1], Block::Heading { .. }) {
            keep -= 1;
        }
    }
    let keep_from = starts.get(keep).copied().unwrap_or(out.len());
    (out, keep_from)
}

/// Titles of two to four characters are spaced out as on paper: `询 问 笔 录`.
fn spaced(title: &str) -> String {
    let n = title.chars().count();
    if (2..=4).contains(&n) {
        title
            .chars()
            .map(String::from)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        title.to_string()
    }
}

/// The pages of one document: each `PAGE_LINES` long.
fn pages(p: &Paper) -> Vec<Vec<String>> {
    let body_lines = PAGE_LINES - 2;
    let (raw, keep_from) = layout(p);
    let all: Vec<String> = raw.iter().map(|l| crate::text::clean(l)).collect();
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < all.len() {
        let mut end = (pos + body_lines).min(all.len());
        // The kept end would be split: the page breaks before it instead.
        if end < all.len()
            && keep_from > pos
            && keep_from < end
            && all.len() - keep_from <= body_lines
        {
            end = keep_from;
        }
        out.push(all[pos..end].to_vec());
        pos = end;
    }
    out
}

pub fn page_count(p: &Paper) -> u32 {
    u32::try_from(pages(p).len()).unwrap_or(u32::MAX)
}

fn emit(out: &mut String, page: &[String], number: Option<u32>) {
    if !out.is_empty() {
        out.push('\u{c}');
        out.push('\n');
    }
    for l in page {
        out.push_str(l.trim_end());
        out.push('\n');
    }
    for _ in page.len()..PAGE_LINES - 1 {
        out.push('\n');
    }
    if let Some(n) = number {
        out.push_str(&right(&format!("第{n}页")));
    }
    out.push('\n');
}

/// Documents one after another, each from a new page, unnumbered.
pub fn render(papers: &[Paper]) -> String {
    let mut out = String::new();
    for p in papers {
        for page in pages(p) {
            emit(&mut out, &page, None);
        }
    }
    out
}

/// The case file: cover, 目录 and 备考表 unnumbered, documents numbered from 1.
pub fn case_file(ctx: &DocCtx<'_>) -> Result<String, DocError> {
    let file: CaseFile = casefile::assemble_with(ctx, &page_count)?;
    let mut out = render(&[file.cover, file.contents]);
    let mut n = 1;
    for d in &file.documents {
        for page in pages(d) {
            emit(&mut out, &page, Some(n));
            n += 1;
        }
    }
    for page in pages(&file.notes) {
        emit(&mut out, &page, None);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::documents::DocKind;

    /// A `--format txt` file carries no control character from the data it quotes (a name
    /// or place put into the file behind zhifa's back), and keeps its form feeds.
    #[test]
    fn text_documents_carry_no_control_characters_from_data() {
        let mut p = Paper::new(DocKind::ALL[0], "合隆镇\u{1b}[2J人民政府", None);
        p.fields([("当事人", "刘\u{1b}]0;pwned\u{7}长海")])
            .para("在\u{0}现场\u{1b}[31m检查");
        let out = render(&[p.clone(), p]);
        assert!(!out.contains(['\u{1b}', '\u{7}', '\u{0}']), "{out:?}");
        assert!(
            out.contains("刘]0;pwned长海") && out.contains('\u{c}'),
            "{out}"
        );
    }
}
