//! Tasks from a spreadsheet: the CSV Milepost exports, or one a person typed.
//!
//! The first row names the columns, in English or Chinese, in any order (see [`Column`] for
//! the names understood); columns not understood are ignored. Only a name and a start date are
//! required. Rows are numbered as the spreadsheet shows them: the header is row 1.
//!
//! - `ID` — a positive whole number, unique. Rows without one are numbered after the largest
//!   given; when no row has one, the rows are numbered 1, 2, 3… in order, so that
//!   predecessors may refer to row positions as in MS Project.
//! - `Kind` — `Task`, `Milestone`, `Buffer` or 任务, 里程碑, 缓冲; a task when empty.
//! - `Start`, `Finish`, `Deadline` — `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` or
//!   `YYYY年M月D日`. A milestone is on its finish date (its start when there is no finish);
//!   a task or buffer without a finish lasts one day.
//! - `Lane`, `Owner` — names; lanes and team members are created for them, in order.
//! - `Progress` — `40` or `40%`.
//! - `Predecessors` — `3FS, 5SS+2, 2FS-1` (see [`crate::export::data`]).
//! - `Client visible` — yes / no, true / false, 1 / 0, 是 / 否; yes when empty.
//!
//! Every problem is collected; nothing is returned unless every row is sound. The result is
//! settled by the scheduler (links that the dates violate push their successors later) and
//! checked like a loaded file.

use std::collections::{HashMap, HashSet};

use crate::csv_rules::{
    BOM, Column, delimiter, parse_bool, parse_date, parse_kind, parse_predecessor, parse_progress,
    split_predecessors, unguard,
};
use crate::model::{Item, ItemId, ItemKind, Lane, LaneId, Link, Person, PersonId, Project};
use crate::tr;

/// One problem with the CSV text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The row as a spreadsheet numbers it (the header is row 1), when the problem is in one.
    pub row: Option<usize>,
    /// The column's header as written in the file, when the problem is in one.
    pub column: Option<String>,
    /// What is wrong, in the current language.
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.row, &self.column) {
            (Some(row), Some(column)) => write!(
                f,
                "{}",
                tr!(
                    "import.at_row_column",
                    row = row,
                    column = column,
                    message = self.message
                )
            ),
            (Some(row), None) => write!(
                f,
                "{}",
                tr!("import.at_row", row = row, message = self.message)
            ),
            _ => write!(f, "{}", self.message),
        }
    }
}

/// Everything wrong with a CSV text; never empty.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.lines())]
pub struct ImportErrors(pub Vec<ImportError>);

