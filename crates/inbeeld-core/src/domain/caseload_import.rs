//! A caseload from the municipal system's spreadsheet: a mapping profile says which
//! column holds what; every row becomes a person (and maybe a voorziening) or is
//! refused with its row, column and reason. Reading the file is the exchange crate's;
//! matching against the caseload and writing is the workflow's.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::bsn::Bsn;
use super::catalog::Catalog;
use super::name::{postcode, Address, NameParts};

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// The cell as text: numbers without a needless ".0" (a BSN or a house number
    /// stored as a number).
    pub fn text(&self) -> Option<String> {
        match self {
            Cell::Empty => None,
            Cell::Text(t) => Some(t.trim().to_owned()).filter(|t| !t.is_empty()),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
            Cell::Number(n) => Some(n.to_string()),
            Cell::Date(d) => Some(d.format("%d-%m-%Y").to_string()),
        }
    }
}

/// A sheet: its header row and its rows, each with the row number the spreadsheet
/// shows (the header is row 1).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// What a municipality writes once: which column holds what, and how its values map
/// onto inbeeld's codes. The keys are Dutch: the people who write it are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default)]
    pub kolommen: Columns,
    /// The municipal system's doelgroep or categorie → inbeeld's category code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub categorieen: BTreeMap<String, String>,
    /// Soort voorziening → activity type code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub voorzieningen: BTreeMap<String, String>,
    /// A voorziening's status → `lopend` or `beeindigd` (a beëindigde is history and
    /// not taken over). Without this table every status is `lopend`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub statussen: BTreeMap<String, String>,
    #[serde(default)]
    pub standaard: Defaults,
}

