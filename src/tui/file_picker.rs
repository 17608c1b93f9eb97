//! The file picker of an evidence form's 附件 field: the field holds paths separated by
//! commas; the last one is being typed, and the folder it names is listed under the field,
//! filtered by what is typed after the last `/` (`~` is the home folder). ↑/↓ choose, Enter
//! opens a folder or takes a file. Each path already written shows its size and type, or a
//! Chinese message when it is missing. The listing is read when the text changes, never
//! while drawing.

use std::path::{Path, PathBuf};

use crate::user_files::expand_home;

/// At most this many entries of a folder are read (a folder of scans may be huge).
const MAX_ENTRIES: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub is_dir: bool,
    pub size: u64,
}

#[derive(Debug, Clone)]
pub struct FilePicker {
    /// The folder listed, as shown (`~/照片/`), or why it cannot be.
    pub folder: Result<String, String>,
    /// Its entries matching what is typed: folders first, then files, by name.
    pub entries: Vec<Entry>,
    pub sel: usize,
    /// Each path already written (all but the one being typed, and that one if it names a
    /// file): its line (`现场照片.jpg  4 字节  JPEG 图片`) or what is wrong with it.
    pub chosen: Vec<Result<String, String>>,
}

/// Whether `c` separates two paths in the field.
fn is_separator(c: char) -> bool {
    matches!(c, ',' | '，')
}

/// The paths written in `value`, trimmed, with `~` expanded.
pub fn paths(value: &str) -> Vec<PathBuf> {
    value
        .split(is_separator)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(expand_home)
        .collect()
}

/// `value` split into what comes before the path being typed and that path.
fn split_last(value: &str) -> (&str, &str) {
    match value.rfind(is_separator) {
        Some(i) => {
            let sep = value[i..].chars().next().map_or(1, char::len_utf8);
            (&value[..i + sep], value[i + sep..].trim_start())
        }
        None => ("", value.trim_start()),
    }
}

/// A size as a clerk reads it.
pub fn size_text(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    match bytes {
        b if b < 1024 => format!("{b} 字节"),
        b if (b as f64) < KB * KB => format!("{:.1} KB", b as f64 / KB),
        b => format!("{:.1} MB", b as f64 / KB / KB),
    }
}

/// The kind of a file, from its extension (what the clerk sees before saving).
pub fn kind_text(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    match ext.as_str() {
        "jpg" | "jpeg" => "JPEG 图片",
        "png" => "PNG 图片",
        "heic" | "heif" => "HEIC 图片",
        "gif" | "bmp" | "tif" | "tiff" | "webp" => "图片",
        "pdf" => "PDF 文档",
        "mp4" | "mov" | "avi" | "mkv" | "3gp" => "视频",
        "mp3" | "wav" | "m4a" | "amr" | "aac" => "录音",
        "doc" | "docx" | "wps" => "文字文档",
        "xls" | "xlsx" | "et" | "csv" => "表格",
        "txt" => "文本",
        _ => "文件",
    }
}

/// One written path as the field shows it, or what is wrong with it.
fn describe(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|_| {
        format!(
            "找不到文件：{}（请检查路径，或在下方列表中选择）",
            path.display()
        )
    })?;
    if !meta.is_file() {
        return Err(format!(
            "{} 不是文件（是目录、设备或管道），请选择照片、扫描件等文件本身",
            path.display()
        ));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(format!(
        "{name}  {}  {}",
        size_text(meta.len()),
        kind_text(path)
    ))
}

impl FilePicker {
    pub fn new(value: &str) -> FilePicker {
        let mut p = FilePicker {
            folder: Ok(String::new()),
            entries: Vec::new(),
            sel: 0,
            chosen: Vec::new(),
        };
        p.refresh(value);
        p
    }

