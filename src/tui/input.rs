//! A one-line text input that edits by character (never splitting a Chinese character).

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub value: String,
}

impl TextInput {
    pub fn with(value: &str) -> Self {
        TextInput {
            value: value.to_string(),
        }
    }

    pub fn push(&mut self, c: char) {
        // Control characters and escape sequences never enter a field.
        if !c.is_control() {
            self.value.push(c);
        }
    }

    pub fn backspace(&mut self) {
        self.value.pop();
    }

    pub fn masked(&self) -> String {
        "*".repeat(self.value.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