/// The fields a column can hold, each once: the profile's key (the field of
/// `Columns`) and the headers recognised without a profile (compared folded, without
/// spaces or punctuation).
macro_rules! columns {
    ($($(#[$doc:meta])* $field:ident: [$($header:literal),*],)*) => {
        /// The header of the column that holds each field; `None`: not in the file.
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Columns {
            $($(#[$doc])* pub $field: Option<String>,)*
        }

        pub const FIELDS: &[(&str, &[&str])] = &[$((stringify!($field), &[$($header),*]),)*];

        impl Columns {
            fn slot(&self, field: &str) -> Option<&Option<String>> {
                match field {
                    $(stringify!($field) => Some(&self.$field),)*
                    _ => None,
                }
            }

            fn slot_mut(&mut self, field: &str) -> Option<&mut Option<String>> {
                match field {
                    $(stringify!($field) => Some(&mut self.$field),)*
                    _ => None,
                }
            }
        }
    };
}

columns! {
    bsn: ["bsn", "burgerservicenummer", "sofinummer"],
    /// A display name in one column, where the file has no parts.
    naam: ["naam", "volledigenaam", "clientnaam", "klantnaam"],
    voornaam: ["voornaam", "voornamen", "roepnaam"],
    voorletters: ["voorletters", "initialen"],
    voorvoegsel: ["voorvoegsel", "tussenvoegsel", "voorvoegsels", "tussenvoegsels"],
    achternaam: ["achternaam", "geslachtsnaam", "familienaam"],
    geboortedatum: ["geboortedatum", "geborenop"],
    telefoon: ["telefoon", "telefoonnummer", "mobiel", "mobielnummer", "tel"],
    email: ["email", "emailadres", "mail"],
    /// The address in one column ("Dorpsstraat 12 a, 8011 AB Zwolle"), where the file
    /// has no parts; the parts win where both are there.
    adres: ["adres", "postadres", "woonadres"],
    straat: ["straat", "straatnaam"],
    huisnummer: ["huisnummer", "huisnr", "nr"],
    toevoeging: ["toevoeging", "huisnummertoevoeging", "huisletter"],
    postcode: ["postcode"],
    woonplaats: ["woonplaats", "plaats"],
    categorie: ["categorie", "doelgroep", "klantcategorie"],
    trede: ["trede", "participatieladder", "tredeparticipatieladder"],
    voorziening: ["soortvoorziening", "voorziening", "activiteit", "traject"],
    begindatum: ["begindatum", "startdatum", "ingangsdatum", "datumbegin"],
    einddatum: ["einddatum", "datumeinde", "datumeind"],
    status: ["status"],
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// The category of a client whose row names none.
    pub categorie: Option<String>,
    /// A voorziening without an einddatum gets its type's usual length; without this
    /// it is refused (no activity without an end).
    #[serde(default)]
    pub einddatum_van_type: bool,
}

/// A header or a value as it is compared: lower case, letters and digits only.
fn folded_header(h: &str) -> String {
    h.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Columns {
    pub fn get(&self, field: &str) -> Option<&String> {
        self.slot(field).and_then(|s| s.as_ref())
    }

    pub fn set(&mut self, field: &str, header: Option<String>) {
        if let Some(slot) = self.slot_mut(field) {
            *slot = header;
        }
    }
}

impl Profile {
    /// The profile that the common header names give, for a file without one.
    pub fn from_headers(headers: &[String]) -> Profile {
        let mut profile = Profile::default();
        for (field, names) in FIELDS {
            let found = headers
                .iter()
                .find(|h| names.contains(&folded_header(h).as_str()));
            profile.kolommen.set(field, found.cloned());
        }
        profile
    }
}

/// A row that does not land: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    pub row: usize,
    pub column: Option<String>,
    pub reason: String,
}

/// The person on a row, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub parts: NameParts,
    pub bsn: Option<Bsn>,
    pub birth_date: Option<NaiveDate>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Address,
    pub category: Option<String>,
    pub trede: Option<i64>,
}

/// A running voorziening on a row, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voorziening {
    pub type_code: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    pub row: usize,
    pub person: Person,
    pub voorziening: Option<Voorziening>,
}

/// What the rows of a file gave: the rows that can land, the refused ones, and the
/// beëindigde voorzieningen that are history (named, not taken over).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadRows {
    pub rows: Vec<ImportRow>,
    pub refused: Vec<Refusal>,
    pub ended: Vec<Refusal>,
}

/// A profile that does not fit the file or the catalogue: the whole import stops
/// before anything is read.
pub fn check_profile(
    profile: &Profile,
    headers: &[String],
    catalog: &Catalog,
) -> Result<(), String> {
    // A column the profile names and this month's file lacks is not read; the
    // columns a row cannot be read without must be there.
    let present = |field: &str| {
        profile
            .kolommen
            .get(field)
            .is_some_and(|header| headers.iter().any(|h| h.trim() == header.trim()))
    };
    let c = &profile.kolommen;
    for field in ["naam", "achternaam", "begindatum"] {
        if let Some(header) = c.get(field).filter(|_| !present(field)) {
            return Err(format!(
                "de kolom '{header}' ({field}) uit het profiel staat niet in het bestand"
            ));
        }
    }
    if c.naam.is_none() && c.achternaam.is_none() {
        return Err("geen kolom voor de naam ('naam' of 'achternaam')".into());
    }
    if c.voorziening.is_some() && c.begindatum.is_none() {
        return Err("de voorziening heeft een kolom 'begindatum' nodig".into());
    }
    for code in profile
        .categorieen
        .values()
        .chain(&profile.standaard.categorie)
    {
        catalog
            .category(code)
            .map_err(|_| format!("het profiel noemt een onbekende categorie: '{code}'"))?;
    }
    for code in profile.voorzieningen.values() {
        importable_type(catalog, code).map_err(|e| format!("het profiel noemt {e}"))?;
    }
    for status in profile.statussen.values() {
        if status != "lopend" && status != "beeindigd" {
            return Err(format!(
                "status '{status}' in het profiel: kies 'lopend' of 'beeindigd'"
            ));
        }
    }
    Ok(())
}

/// A type the import may make: a known one that a category offers (a legal term is
/// computed from its aanvraag, never read in).
fn importable_type(catalog: &Catalog, code: &str) -> Result<(), String> {
    if catalog.activity_type(code).is_err() {
        return Err(format!("een onbekend soort activiteit: '{code}'"));
    }
    if !catalog
        .categories
        .iter()
        .any(|c| c.activity_types.iter().any(|t| t == code))
    {
        return Err(format!(
            "'{code}': een wettelijke termijn wordt berekend, niet ingelezen"
        ));
    }
    Ok(())
}

/// Reads every row of `table` by `profile` (checked by `check_profile`).
pub fn read_rows(
    table: &Table,
    profile: &Profile,
    catalog: &Catalog,
    today: NaiveDate,
) -> ReadRows {
    let index: BTreeMap<&str, usize> = FIELDS
        .iter()
        .filter_map(|(field, _)| {
            let header = profile.kolommen.get(field)?;
            let at = table
                .headers
                .iter()
                .position(|h| h.trim() == header.trim())?;
            Some((*field, at))
        })
        .collect();
    let mut read = ReadRows::default();
    for row in &table.rows {
        if row.cells.iter().all(|c| c.text().is_none()) {
            continue;
        }
        let reader = RowReader {
            row,
            index: &index,
            profile,
            catalog,
            today,
        };
        let checked = reader.person().and_then(|p| Ok((p, reader.voorziening()?)));
        let (person, on_row) = match checked {
            Ok(read_row) => read_row,
            Err(refusal) => {
                read.refused.push(refusal);
                continue;
            }
        };
        let voorziening = match on_row {
            OnRow::Nothing => None,
            OnRow::Running(v) => Some(v),
            OnRow::Ended(named) => {
                read.ended.push(named);
                None
            }
        };
        read.rows.push(ImportRow {
            row: row.number,
            person,
            voorziening,
        });
    }
    read
}

struct RowReader<'a> {
    row: &'a TableRow,
    index: &'a BTreeMap<&'a str, usize>,
    profile: &'a Profile,
    catalog: &'a Catalog,
    today: NaiveDate,
}