impl ImportErrors {
    /// One problem per line.
    pub fn lines(&self) -> String {
        self.0
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Collects problems while the rows are read.
#[derive(Default)]
struct Problems(Vec<ImportError>);

impl Problems {
    fn at(&mut self, row: usize, column: &str, message: impl Into<String>) {
        self.0.push(ImportError {
            row: Some(row),
            column: Some(column.to_owned()),
            message: message.into(),
        });
    }

    fn general(&mut self, message: impl Into<String>) {
        self.0.push(ImportError {
            row: None,
            column: None,
            message: message.into(),
        });
    }
}

/// A row as read, before ids are settled.
struct Row {
    /// The spreadsheet's row number.
    number: usize,
    id: Option<u32>,
    item: Item,
    lane: String,
    owner: String,
    predecessors: Vec<(ItemId, crate::model::LinkKind, i32)>,
    planned_given: bool,
}

/// Reads the CSV `text` (a leading byte-order mark is fine) into a project holding its items,
/// links, lanes and owners, settled by the scheduler and validated.
///
/// # Errors
/// Every problem found: each with the row and the column when it is in a cell, a missing name
/// or start column, links that form a loop, and what validation of the result finds.
pub fn csv(text: &str) -> Result<Project, ImportErrors> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut problems = Problems::default();
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => records.push(record),
            Err(error) => {
                let row = records.len() + 1;
                problems.0.push(ImportError {
                    row: Some(row),
                    column: None,
                    message: tr!("import.unreadable", error = error.to_string()).into_owned(),
                });
                return Err(ImportErrors(problems.0));
            }
        }
    }
    let Some(header) = records.first() else {
        problems.general(tr!("import.empty"));
        return Err(ImportErrors(problems.0));
    };
    let mut columns: HashMap<Column, (usize, String)> = HashMap::new();
    for (index, title) in header.iter().enumerate() {
        if let Some(column) = Column::of(title) {
            columns
                .entry(column)
                .or_insert_with(|| (index, title.trim().to_owned()));
        }
    }
    for (required, key) in [
        (Column::Name, "import.no_name_column"),
        (Column::Start, "import.no_start_column"),
    ] {
        if !columns.contains_key(&required) {
            problems.general(tr!(key));
        }
    }
    if !problems.0.is_empty() {
        return Err(ImportErrors(problems.0));
    }
    let column_name = |column: Column| {
        columns
            .get(&column)
            .map(|(_, title)| title.clone())
            .unwrap_or_default()
    };

    let mut rows = Vec::new();
    for (index, record) in records.iter().enumerate().skip(1) {
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let number = index + 1;
        let cell = |column: Column| {
            columns
                .get(&column)
                .and_then(|(index, _)| record.get(*index))
                .map_or("", str::trim)
        };
        if let Some(row) = read_row(number, &cell, &column_name, &mut problems) {
            rows.push(row);
        }
    }
    if rows.is_empty() && problems.0.is_empty() {
        problems.general(tr!("import.no_rows"));
    }

    // Ids: given ones must be unique; the others follow.
    let mut seen = HashSet::new();
    for row in &rows {
        if let Some(id) = row.id
            && !seen.insert(id)
        {
            problems.at(
                row.number,
                &column_name(Column::Id),
                tr!("import.duplicate_id", id = id),
            );
        }
    }
    if seen.is_empty() {
        for (position, row) in rows.iter_mut().enumerate() {
            row.id = Some(u32::try_from(position + 1).unwrap_or(u32::MAX));
        }
    } else {
        let mut next = seen.iter().copied().max().unwrap_or(0);
        for row in &mut rows {
            if row.id.is_none() {
                next = next.saturating_add(1);
                row.id = Some(next);
            }
        }
    }
    let ids: HashSet<u32> = rows.iter().filter_map(|row| row.id).collect();

    let mut project = Project::default();
    let mut lanes: HashMap<String, LaneId> = HashMap::new();
    let mut people: HashMap<String, PersonId> = HashMap::new();
    for row in &mut rows {
        let id = ItemId(row.id.unwrap_or_default());
        row.item.id = id;
        if !row.lane.is_empty() {
            let lane = named_id(
                &mut lanes,
                &mut project.lanes,
                &row.lane,
                LaneId,
                |id, name| Lane { id, name },
            );
            row.item.lane = Some(lane);
        }
        if !row.owner.is_empty() {
            let owner = named_id(
                &mut people,
                &mut project.team,
                &row.owner,
                PersonId,
                Person::new,
            );
            row.item.owner = Some(owner);
        }
        let mut from_here = HashSet::new();
        for &(from, kind, lag_workdays) in &row.predecessors {
            let column = column_name(Column::Predecessors);
            if from == id {
                problems.at(row.number, &column, tr!("import.self_link", id = from));
            } else if !ids.contains(&from.0) {
                problems.at(
                    row.number,
                    &column,
                    tr!("import.unknown_predecessor", id = from),
                );
            } else if !from_here.insert(from) {
                problems.at(row.number, &column, tr!("import.duplicate_link", id = from));
            } else {
                project.links.push(Link {
                    from,
                    to: id,
                    kind,
                    lag_workdays,
                });
            }
        }
    }
    if !problems.0.is_empty() {
        return Err(ImportErrors(problems.0));
    }
    project.items = rows.into_iter().map(finish_row).collect();

    if let Some(cycle) = crate::model::find_cycle(&project.links) {
        problems.general(tr!(
            "import.cycle",
            cycle = crate::model::describe_cycle(&project, &cycle)
        ));
        return Err(ImportErrors(problems.0));
    }
    let project = crate::schedule::settled(&project).map_err(|error| {
        ImportErrors(vec![ImportError {
            row: None,
            column: None,
            message: error.to_string(),
        }])
    })?;
    let invalid = crate::model::validate(&project);
    if !invalid.is_empty() {
        return Err(ImportErrors(
            invalid
                .into_iter()
                .map(|problem| ImportError {
                    row: None,
                    column: None,
                    message: problem.message.text(),
                })
                .collect(),
        ));
    }
    Ok(project)
}

/// A buffer's planned length defaults to its length as imported.
/// The id of the lane or person called `name` in this import, added to `list` (numbered after
/// the last) the first time the name is seen.
fn named_id<T, Id: Copy>(
    ids: &mut HashMap<String, Id>,
    list: &mut Vec<T>,
    name: &str,
    id: fn(u32) -> Id,
    make: impl FnOnce(Id, String) -> T,
) -> Id {
    let next = id(u32::try_from(list.len() + 1).unwrap_or(u32::MAX));
    *ids.entry(name.to_owned()).or_insert_with(|| {
        list.push(make(next, name.to_owned()));
        next
    })
}

