//! A text input with a cursor that edits by character (never splitting a Chinese
//! character): one line, or several (`\n` in the value) for the multi-line fields.
//!
//! Written here rather than taken from `ratatui-textarea` (0.9 is built for ratatui 0.30):
//! that widget reads raw key events and draws itself, where every key of this UI goes
//! through the keymap as a `UiAction`; one small type keeps one editing model for the
//! one-line prompts, the form fields and the multi-line editors alike.

use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    /// The text. Code that replaces it directly leaves the cursor to be clamped.
    pub value: String,
    /// The cursor, in characters from the start.
    cursor: usize,
    /// The other end of the selection, if text is selected (from the cursor to here).
    anchor: Option<usize>,
}

/// Where a word ends: between a space or punctuation and anything else, and between Han
/// characters and Latin letters or digits.
fn class(c: char) -> u8 {
    if c.is_whitespace() {
        0
    } else if c.is_alphanumeric() && c.is_ascii() {
        1
    } else if c.is_alphanumeric() {
        2
    } else {
        3
    }
}

impl TextInput {
    pub fn with(value: &str) -> Self {
        TextInput {
            value: value.to_string(),
            cursor: value.chars().count(),
            anchor: None,
        }
    }

    /// The selected characters as `start..end`, if any are selected.
    pub fn selection(&self) -> Option<std::ops::Range<usize>> {
        let a = self.anchor?.min(self.len());
        let c = self.cursor();
        (a != c).then(|| a.min(c)..a.max(c))
    }

    /// Moves the cursor with `movement`, extending the selection from where it started.
    pub fn select(&mut self, movement: impl FnOnce(&mut TextInput)) {
        let anchor = self.anchor.take().unwrap_or(self.cursor());
        movement(self);
        self.anchor = Some(anchor);
    }

    /// Selects the whole text.
    pub fn select_all(&mut self) {
        self.anchor = Some(0);
        self.cursor = self.len();
    }

    /// Deletes the selected text (the cursor goes where it began); whether there was any.
    fn take_selection(&mut self) -> bool {
        self.anchor_cleared(|t| {
            let Some(r) = t.selection() else {
                return false;
            };
            let (from, to) = (t.byte_at(r.start), t.byte_at(r.end));
            t.value.replace_range(from..to, "");
            t.cursor = r.start;
            true
        })
    }

    fn anchor_cleared<T>(&mut self, f: impl FnOnce(&mut TextInput) -> T) -> T {
        let out = f(self);
        self.anchor = None;
        out
    }

    fn len(&self) -> usize {
        self.value.chars().count()
    }

    /// The cursor in characters (clamped to the text).
    pub fn cursor(&self) -> usize {
        self.cursor.min(self.len())
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.value
            .char_indices()
            .nth(char_index)
            .map_or(self.value.len(), |(b, _)| b)
    }

    /// Inserts one typed character at the cursor. Control characters and escape sequences
    /// never enter a field (a line break comes through `new_line`).
    pub fn push(&mut self, c: char) {
        if !c.is_control() {
            self.take_selection();
            let at = self.byte_at(self.cursor());
            self.value.insert(at, c);
            self.cursor = self.cursor() + 1;
        }
    }

    /// A line break at the cursor (multi-line fields only; the caller decides).
    pub fn new_line(&mut self) {
        self.take_selection();
        let at = self.byte_at(self.cursor());
        self.value.insert(at, '\n');
        self.cursor = self.cursor() + 1;
    }

    /// Pasted text at the cursor: line breaks kept when `multiline`, else each line break
    /// becomes `joiner`; other control characters are dropped.
    pub fn paste(&mut self, text: &str, multiline: bool, joiner: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let mut clean = String::new();
        for c in text.chars() {
            match c {
                '\n' if multiline => clean.push('\n'),
                '\n' => clean.push_str(joiner),
                '\t' => clean.push(' '),
                c if c.is_control() => {}
                c => clean.push(c),
            }
        }
        self.take_selection();
        let at = self.byte_at(self.cursor());
        self.value.insert_str(at, &clean);
        self.cursor = self.cursor() + clean.chars().count();
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if self.take_selection() {
            return;
        }
        let c = self.cursor();
        if c > 0 {
            let at = self.byte_at(c - 1);
            self.value.remove(at);
            self.cursor = c - 1;
        }
    }