type Checked<T> = Result<T, Refusal>;

impl RowReader<'_> {
    fn cell(&self, field: &str) -> Option<&Cell> {
        self.index.get(field).and_then(|&i| self.row.cells.get(i))
    }

    fn text(&self, field: &str) -> Option<String> {
        self.cell(field).and_then(Cell::text)
    }

    fn refuse(&self, field: &str, reason: impl Into<String>) -> Refusal {
        Refusal {
            row: self.row.number,
            column: self.profile.kolommen.get(field).cloned(),
            reason: reason.into(),
        }
    }

    fn date(&self, field: &str, birth: bool) -> Checked<Option<NaiveDate>> {
        match self.cell(field) {
            None | Some(Cell::Empty) => Ok(None),
            Some(cell) => cell_date(cell, birth, self.today).map(Some).ok_or_else(|| {
                self.refuse(
                    field,
                    format!(
                        "'{}' is geen datum die bestaat",
                        cell.text().unwrap_or_default()
                    ),
                )
            }),
        }
    }

    fn person(&self) -> Checked<Person> {
        let given = self.text("voornaam").or_else(|| self.text("voorletters"));
        let mut prefix = self.text("voorvoegsel");
        let mut surname = self.text("achternaam");
        // "de Vries" in the achternaam column of a file without voorvoegsels: split,
        // so the caseload sorts it under V.
        if let (None, Some(whole)) = (&prefix, &surname) {
            let (front, rest) = NameParts::split_surname(whole);
            if front.is_some() {
                (prefix, surname) = (front, Some(rest));
            }
        }
        let (name, parts) = match (&surname, self.text("naam")) {
            (Some(_), _) => {
                let parts = NameParts {
                    given,
                    prefix,
                    surname,
                };
                (parts.display().unwrap_or_default(), parts)
            }
            (None, Some(name)) => {
                let parts = NameParts::split(&name).unwrap_or_default();
                (name, parts)
            }
            (None, None) => {
                let field = if self.index.contains_key("achternaam") {
                    "achternaam"
                } else {
                    "naam"
                };
                return Err(self.refuse(field, "geen naam"));
            }
        };
        let bsn = match self.text("bsn") {
            None => None,
            Some(text) => {
                // A spreadsheet drops a BSN's leading zero when it holds it as a number.
                let text = match self.cell("bsn") {
                    Some(Cell::Number(_)) if text.len() == 8 => format!("0{text}"),
                    _ => text,
                };
                Some(Bsn::parse(&text).map_err(|e| self.refuse("bsn", e.to_string()))?)
            }
        };
        let birth_date = self.date("geboortedatum", true)?;
        if birth_date.is_some_and(|b| b > self.today) {
            return Err(self.refuse("geboortedatum", "de geboortedatum ligt na vandaag"));
        }
        let category = match self.text("categorie") {
            Some(value) => Some(self.category(&value)?),
            None => self.profile.standaard.categorie.clone(),
        };
        let trede = match self.text("trede") {
            None => None,
            Some(t) => Some(
                t.parse::<i64>()
                    .ok()
                    .filter(|s| (1..=6).contains(s))
                    .ok_or_else(|| {
                        self.refuse("trede", format!("trede '{t}': kies 1 tot en met 6"))
                    })?,
            ),
        };
        let postcode = match self.text("postcode") {
            None => None,
            Some(p) => Some(
                postcode(&p)
                    .ok_or_else(|| self.refuse("postcode", format!("'{p}' is geen postcode")))?,
            ),
        };
        let mut address = Address {
            street: self.text("straat"),
            house_number: self.text("huisnummer"),
            addition: self.text("toevoeging"),
            postcode,
            city: self.text("woonplaats"),
        };
        if let (true, Some(line)) = (address.is_empty(), self.text("adres")) {
            address = Address::from_line(&line).map_err(|e| self.refuse("adres", e.to_string()))?;
        }
        Ok(Person {
            name,
            parts,
            bsn,
            birth_date,
            phone: self.text("telefoon"),
            email: self.text("email"),
            address,
            category,
            trede,
        })
    }

    /// The category of a value: through the profile's table, else the value as a
    /// code or a category's name.
    fn category(&self, value: &str) -> Checked<String> {
        if let Some(code) = lookup(&self.profile.categorieen, value) {
            return Ok(code.clone());
        }
        let folded = folded_header(value);
        self.catalog
            .categories
            .iter()
            .find(|c| folded_header(&c.code) == folded || folded_header(&c.name) == folded)
            .map(|c| c.code.clone())
            .ok_or_else(|| self.refuse("categorie", format!("onbekende categorie '{value}'")))
    }

    fn voorziening(&self) -> Checked<OnRow> {
        let Some(value) = self.text("voorziening") else {
            return Ok(OnRow::Nothing);
        };
        if let Some(status) = self.text("status") {
            let mapped = lookup(&self.profile.statussen, &status).map(String::as_str);
            match mapped {
                Some("beeindigd") => {
                    return Ok(OnRow::Ended(self.refuse(
                        "status",
                        format!("voorziening '{value}' is beëindigd: niet overgenomen"),
                    )))
                }
                Some(_) => {}
                None if self.profile.statussen.is_empty() => {}
                None => return Err(self.refuse("status", format!("onbekende status '{status}'"))),
            }
        }
        let type_code =
            match lookup(&self.profile.voorzieningen, &value) {
                Some(code) => code.clone(),
                None => {
                    let folded = folded_header(&value);
                    match self.catalog.activity_types.iter().find(|t| {
                        folded_header(&t.code) == folded || folded_header(&t.name) == folded
                    }) {
                        Some(t) if importable_type(self.catalog, &t.code).is_ok() => t.code.clone(),
                        _ => {
                            return Err(self
                                .refuse("voorziening", format!("onbekende voorziening '{value}'")))
                        }
                    }
                }
            };
        let Some(start) = self.date("begindatum", false)? else {
            return Err(self.refuse("begindatum", "de voorziening heeft geen begindatum"));
        };
        let end = match self.date("einddatum", false)? {
            Some(end) => end,
            None if self.profile.standaard.einddatum_van_type => self
                .catalog
                .suggested_end(&type_code, start)
                .unwrap_or(start),
            None => {
                return Err(self.refuse(
                    "einddatum",
                    "een activiteit zonder einddatum: geef de einddatum, of zet \
                     'einddatum_van_type = true' in het profiel",
                ))
            }
        };
        if end < start {
            return Err(self.refuse(
                "einddatum",
                format!(
                    "de einddatum {} ligt voor de begindatum {}",
                    end.format("%d-%m-%Y"),
                    start.format("%d-%m-%Y")
                ),
            ));
        }
        Ok(OnRow::Running(Voorziening {
            type_code,
            start,
            end,
        }))
    }
}

