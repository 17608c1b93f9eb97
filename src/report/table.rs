//! One table (sheet name, headers, rows of text) to and from a file. The format follows the
//! extension: `.xlsx` or `.csv`.

use std::path::Path;

/// A table to write: the sheet's name, the header row and the data rows.
pub struct Table<'a> {
    pub name: &'a str,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What kind of file a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
}

pub fn format_of(path: &Path) -> Result<Format, String> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("xlsx") => Ok(Format::Xlsx),
        Some("csv") => Ok(Format::Csv),
        _ => Err(format!(
            "文件 {} 的扩展名不是 .xlsx 或 .csv；请用这两种格式之一",
            path.display()
        )),
    }
}

/// What a cell holds, decided once for both formats.
#[derive(Debug, Clone, PartialEq)]
enum Cell<'a> {
    /// Reads as a number (amounts, possibly negative): a number in XLSX, so sums work, and
    /// written as it is in CSV.
    Number(f64),
    /// Anything else: a string cell in XLSX (never a formula); in CSV, text a spreadsheet
    /// would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
    Text(&'a str),
}

fn cell(s: &str) -> Cell<'_> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let numeric = !digits.is_empty()
        && digits.len() <= 15
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !(digits.starts_with('0') && digits.len() > 1 && !digits.starts_with("0."));
    match s.parse::<f64>() {
        Ok(n) if numeric => Cell::Number(n),
        _ => Cell::Text(s),
    }
}

/// First characters that make a spreadsheet read a text cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as CSV text: numbers as they are, formula-looking text neutralised.
fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    match cell(s) {
        Cell::Text(t) if t.starts_with(FORMULA_START) => format!("'{t}").into(),
        _ => s.into(),
    }
}

/// A CSV cell as read: the apostrophe `csv_cell` put before formula-looking text is taken off
/// again, so an exported ledger reads back as it was.
fn csv_cell_read(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if csv_cell(rest).starts_with('\'') => rest,
        _ => s,
    }
}

/// Writes `tables` to a checked output path, in the format its extension names (XLSX: one
/// sheet each; CSV: the first table only).
pub fn write(out: &crate::output::Target, tables: &[Table]) -> Result<(), String> {
    let bytes = match format_of(out.path())? {
        Format::Xlsx => write_xlsx(tables)?,
        Format::Csv => write_csv(tables.first().ok_or("没有可写的表")?)?,
    };
    out.write(&bytes).map_err(|e| e.to_string())
}

/// The bytes of `tables` as an XLSX workbook (for a file named by `output::write_new_name`).
pub fn xlsx_bytes(tables: &[Table]) -> Result<Vec<u8>, String> {
    write_xlsx(tables)
}

fn xerr(e: rust_xlsxwriter::XlsxError) -> String {
    format!("写 Excel 文件失败：{e}")
}

fn write_xlsx(tables: &[Table]) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format as F, Workbook};
    let mut wb = Workbook::new();
    let bold = F::new().set_bold();
    for t in tables {
        let ws = wb.add_worksheet();
        ws.set_name(t.name).map_err(xerr)?;
        for (c, h) in t.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)
                .map_err(xerr)?;
            ws.set_column_width(c as u16, (h.chars().count() as f64 * 2.2).max(12.0))
                .map_err(xerr)?;
        }
        for (r, row) in t.rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match cell(value) {
                    Cell::Number(n) => ws.write_number(r, c, n).map_err(xerr)?,
                    Cell::Text(t) => ws.write_string(r, c, t).map_err(xerr)?,
                };
            }
        }
    }
    wb.save_to_buffer().map_err(xerr)
}