fn finish_row(mut row: Row) -> Item {
    if row.item.kind == ItemKind::Buffer && !row.planned_given {
        let calendar = crate::schedule::WorkCalendar::new(&crate::model::Calendar::default());
        let workdays = crate::schedule::span_of(&calendar, &row.item).workdays();
        row.item.planned_workdays = u32::try_from(workdays).unwrap_or(0);
    }
    row.item
}

/// Reads one data row; `None` (with the problems recorded) when a cell is wrong.
fn read_row<'a>(
    number: usize,
    cell: &dyn Fn(Column) -> &'a str,
    column_name: &dyn Fn(Column) -> String,
    problems: &mut Problems,
) -> Option<Row> {
    let before = problems.0.len();
    let mut bad = |column: Column, message: std::borrow::Cow<'_, str>| {
        problems.at(number, &column_name(column), message);
    };

    let id = match cell(Column::Id) {
        "" => None,
        text => match text.parse::<u32>() {
            Ok(id) if id > 0 => Some(id),
            _ => {
                bad(Column::Id, tr!("import.bad_id", value = text));
                None
            }
        },
    };
    let name = unguard(cell(Column::Name)).to_owned();
    if name.is_empty() {
        bad(Column::Name, tr!("import.empty_name"));
    }
    let kind = parse_kind(cell(Column::Kind)).unwrap_or_else(|| {
        bad(
            Column::Kind,
            tr!("import.bad_kind", value = cell(Column::Kind)),
        );
        ItemKind::Task
    });
    let mut date = |column: Column| match cell(column) {
        "" => None,
        text => {
            let parsed = parse_date(text);
            if parsed.is_none() {
                bad(column, tr!("import.bad_date", value = text));
            }
            parsed
        }
    };
    let start = date(Column::Start);
    let finish = date(Column::Finish);
    let deadline = date(Column::Deadline);
    if cell(Column::Start).is_empty() {
        bad(Column::Start, tr!("import.empty_start"));
    }
    let progress = match cell(Column::Progress) {
        "" => 0,
        text => parse_progress(text).unwrap_or_else(|| {
            bad(Column::Progress, tr!("import.bad_progress", value = text));
            0
        }),
    };
    let client_visible = parse_bool(cell(Column::ClientVisible)).unwrap_or_else(|| {
        bad(
            Column::ClientVisible,
            tr!("import.bad_bool", value = cell(Column::ClientVisible)),
        );
        true
    });
    let workdays = match cell(Column::Workdays) {
        "" => None,
        text => text.parse::<u32>().map_or_else(
            |_| {
                bad(Column::Workdays, tr!("import.bad_number", value = text));
                None
            },
            Some,
        ),
    };
    let planned = match cell(Column::PlannedWorkdays) {
        "" => None,
        text => text.parse::<u32>().map_or_else(
            |_| {
                bad(
                    Column::PlannedWorkdays,
                    tr!("import.bad_number", value = text),
                );
                None
            },
            Some,
        ),
    };
    let mut predecessors = Vec::new();
    for part in split_predecessors(cell(Column::Predecessors)) {
        match parse_predecessor(part) {
            Some(link) => predecessors.push(link),
            None => bad(
                Column::Predecessors,
                tr!("import.bad_predecessor", value = part),
            ),
        }
    }
    if let (Some(start), Some(finish)) = (start, finish)
        && finish < start
        && kind == ItemKind::Task
    {
        bad(Column::Finish, tr!("import.finish_before_start"));
    }
    if problems.0.len() > before {
        return None;
    }
    let start = start?;
    let (start, finish) = match (kind, finish) {
        (ItemKind::Milestone, finish) => {
            let day = finish.unwrap_or(start);
            (day, day)
        }
        (_, Some(finish)) => (start, finish),
        (_, None) => {
            // Without a finish, the working days give the length (one day when absent).
            let length = i64::from(workdays.unwrap_or(1).max(1));
            let calendar = crate::schedule::WorkCalendar::new(&crate::model::Calendar::default());
            (start, calendar.add_workdays(start, length - 1).max(start))
        }
    };
    let mut item = Item::task(ItemId(0), name, start, finish);
    item.kind = kind;
    item.progress = progress;
    item.client_visible = client_visible;
    item.deadline = deadline;
    item.planned_workdays = planned.unwrap_or(0);
    Some(Row {
        number,
        id,
        item,
        lane: unguard(cell(Column::Lane)).to_owned(),
        owner: unguard(cell(Column::Owner)).to_owned(),
        predecessors,
        planned_given: planned.is_some(),
    })
}
