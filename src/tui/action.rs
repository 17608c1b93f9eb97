//! The one vocabulary of UI actions: what keys map to (keymap.toml names them), what the
//! screens handle, and what tests send. Typed text is an action too (`Input`,
//! `DeleteBack`): the app makes them from key events on a screen that takes text, so a
//! screen sees every change through `handle` and nothing bypasses the vocabulary.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UiAction {
    Quit,
    Back,
    Help,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Open,
    Search,
    Submit,
    NextField,
    PrevField,
    NextTab,
    PrevTab,
    Menu,
    ToggleOverdue,
    GoHome,
    GoCases,
    GoPowers,
    New,
    NewOnSpot,
    Sort,
    NewLine,
    FillAmount,
    ToggleQueue,
    Palette,
    GoCalendar,
    GoUsers,
    /// Show a case's full personal data (recorded) or hide it again.
    RevealPersonal,
    /// 队长看板 (leader dashboard).
    GoDashboard,
    /// 文书 tab: print the selected document (PDF via `lp`), export it, export the case file.
    PrintDoc,
    ExportDoc,
    ExportCaseFile,
    /// 文书 tab: export the one-page 案件摘要.
    ExportSummary,
    /// 用户管理: deactivate the selected member of staff, or reactivate them.
    ToggleActive,
    /// 用户管理: change the selected member of staff's roles (管理员).
    EditRoles,
    /// 设置 (管理员).
    GoSettings,
    /// 导入权限清单, its check report shown first (管理员).
    ImportCatalog,
    /// 从备份恢复 (管理员).
    Restore,
    /// 案件列表: the 案件摘要 of every case the list's filter shows.
    PrintSummaries,
    /// 期限日历: import a year's holiday table from a file (管理员).
    ImportHolidays,
    /// Text editing in a field: the cursor by character, to the line's start or end, by
    /// word, and deleting the character at the cursor.
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    WordLeft,
    WordRight,
    DeleteForward,
    /// Selecting text in a field (Shift with the cursor keys, Ctrl-A for all): typing,
    /// pasting or deleting then replaces the selection.
    SelectLeft,
    SelectRight,
    SelectHome,
    SelectEnd,
    SelectAll,
    /// 案卷评查 (rounds), 过错责任 and the 评查质量报告 (负责人、法制审核员、中队长).
    GoReview,
    GoFaults,
    GoQuality,
    /// 巡查记录 (everyone).
    GoPatrols,
    /// 线索 (案源) register (everyone).
    GoLeads,
    /// 检查 (行政检查): records, objects, plans (everyone).
    GoInspections,
    /// 抽查计划: draw the selected plan (双随机).
    Draw,
    /// 检查对象: import objects from a table, its check report shown first.
    ImportObjects,
    /// 检查对象's page: record an officer's conflict of interest (回避).
    RecordConflict,
    /// 检查对象's page: remove a recorded conflict.
    RemoveConflict,
    /// 检查记录: record the 复查 of a correction.
    Recheck,
    /// 评查 scoring: remove the case's last manual deduction.
    Undo,
    /// Choose the period a report covers.
    EditPeriod,
    /// A character typed into the focused text field. Not bindable in a keymap file.
    #[serde(skip)]
    Input(char),
    /// Backspace in the focused text field. Not bindable in a keymap file.
    #[serde(skip)]
    DeleteBack,
}