fn write_csv(t: &Table) -> Result<Vec<u8>, String> {
    let mut buf = Vec::from(&b"\xEF\xBB\xBF"[..]);
    {
        let mut w = csv::Writer::from_writer(&mut buf);
        for row in std::iter::once(&t.headers).chain(&t.rows) {
            w.write_record(row.iter().map(|v| csv_cell(v).into_owned()))
                .map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(buf)
}

/// A table read back: the header row, the data rows, and for CSV the encoding found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub encoding: &'static str,
}

/// Reads the first sheet of an XLSX file, or a CSV file in UTF-8 (with or without BOM)
/// or GBK.
pub fn read(path: &Path) -> Result<ReadTable, String> {
    RowReader::open(path)?.into_table()
}

/// A table read row by row: the headers first, then each row as it is parsed (CSV) or
/// taken from the loaded sheet (XLSX, which calamine reads whole).
pub struct RowReader {
    pub headers: Vec<String>,
    pub encoding: &'static str,
    rows: Rows,
}

enum Rows {
    Csv {
        reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
        record: csv::StringRecord,
        line: usize,
    },
    Sheet(std::vec::IntoIter<Vec<String>>),
}

impl RowReader {
    pub fn open(path: &Path) -> Result<RowReader, String> {
        match format_of(path)? {
            Format::Xlsx => {
                let t = read_xlsx(path)?;
                Ok(RowReader {
                    headers: t.headers,
                    encoding: t.encoding,
                    rows: Rows::Sheet(t.rows.into_iter()),
                })
            }
            Format::Csv => {
                let bytes =
                    std::fs::read(path).map_err(|e| format!("无法读取 {}：{e}", path.display()))?;
                RowReader::csv(bytes)
            }
        }
    }

    /// CSV bytes: UTF-8 (BOM stripped) if valid, else GBK.
    pub fn csv(mut bytes: Vec<u8>) -> Result<RowReader, String> {
        let encoding = if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
            if std::str::from_utf8(&bytes).is_err() {
                return Err("文件以 UTF-8 标记开头，但内容不是有效的 UTF-8".into());
            }
            "UTF-8"
        } else if std::str::from_utf8(&bytes).is_ok() {
            "UTF-8"
        } else {
            let (s, _, had_errors) = encoding_rs::GBK.decode(&bytes);
            if had_errors {
                return Err(
                    "无法识别文件编码：既不是 UTF-8 也不是 GBK。请在 Excel 中另存为“CSV UTF-8”后再导入"
                        .into(),
                );
            }
            bytes = s.into_owned().into_bytes();
            "GBK"
        };
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(std::io::Cursor::new(bytes));
        let mut r = RowReader {
            headers: Vec::new(),
            encoding,
            rows: Rows::Csv {
                reader,
                record: csv::StringRecord::new(),
                line: 0,
            },
        };
        r.headers = r.next_row().ok_or("CSV 文件是空的，第一行应为表头")??;
        Ok(r)
    }

    /// The next row, or None at the end; a malformed CSV line is an error naming it.
    pub fn next_row(&mut self) -> Option<Result<Vec<String>, String>> {
        self.with_next_row(|cells| cells.iter().map(|c| c.to_string()).collect())
    }

    /// Calls `f` with the next row's cells without copying them out of the parser (one
    /// buffer reused for every CSV row); None at the end, an error naming a malformed line.
    pub fn with_next_row<R>(&mut self, f: impl FnOnce(&[&str]) -> R) -> Option<Result<R, String>> {
        match &mut self.rows {
            Rows::Sheet(rows) => rows.next().map(|r| {
                let cells: Vec<&str> = r.iter().map(String::as_str).collect();
                Ok(f(&cells))
            }),
            Rows::Csv {
                reader,
                record,
                line,
            } => {
                *line += 1;
                match reader.read_record(record) {
                    Ok(true) => {
                        let cells: Vec<&str> = record.iter().map(csv_cell_read).collect();
                        Some(Ok(f(&cells)))
                    }
                    Ok(false) => None,
                    Err(e) => Some(Err(format!("CSV 第 {line} 行格式错误：{e}"))),
                }
            }
        }
    }

    /// The rest of the rows, all in memory.
    pub fn into_table(mut self) -> Result<ReadTable, String> {
        let mut rows = Vec::new();
        while let Some(row) = self.next_row() {
            rows.push(row?);
        }
        Ok(ReadTable {
            headers: self.headers,
            rows,
            encoding: self.encoding,
        })
    }
}

fn cell_text(d: &calamine::Data) -> String {
    use calamine::Data;
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(dt) if dt.is_datetime() => {
            // Excel serial day (1900 system): day 0 is 1899-12-30.
            let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
            base.checked_add_days(chrono::Days::new(dt.as_f64().max(0.0) as u64))
                .map(|d| d.to_string())
                .unwrap_or_default()
        }
        other => other.to_string(),
    }
}

fn read_xlsx(path: &Path) -> Result<ReadTable, String> {
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(path).map_err(|e| {
        format!(
            "无法打开 Excel 文件 {}：{e}（请确认是 .xlsx 格式且未加密）",
            path.display()
        )
    })?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or("Excel 文件中没有工作表")?
        .map_err(|e| format!("无法读取第一个工作表：{e}"))?;
    let mut rows = range
        .rows()
        .map(|r| r.iter().map(cell_text).collect::<Vec<_>>());
    let headers = rows.next().ok_or("第一个工作表是空的，第一行应为表头")?;
    Ok(ReadTable {
        headers,
        rows: rows.collect(),
        encoding: "xlsx",
    })
}

/// Decodes CSV bytes: UTF-8 (BOM stripped) if valid, else GBK; then parses.
pub fn read_csv_bytes(bytes: &[u8]) -> Result<ReadTable, String> {
    RowReader::csv(bytes.to_vec())?.into_table()
}
