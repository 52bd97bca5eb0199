//! A spreadsheet's first sheet as a table: `.xlsx`, `.xlsm`, `.xls` and `.ods` through
//! calamine, `.csv` through csv (`;` or `,`, with or without BOM, UTF-8 or the
//! Windows code page that Excel writes).

use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};
use inbeeld_core::domain::caseload_import::{excel_serial, Cell, Table, TableRow};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum SheetError {
    #[error("kan {path} niet lezen: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}: onbekend soort bestand; kies .xlsx, .ods of .csv")]
    UnknownKind { path: String },
    #[error("{path}: het bestand heeft geen kopregel met kolomnamen")]
    NoHeader { path: String },
}

/// The first sheet of the file at `path`; its first non-empty row is the header.
pub fn read_table(path: &Path) -> Result<Table, SheetError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let shown = path.display().to_string();
    let unreadable = |reason: String| SheetError::Unreadable {
        path: shown.clone(),
        reason,
    };
    let rows: Vec<(usize, Vec<Cell>)> = match ext.as_str() {
        "csv" | "txt" => {
            let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
            csv_rows(&bytes).map_err(unreadable)?
        }
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => {
            let mut book = open_workbook_auto(path).map_err(|e| unreadable(e.to_string()))?;
            let range = book
                .worksheet_range_at(0)
                .ok_or_else(|| unreadable("het bestand heeft geen werkblad".into()))?
                .map_err(|e| unreadable(e.to_string()))?;
            let first = range.start().map(|(r, _)| r as usize).unwrap_or(0);
            let left = range.start().map(|(_, c)| c as usize).unwrap_or(0);
            range
                .rows()
                .enumerate()
                .map(|(i, row)| {
                    // Columns left of the used range are empty, so that a header's
                    // position is the same as the sheet's.
                    let mut cells = vec![Cell::Empty; left];
                    cells.extend(row.iter().map(cell));
                    (first + i + 1, cells)
                })
                .collect()
        }
        _ => return Err(SheetError::UnknownKind { path: shown }),
    };
    let mut rows = rows
        .into_iter()
        .skip_while(|(_, cells)| cells.iter().all(|c| c.text().is_none()));
    let Some((_, header)) = rows.next() else {
        return Err(SheetError::NoHeader { path: shown });
    };
    let headers: Vec<String> = header
        .iter()
        .map(|c| c.text().unwrap_or_default())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(SheetError::NoHeader { path: shown });
    }
    Ok(Table {
        headers,
        rows: rows
            .map(|(number, cells)| TableRow { number, cells })
            .collect(),
    })
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Text(if *b { "ja" } else { "nee" }.into()),
        Data::DateTime(dt) => match excel_serial(dt.as_f64()) {
            Some(day) => Cell::Date(day),
            None => Cell::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e}")),
    }
}

/// The rows of a CSV file with their line numbers; the separator is the one of `;`
/// and `,` that the header row holds more of (Dutch Excel writes `;`).
fn csv_rows(bytes: &[u8]) -> Result<Vec<(usize, Vec<Cell>)>, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    };
    let header = text.lines().next().unwrap_or_default();
    let delimiter = if header.matches(';').count() >= header.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        let cells = record
            .iter()
            .map(|v| {
                if v.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(v.to_owned())
                }
            })
            .collect();
        rows.push((line, cells));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_as_libreoffice_and_excel_save_it() {
        let semi = "\u{feff}BSN;Achternaam;Woonplaats\n123456782;de Vries;Zwolle\n";
        let rows = csv_rows(semi.as_bytes()).unwrap();
        assert_eq!(
            rows[0].1[0],
            Cell::Text("BSN".into()),
            "the BOM is not in the header"
        );
        assert_eq!(rows[1].1[1], Cell::Text("de Vries".into()));
        assert_eq!(rows[1].0, 2);
        let comma = "BSN,Achternaam\n\"123456782\",\"Jansen, P.\"\n";
        let rows = csv_rows(comma.as_bytes()).unwrap();
        assert_eq!(rows[1].1[1], Cell::Text("Jansen, P.".into()));
        // Excel's "CSV (gescheiden door lijstscheidingsteken)": Windows-1252.
        let ansi = b"Achternaam;Woonplaats\nG\xfcl;Zwolle\n";
        let rows = csv_rows(ansi).unwrap();
        assert_eq!(rows[1].1[0], Cell::Text("Gül".into()));
    }
}
