//! Codes stored in the file, read as the domain's types. An unknown code is an error
//! that names it, never a default: the schema's CHECKs keep such codes out of a
//! whole file, so one read here means a damaged or foreign file.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};

use crate::domain::activity::ActivityStatus;
use crate::domain::catalog::Requirement;
use crate::domain::effects::OutcomeEffect;
use crate::domain::work_item::{ItemStatus, Source};

fn parsed<T>(value: ValueRef, what: &str, parse: impl Fn(&str) -> Option<T>) -> FromSqlResult<T> {
    let code = value.as_str()?;
    parse(code).ok_or_else(|| FromSqlError::Other(format!("onbekende {what} '{code}'").into()))
}

impl FromSql for Source {
    fn column_result(value: ValueRef) -> FromSqlResult<Self> {
        parsed(value, "bron van een werkitem", Source::from_code)
    }
}

impl FromSql for ItemStatus {
    fn column_result(value: ValueRef) -> FromSqlResult<Self> {
        parsed(value, "status van een werkitem", ItemStatus::from_code)
    }
}

impl FromSql for ActivityStatus {
    fn column_result(value: ValueRef) -> FromSqlResult<Self> {
        parsed(
            value,
            "status van een activiteit",
            ActivityStatus::from_code,
        )
    }
}

impl FromSql for OutcomeEffect {
    fn column_result(value: ValueRef) -> FromSqlResult<Self> {
        parsed(
            value,
            "werking van een afhandeling",
            OutcomeEffect::from_code,
        )
    }
}

impl FromSql for Requirement {
    fn column_result(value: ValueRef) -> FromSqlResult<Self> {
        parsed(value, "eis van een afhandeling", Requirement::from_code)
    }
}

/// A stored BSN passed the elfproef on the way in: one that does not is a damaged
/// or foreign row, said as such rather than read as no BSN.
impl FromSql for crate::domain::bsn::Bsn {
    fn column_result(value: ValueRef) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        crate::domain::bsn::Bsn::parse(text)
            .map_err(|_| FromSqlError::Other("een opgeslagen BSN haalt de elfproef niet".into()))
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    #[test]
    fn an_unknown_code_is_an_error_that_names_it() {
        let conn = Connection::open_in_memory().unwrap();
        let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, Source>(0));
        assert_eq!(read("SELECT 'rhythm'").unwrap(), Source::Rhythm);
        let err = read("SELECT 'handmatig'").unwrap_err().to_string();
        assert!(
            err.contains("onbekende bron van een werkitem 'handmatig'"),
            "{err}"
        );
        let effect = conn.query_row("SELECT 'finish'", [], |r| r.get::<_, OutcomeEffect>(0));
        assert_eq!(effect.unwrap(), OutcomeEffect::Finish);
        assert!(conn
            .query_row("SELECT 'afronden'", [], |r| r.get::<_, OutcomeEffect>(0))
            .is_err());
    }
}
