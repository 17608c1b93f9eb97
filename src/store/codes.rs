//! Vocabulary columns (a case's stage and outcome, a deadline's kind and state) hold stable
//! codes — the serde names of the domain's enums, which are also the case file's JSON —
//! never display labels, so renaming a label changes no stored value. Labels are made at
//! the edge (screens, printed lines). `Code<T>` reads and writes such a column.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{de::DeserializeOwned, Serialize};

use crate::domain::{from_serde_name, serde_name};

/// A value stored as its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code<T>(pub T);

/// The code stored for `v`.
pub fn code<T: Serialize>(v: &T) -> String {
    serde_name(v)
}

impl<T: Serialize> ToSql for Code<T> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(code(&self.0)))
    }
}

impl<T: DeserializeOwned> FromSql for Code<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        from_serde_name(text)
            .map(Code)
            .ok_or_else(|| FromSqlError::Other(format!("数据库中有未知的代码“{text}”").into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::deadlines::DeadlineState;
    use crate::domain::case::Stage;

    #[test]
    fn codes_read_back_typed_and_unknown_codes_are_errors() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, Code<DeadlineState>>(0));
        assert_eq!(
            read("SELECT 'overdue'").unwrap(),
            Code(DeadlineState::Overdue)
        );
        // A display label is not a code.
        assert!(read("SELECT '已逾期'").is_err());
        let stage: Code<Stage> = conn
            .query_row("SELECT ?1", [Code(Stage::Archived)], |r| r.get(0))
            .unwrap();
        assert_eq!(stage.0, Stage::Archived);
    }
}
