//! A document as laid out on paper, independent of the output format: the agency line, the
//! title, the number, then blocks. The text and PDF renderers read only this.

use serde::Serialize;

use super::DocKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Label–value rows, printed as a ruled table (forms such as 立案审批表).
    Fields { rows: Vec<(String, String)> },
    /// A paragraph of running text, indented two characters.
    Para { text: String },
    /// A bold sub-heading inside the document.
    Heading { text: String },
    /// A table with a header row (清单, 目录, 送达 lines).
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Signature lines (`承办人：` … with space to sign).
    Signatures { lines: Vec<String> },
    /// A label and a long machine value (the audit chain's 64-digit hash) on a line of its
    /// own in a smaller face, so it stays inside the margin and can be copied by hand.
    Digest { label: String, value: String },
    /// Right-aligned closing lines: agency name and date (with the seal over them).
    Closing { lines: Vec<String> },
}

/// One printed document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paper {
    pub kind: DocKind,
    /// Agency name printed above the title.
    pub agency: String,
    pub title: String,
    /// `合综执罚决〔2026〕12号`, where the document is numbered.
    pub number: Option<String>,
    pub blocks: Vec<Block>,
    /// Which instance of a repeated document (2nd 询问笔录 …), for the 目录's remark column.
    pub note: String,
    /// The date the document carries, as printed (`2026年9月28日`), for the 目录.
    pub date: String,
    /// Set a size smaller to keep a sheet on one page (the 案件摘要).
    pub compact: bool,
}

impl Paper {
    pub fn new(kind: DocKind, agency: &str, number: Option<String>) -> Paper {
        Paper {
            kind,
            agency: agency.to_string(),
            title: kind.name().to_string(),
            number,
            blocks: Vec::new(),
            note: String::new(),
            date: String::new(),
            compact: false,
        }
    }

    pub fn fields<K: Into<String>, V: Into<String>>(
        &mut self,
        rows: impl IntoIterator<Item = (K, V)>,
    ) -> &mut Self {
        self.blocks.push(Block::Fields {
            rows: rows
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        });
        self
    }

    pub fn para(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Para { text: text.into() });
        self
    }

    pub fn heading(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading { text: text.into() });
        self
    }

    pub fn table(&mut self, header: &[&str], rows: Vec<Vec<String>>) -> &mut Self {
        self.blocks.push(Block::Table {
            header: header.iter().map(|s| s.to_string()).collect(),
            rows,
        });
        self
    }

    pub fn signatures<S: Into<String>>(&mut self, lines: impl IntoIterator<Item = S>) -> &mut Self {
        self.blocks.push(Block::Signatures {
            lines: lines.into_iter().map(Into::into).collect(),
        });
        self
    }

    pub fn digest(&mut self, label: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Digest {
            label: label.into(),
            value: value.into(),
        });
        self
    }

    pub fn closing(&mut self, agency: &str, date: &str) -> &mut Self {
        self.blocks.push(Block::Closing {
            lines: vec![agency.to_string(), date.to_string()],
        });
        self
    }

    /// Every piece of text the document prints, with the name of the field it belongs to,
    /// for the font-coverage check (a character no font has is refused naming its field).
    pub fn texts(&self) -> Vec<(String, &str)> {
        let mut out = vec![
            ("机关名称".to_string(), self.agency.as_str()),
            ("标题".to_string(), self.title.as_str()),
        ];
        if let Some(n) = &self.number {
            out.push(("文号".to_string(), n.as_str()));
        }
        for b in &self.blocks {
            match b {
                Block::Fields { rows } => {
                    for (k, v) in rows {
                        out.push((k.clone(), k.as_str()));
                        out.push((k.clone(), v.as_str()));
                    }
                }
                Block::Para { text } => out.push(("正文".to_string(), text)),
                Block::Heading { text } => out.push(("小标题".to_string(), text)),
                Block::Digest { label, value } => {
                    out.push(("正文".to_string(), label));
                    out.push(("正文".to_string(), value));
                }
                Block::Table { header, rows } => {
                    for h in header {
                        out.push(("表头".to_string(), h));
                    }
                    for r in rows {
                        for (i, c) in r.iter().enumerate() {
                            let label = header.get(i).cloned().unwrap_or_else(|| "表格".into());
                            out.push((label, c));
                        }
                    }
                }
                Block::Signatures { lines } | Block::Closing { lines } => {
                    for l in lines {
                        out.push(("签署栏".to_string(), l));
                    }
                }
            }
        }
        out
    }
}