    /// Deletes the character at the cursor.
    pub fn delete(&mut self) {
        if self.take_selection() {
            return;
        }
        let c = self.cursor();
        if c < self.len() {
            let at = self.byte_at(c);
            self.value.remove(at);
            self.cursor = c;
        }
    }

    /// One character left; with a selection, to its start (as editors do).
    pub fn left(&mut self) {
        if let Some(r) = self.selection() {
            self.anchor = None;
            self.cursor = r.start;
            return;
        }
        self.anchor = None;
        self.cursor = self.cursor().saturating_sub(1);
    }

    /// One character right; with a selection, to its end.
    pub fn right(&mut self) {
        if let Some(r) = self.selection() {
            self.anchor = None;
            self.cursor = r.end;
            return;
        }
        self.anchor = None;
        self.cursor = (self.cursor() + 1).min(self.len());
    }

    /// To the start of the cursor's line.
    pub fn home(&mut self) {
        self.anchor = None;
        let (row, _) = self.row_col();
        self.cursor = self.line_start(row);
    }

    /// To the end of the cursor's line.
    pub fn end(&mut self) {
        self.anchor = None;
        let (row, _) = self.row_col();
        self.cursor = self.line_start(row) + self.line(row).chars().count();
    }

    /// To the start of this word or the one before.
    pub fn word_left(&mut self) {
        self.anchor = None;
        let chars: Vec<char> = self.value.chars().collect();
        let mut i = self.cursor();
        while i > 0 && class(chars[i - 1]) == 0 {
            i -= 1;
        }
        if i > 0 {
            let k = class(chars[i - 1]);
            while i > 0 && class(chars[i - 1]) == k {
                i -= 1;
            }
        }
        self.cursor = i;
    }

    /// To the end of this word or the next.
    pub fn word_right(&mut self) {
        self.anchor = None;
        let chars: Vec<char> = self.value.chars().collect();
        let mut i = self.cursor();
        while i < chars.len() && class(chars[i]) == 0 {
            i += 1;
        }
        if i < chars.len() {
            let k = class(chars[i]);
            while i < chars.len() && class(chars[i]) == k {
                i += 1;
            }
        }
        self.cursor = i;
    }

    fn line(&self, row: usize) -> &str {
        self.value.split('\n').nth(row).unwrap_or("")
    }

    fn line_start(&self, row: usize) -> usize {
        self.value
            .split('\n')
            .take(row)
            .map(|l| l.chars().count() + 1)
            .sum()
    }

    /// The cursor's line and column, in characters.
    pub fn row_col(&self) -> (usize, usize) {
        let before: String = self.value.chars().take(self.cursor()).collect();
        let row = before.matches('\n').count();
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        (row, col)
    }

    pub fn rows(&self) -> usize {
        self.value.split('\n').count()
    }

    /// One line up, at the same column or the line's end; false on the first line.
    pub fn up(&mut self) -> bool {
        let (row, col) = self.row_col();
        if row == 0 {
            return false;
        }
        self.cursor = self.line_start(row - 1) + col.min(self.line(row - 1).chars().count());
        true
    }

    /// One line down; false on the last line.
    pub fn down(&mut self) -> bool {
        let (row, col) = self.row_col();
        if row + 1 >= self.rows() {
            return false;
        }
        self.cursor = self.line_start(row + 1) + col.min(self.line(row + 1).chars().count());
        true
    }

    pub fn masked(&self) -> String {
        "*".repeat(self.len())
    }

    /// The text laid out in rows of at most `width` columns (each line wrapped, a wide
    /// character never split), and the cursor's row and column in that layout.
    pub fn wrapped(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let (rows, _, at) = self.wrapped_rows(width);
        (rows, at)
    }

