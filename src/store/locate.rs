//! Finds where a value sits in RON text, so that a problem found after parsing (a duplicate id,
//! a dangling reference) can still be reported with its line and column.

pub use crate::model::validate::Step;

/// A line and column, both counted from 1, columns in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// The position of the value (or field name) at `path` in `text`, if the text is well formed
/// enough to get there.
pub fn locate(text: &str, path: &[Step]) -> Option<Position> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
        line: 1,
        column: 1,
    };
    scanner.skip_trivia();
    scanner.find(path)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    column: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn position(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }

    fn bump(&mut self) {
        let Some(byte) = self.peek() else { return };
        self.pos += 1;
        if byte == b'\n' {
            self.line += 1;
            self.column = 1;
        } else if byte & 0xC0 != 0x80 {
            // Count characters, not bytes: continuation bytes do not advance the column.
            self.column += 1;
        }
    }

    fn starts_with(&self, prefix: &[u8]) -> bool {
        self.bytes
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(prefix))
    }

    /// Skips whitespace and comments.
    fn skip_trivia(&mut self) {
        loop {
            match self.peek() {
                Some(byte) if byte.is_ascii_whitespace() => self.bump(),
                Some(b'/') if self.starts_with(b"//") => {
                    while self.peek().is_some_and(|byte| byte != b'\n') {
                        self.bump();
                    }
                }
                Some(b'/') if self.starts_with(b"/*") => {
                    let mut depth = 0usize;
                    while self.peek().is_some() {
                        if self.starts_with(b"/*") {
                            depth += 1;
                            self.bump();
                            self.bump();
                        } else if self.starts_with(b"*/") {
                            depth -= 1;
                            self.bump();
                            self.bump();
                            if depth == 0 {
                                break;
                            }
                        } else {
                            self.bump();
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn identifier(&mut self) -> Option<&str> {
        let start = self.pos;
        if self.starts_with(b"r#") {
            self.bump();
            self.bump();
        }
        while self
            .peek()
            .is_some_and(|byte| byte.is_ascii_alphanumeric() || byte == b'_')
        {
            self.bump();
        }
        let word = std::str::from_utf8(self.bytes.get(start..self.pos)?).ok()?;
        (!word.is_empty()).then_some(word.trim_start_matches("r#"))
    }

    fn skip_string(&mut self) {
        // At `"`.
        self.bump();
        while let Some(byte) = self.peek() {
            self.bump();
            match byte {
                b'\\' => self.bump(),
                b'"' => return,
                _ => {}
            }
        }
    }

    fn skip_raw_string(&mut self) {
        // At `r`, followed by `#`* and `"`.
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.bump();
        }
        self.bump();
        let mut closing = vec![b'"'];
        closing.extend(std::iter::repeat_n(b'#', hashes));
        while self.peek().is_some() && !self.starts_with(&closing) {
            self.bump();
        }
        for _ in 0..closing.len() {
            self.bump();
        }
    }

    /// Skips one value of any kind.
    fn skip_value(&mut self) {
        self.find(&[]);
    }

    /// Walks one value; when `path` is empty, returns where the value starts.
    fn find(&mut self, path: &[Step]) -> Option<Position> {
        self.skip_trivia();
        let start = self.position();
        let Some((step, rest)) = path.split_first() else {
            // Still consume the value so callers can continue after it.
            self.consume_value();
            return Some(start);
        };
        // An optional struct or variant name before `(`.
        if self
            .peek()
            .is_some_and(|byte| byte.is_ascii_alphabetic() || byte == b'_')
        {
            self.identifier();
            self.skip_trivia();
        }
        match (self.peek()?, step) {
            (b'(', Step::Field(name)) => {
                self.bump();
                loop {
                    self.skip_trivia();
                    if self.peek()? == b')' {
                        self.bump();
                        return None;
                    }
                    let field_start = self.position();
                    let field = self.identifier()?.to_owned();
                    self.skip_trivia();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.bump();
                    if field == *name {
                        if rest.is_empty() {
                            return Some(field_start);
                        }
                        return self.find(rest);
                    }
                    self.skip_value();
                    self.skip_trivia();
                    if self.peek() == Some(b',') {
                        self.bump();
                    }
                }
            }
            (b'[' | b'(', Step::Index(index)) => {
                self.bump();
                let mut current = 0;
                loop {
                    self.skip_trivia();
                    if matches!(self.peek()?, b']' | b')') {
                        self.bump();
                        return None;
                    }
                    if current == *index {
                        return self.find(rest);
                    }
                    self.skip_value();
                    self.skip_trivia();
                    if self.peek() == Some(b',') {
                        self.bump();
                    }
                    current += 1;
                }
            }
            _ => None,
        }
    }

    /// Consumes a whole value: scalar, string, or bracketed group.
    fn consume_value(&mut self) {
        self.skip_trivia();
        if self.starts_with(b"r\"") || self.starts_with(b"r#\"") || self.starts_with(b"r##") {
            self.skip_raw_string();
            return;
        }
        match self.peek() {
            Some(b'"') => self.skip_string(),
            Some(b'\'') => {
                self.bump();
                while let Some(byte) = self.peek() {
                    self.bump();
                    match byte {
                        b'\\' => self.bump(),
                        b'\'' => break,
                        _ => {}
                    }
                }
            }
            Some(b'(' | b'[' | b'{') => self.skip_group(),
            Some(byte) if byte.is_ascii_alphabetic() || byte == b'_' => {
                self.identifier();
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    self.skip_group();
                }
            }
            Some(_) => {
                while self.peek().is_some_and(|byte| {
                    !matches!(byte, b',' | b')' | b']' | b'}') && !byte.is_ascii_whitespace()
                }) {
                    self.bump();
                }
            }
            None => {}
        }
    }

    fn skip_group(&mut self) {
        // At an opening bracket: skip to the matching close, minding strings and comments.
        self.bump();
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(b')' | b']' | b'}') => {
                    self.bump();
                    return;
                }
                Some(b',' | b':') => self.bump(),
                Some(_) => {
                    let before = self.pos;
                    self.consume_value();
                    if self.pos == before {
                        self.bump();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"(
    format: "milepost", // a comment with ( and [
    project: (
        name: "Über (x)",
        items: [
            (id: 1, name: "a"),
            /* skipped ] */ (id: 2, name: "b", lane: Some(3)),
        ],
    ),
)"#;

    #[test]
    fn finds_a_field() {
        let found = locate(TEXT, &[Step::Field("project"), Step::Field("items")]);
        assert_eq!(
            found,
            Some(Position { line: 5, column: 9 }),
            "items: on line 5"
        );
    }

    #[test]
    fn finds_a_field_inside_a_list_element() {
        let path = [
            Step::Field("project"),
            Step::Field("items"),
            Step::Index(1),
            Step::Field("lane"),
        ];
        assert_eq!(
            locate(TEXT, &path),
            Some(Position {
                line: 7,
                column: 48
            }),
            "lane of the second item"
        );
    }

    #[test]
    fn a_missing_path_gives_none() {
        let path = [Step::Field("project"), Step::Field("items"), Step::Index(9)];
        assert_eq!(locate(TEXT, &path), None, "there is no tenth item");
    }
}
