//! The typst `World` for one render: the template sources, the data file, the fonts.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// typst's standard library, built once per process: a batch of 1,000 summaries would
/// otherwise build it 1,000 times.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: std::sync::OnceLock<LazyHash<Library>> = std::sync::OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

use super::fonts::FontSet;

pub struct DocWorld {
    library: &'static LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

pub fn file_id(path: &str) -> Result<FileId, String> {
    let vpath = VirtualPath::new(path).map_err(|e| format!("模板路径 {path} 无效：{e:?}"))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

impl DocWorld {
    /// `templates`: (virtual path, source text), the first is the main file.
    pub fn new(
        templates: Vec<(&str, String)>,
        data: Vec<u8>,
        fonts: FontSet,
        today: chrono::NaiveDate,
    ) -> Result<DocWorld, String> {
        use chrono::Datelike;
        let mut sources = HashMap::new();
        let mut main = None;
        for (path, text) in templates {
            let id = file_id(path)?;
            main.get_or_insert(id);
            sources.insert(id, Source::new(id, text));
        }
        let main = main.ok_or("没有模板")?;
        let mut files = HashMap::new();
        files.insert(file_id("/data.json")?, Bytes::new(data));
        Ok(DocWorld {
            library: library(),
            book: LazyHash::new(fonts.book),
            fonts: fonts.fonts,
            main,
            sources,
            files,
            today: Datetime::from_ymd(
                today.year(),
                u8::try_from(today.month()).unwrap_or(1),
                u8::try_from(today.day()).unwrap_or(1),
            ),
        })
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(b) = self.files.get(&id) {
            return Ok(b.clone());
        }
        self.sources
            .get(&id)
            .map(|s| Bytes::new(s.text().as_bytes().to_vec()))
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.today
    }
}