    /// Reads the folder of the path being typed and describes the written paths.
    pub fn refresh(&mut self, value: &str) {
        let (before, typing) = split_last(value);
        let typing_path = expand_home(typing);
        let typing_is_file = !typing.is_empty() && typing_path.is_file();
        self.chosen = paths(before).iter().map(|p| describe(p)).collect();
        if typing_is_file {
            self.chosen.push(describe(&typing_path));
        }
        let (folder, filter) = if typing.is_empty() {
            (expand_home("~"), String::new())
        } else if typing.ends_with('/') {
            (typing_path, String::new())
        } else {
            let parent = typing_path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            let name = typing_path
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            (parent, name)
        };
        self.sel = 0;
        self.entries.clear();
        self.folder = match std::fs::read_dir(&folder) {
            Err(_) => Err(format!("没有这个目录：{}", folder.display())),
            Ok(read) => {
                let mut entries: Vec<Entry> = read
                    .take(MAX_ENTRIES)
                    .flatten()
                    .filter_map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        let hidden = name.starts_with('.') && !filter.starts_with('.');
                        if hidden || !name.to_lowercase().contains(&filter) {
                            return None;
                        }
                        // Links are followed, as `add` follows them.
                        let meta = std::fs::metadata(e.path()).ok()?;
                        Some(Entry {
                            name,
                            is_dir: meta.is_dir(),
                            size: meta.len(),
                        })
                    })
                    .collect();
                entries.sort_by(|a, b| b.is_dir.cmp(&a.is_dir).then(a.name.cmp(&b.name)));
                self.entries = entries;
                Ok(folder.display().to_string())
            }
        };
    }

    /// Whether Enter should choose from the list (a list is shown and the path being typed
    /// is not already a file).
    pub fn wants_enter(&self, value: &str) -> bool {
        let (_, typing) = split_last(value);
        !self.entries.is_empty() && (typing.is_empty() || !expand_home(typing).is_file())
    }

    /// The field's text after Enter on the highlighted entry: a folder is opened (its path
    /// and `/`), a file is written in place of the path being typed.
    pub fn choose(&self, value: &str) -> Option<String> {
        let entry = self.entries.get(self.sel)?;
        let (before, _) = split_last(value);
        let folder = self.folder.as_ref().ok()?;
        let path = Path::new(folder).join(&entry.name);
        let mut text = format!("{before}{}", path.display());
        if entry.is_dir {
            text.push('/');
        }
        Some(text)
    }

    /// The first problem with a written path, for the field's message.
    pub fn problem(&self) -> Option<String> {
        self.chosen.iter().find_map(|c| c.clone().err())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(files: &[(&str, usize)], dirs: &[&str]) -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        for (name, size) in files {
            std::fs::write(d.path().join(name), vec![b'x'; *size]).unwrap();
        }
        for name in dirs {
            std::fs::create_dir(d.path().join(name)).unwrap();
        }
        d
    }

    #[test]
    fn lists_the_typed_folder_filtered_folders_first_and_opens_then_takes() {
        let d = folder_with(
            &[("现场照片.jpg", 2048), ("询问录音.m4a", 10), (".hidden", 1)],
            &["照片"],
        );
        let root = format!("{}/", d.path().display());
        let mut p = FilePicker::new(&root);
        let names: Vec<_> = p.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["照片", "现场照片.jpg", "询问录音.m4a"]);
        // Type to filter by what follows the last '/'.
        p.refresh(&format!("{root}现场"));
        assert_eq!(p.entries.len(), 1);
        let chosen = p.choose(&format!("{root}现场")).unwrap();
        assert_eq!(chosen, format!("{root}现场照片.jpg"));
        p.refresh(&chosen);
        assert_eq!(
            p.chosen,
            [Ok("现场照片.jpg  2.0 KB  JPEG 图片".to_string())]
        );
        assert!(!p.wants_enter(&chosen), "a whole file path: Enter moves on");
        // A second file after a comma; the first stays described.
        let two = format!("{chosen}，{root}照");
        p.refresh(&two);
        assert!(p.entries[0].is_dir);
        assert_eq!(p.choose(&two).unwrap(), format!("{chosen}，{root}照片/"));
    }

    #[test]
    fn a_missing_path_is_named_in_chinese() {
        let mut p = FilePicker::new("");
        p.refresh("/no/such/现场.jpg, ");
        let problem = p.problem().unwrap();
        assert!(
            problem.contains("找不到文件：/no/such/现场.jpg"),
            "{problem}"
        );
        p.refresh("/no/such/dir/x");
        assert_eq!(p.folder, Err("没有这个目录：/no/such/dir".to_string()));
    }

    #[test]
    fn sizes_read_as_a_clerk_reads_them() {
        assert_eq!(size_text(4), "4 字节");
        assert_eq!(size_text(1536), "1.5 KB");
        assert_eq!(size_text(3 * 1024 * 1024), "3.0 MB");
    }
}