/// The voorziening on a row.
enum OnRow {
    Nothing,
    Running(Voorziening),
    /// A beëindigde: history, named and not taken over.
    Ended(Refusal),
}

/// A profile's table read without regard to case or surrounding spaces.
fn lookup<'a>(table: &'a BTreeMap<String, String>, value: &str) -> Option<&'a String> {
    let value = value.trim().to_lowercase();
    table
        .iter()
        .find(|(k, _)| k.trim().to_lowercase() == value)
        .map(|(_, v)| v)
}

/// A date as people and suites write it: `23-11-2026`, `23-11-26`, `23/11/2026`,
/// `2026-11-23`, or an Excel serial number. A two-digit year is this century's,
/// unless that would put a birth date after today.
pub fn cell_date(cell: &Cell, birth: bool, today: NaiveDate) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(*d),
        Cell::Number(n) => excel_serial(*n),
        Cell::Text(t) => text_date(t.trim(), birth, today),
        Cell::Empty => None,
    }
}

/// Excel's day count (day 1 is 1 January 1900, and it counts a 29 February 1900 that
/// never was: from 1 March 1900 on, day 0 is 30 December 1899).
pub fn excel_serial(n: f64) -> Option<NaiveDate> {
    if !(61.0..2_958_466.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(n.floor() as i64))
}