    /// As `wrapped`, with the index of each row's first character (for drawing a selection).
    pub fn wrapped_rows(&self, width: usize) -> (Vec<String>, Vec<usize>, (usize, usize)) {
        let width = width.max(2);
        let cursor = self.cursor();
        let mut starts = vec![0];
        let mut rows = vec![String::new()];
        let mut used = 0;
        let mut at = (0, 0);
        for (i, c) in self.value.chars().enumerate() {
            if i == cursor {
                at = (rows.len() - 1, used);
            }
            if c == '\n' {
                rows.push(String::new());
                starts.push(i + 1);
                used = 0;
                continue;
            }
            let w = c.width().unwrap_or(0);
            if used + w > width {
                rows.push(String::new());
                starts.push(i);
                used = 0;
                if i == cursor {
                    at = (rows.len() - 1, 0);
                }
            }
            if let Some(last) = rows.last_mut() {
                last.push(c);
            }
            used += w;
        }
        if cursor >= self.len() {
            if used >= width {
                rows.push(String::new());
                starts.push(self.len());
                used = 0;
            }
            at = (rows.len() - 1, used);
        }
        (rows, starts, at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_is_replaced_by_typing_and_removed_by_deleting() {
        let mut t = TextInput::with("合隆镇东岗村");
        t.home();
        t.select(TextInput::left);
        assert_eq!(t.selection(), None, "nothing left of the start");
        t.end();
        t.select(TextInput::left);
        t.select(TextInput::left);
        t.select(TextInput::left);
        assert_eq!(t.selection(), Some(3..6));
        t.push('前');
        assert_eq!(t.value, "合隆镇前");
        t.select_all();
        t.paste("东岗村3组\n", false, " ");
        assert_eq!(t.value, "东岗村3组 ");
        t.select(TextInput::word_left);
        t.backspace();
        t.select(TextInput::home);
        assert_eq!(t.selection(), Some(0..4));
        t.right();
        assert_eq!(t.selection(), None, "a plain move ends the selection");
        assert_eq!(t.cursor(), 4, "→ goes to the selection's end");
    }

    #[test]
    fn edits_by_character() {
        let mut t = TextInput::default();
        for c in "张三\u{1b}x".chars() {
            t.push(c);
        }
        assert_eq!(t.value, "张三x");
        t.backspace();
        t.backspace();
        assert_eq!(t.value, "张");
        assert_eq!(t.masked(), "*");
    }

    #[test]
    fn edits_at_the_cursor_and_moves_by_word() {
        let mut t = TextInput::with("当事人 liuchanghai 到场");
        t.home();
        assert_eq!(t.cursor(), 0);
        t.word_right();
        assert_eq!(t.cursor(), 3, "after 当事人");
        t.word_right();
        assert_eq!(t.cursor(), 15, "after the login");
        t.word_left();
        assert_eq!(t.cursor(), 4);
        t.push('x');
        assert_eq!(t.value, "当事人 xliuchanghai 到场");
        t.left();
        t.delete();
        assert_eq!(t.value, "当事人 liuchanghai 到场");
        t.end();
        t.backspace();
        assert_eq!(t.value, "当事人 liuchanghai 到");
        t.right();
        assert_eq!(t.cursor(), t.value.chars().count(), "stops at the end");
    }

    #[test]
    fn pastes_lines_only_where_lines_are_kept() {
        let mut t = TextInput::with("甲乙");
        t.left();
        t.paste("一\r\n二", false, " ");
        assert_eq!(t.value, "甲一 二乙");
        let mut m = TextInput::with("甲乙");
        m.left();
        m.paste("一\r\n二\u{7}", true, " ");
        assert_eq!(m.value, "甲一\n二乙");
        assert_eq!(m.row_col(), (1, 1));
    }

    #[test]
    fn moves_between_lines_and_wraps_wide_text() {
        let mut t = TextInput::with("第一行文字\n短");
        assert_eq!(t.row_col(), (1, 1));
        assert!(t.up());
        assert_eq!(t.row_col(), (0, 1));
        assert!(!t.up());
        t.end();
        assert!(t.down());
        assert_eq!(t.row_col(), (1, 1), "clamped to the shorter line");
        assert!(!t.down());
        // 5 wide characters in 6 columns: 3 per row, never split.
        let (rows, at) = TextInput::with("一二三四五").wrapped(7);
        assert_eq!(rows, vec!["一二三", "四五"]);
        assert_eq!(at, (1, 4));
    }

    #[test]
    fn a_value_replaced_directly_keeps_the_cursor_inside() {
        let mut t = TextInput::with("abcdef");
        t.value = "ab".into();
        t.push('c');
        assert_eq!(t.value, "abc");
        t.value.clear();
        t.backspace();
        t.left();
        assert_eq!(t.cursor(), 0);
    }
}