fn text_date(t: &str, birth: bool, today: NaiveDate) -> Option<NaiveDate> {
    // A moment written by a suite ("2026-11-23 00:00:00", "2026-11-23T00:00"): its day.
    let t = t.split([' ', 'T']).next().unwrap_or(t);
    if t.chars().all(|c| c.is_ascii_digit()) && t.len() == 5 {
        return excel_serial(t.parse().ok()?);
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (year, month, day) = if a.len() == 4 {
        (num(a)? as i32, num(b)?, num(c)?)
    } else {
        let year = match c.len() {
            4 => num(c)? as i32,
            2 => {
                let yy = num(c)? as i32;
                let this = 2000 + yy;
                if birth && this > today.year() {
                    1900 + yy
                } else {
                    this
                }
            }
            _ => return None,
        };
        (year, num(b)?, num(a)?)
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_as_suites_write_them() {
        let today = d("2026-12-07");
        let t = |s: &str| cell_date(&Cell::Text(s.into()), false, today);
        assert_eq!(t("23-11-2026"), Some(d("2026-11-23")));
        assert_eq!(t("23-11-26"), Some(d("2026-11-23")));
        assert_eq!(t("23/11/2026"), Some(d("2026-11-23")));
        assert_eq!(t("2026-11-23"), Some(d("2026-11-23")));
        assert_eq!(t("2026-11-23 00:00:00"), Some(d("2026-11-23")));
        assert_eq!(t("31-02-2026"), None, "a day that does not exist");
        assert_eq!(t("morgen"), None);
        // A birth year in two digits that would lie ahead is last century's.
        assert_eq!(
            cell_date(&Cell::Text("02-03-85".into()), true, today),
            Some(d("1985-03-02"))
        );
        assert_eq!(
            cell_date(&Cell::Text("02-03-04".into()), true, today),
            Some(d("2004-03-02"))
        );
        // Excel's serial numbers, as a number and as text.
        assert_eq!(
            cell_date(&Cell::Number(46349.0), false, today),
            Some(d("2026-11-23"))
        );
        assert_eq!(t("46349"), Some(d("2026-11-23")));
        assert_eq!(excel_serial(61.0), Some(d("1900-03-01")));
    }

    #[test]
    fn common_headers_are_recognised() {
        let headers: Vec<String> = [
            "Burgerservicenummer",
            "Voorletters",
            "Tussenvoegsel",
            "Geslachtsnaam",
            "Geboortedatum",
            "Telefoonnummer",
            "E-mail",
            "Postcode",
        ]
        .map(String::from)
        .to_vec();
        let p = Profile::from_headers(&headers);
        assert_eq!(p.kolommen.bsn.as_deref(), Some("Burgerservicenummer"));
        assert_eq!(p.kolommen.voorletters.as_deref(), Some("Voorletters"));
        assert_eq!(p.kolommen.voorvoegsel.as_deref(), Some("Tussenvoegsel"));
        assert_eq!(p.kolommen.achternaam.as_deref(), Some("Geslachtsnaam"));
        assert_eq!(p.kolommen.telefoon.as_deref(), Some("Telefoonnummer"));
        assert_eq!(p.kolommen.email.as_deref(), Some("E-mail"));
        assert_eq!(p.kolommen.straat, None);
    }
}
