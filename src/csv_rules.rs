//! The CSV spreadsheet format, once for both directions: the columns and their headers, how a
//! date, a kind, a yes or no, a predecessor and formula-like text are written in a cell, and
//! how the looser spellings a person types are read. [`crate::export::data`] writes with these
//! rules and [`crate::import::table`] reads with them, so the two cannot drift apart.

use chrono::NaiveDate;

use crate::model::{ItemId, ItemKind, Link, LinkKind};

/// How the CSV writes a date.
pub const DATE_FORMAT: &str = "%Y-%m-%d";

/// Between two predecessors in a cell, as written.
pub const PREDECESSOR_SEPARATOR: &str = ", ";

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];

/// The byte-order mark that starts the CSV text.
pub const BOM: char = '\u{feff}';

/// The CSV header row, in order.
pub const CSV_HEADER: [&str; 13] = {
    let mut header = [""; 13];
    let mut index = 0;
    while index < header.len() {
        header[index] = Column::ALL[index].header();
        index += 1;
    }
    header
};

/// A column Milepost writes and understands, in the order the export writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// `ID`: the item's id.
    Id,
    /// `Name`.
    Name,
    /// `Kind`: task, milestone or buffer.
    Kind,
    /// `Lane`: the lane's name.
    Lane,
    /// `Start`.
    Start,
    /// `Finish`.
    Finish,
    /// `Working days` from start to finish.
    Workdays,
    /// `Owner`: the owner's name.
    Owner,
    /// `Progress`, percent.
    Progress,
    /// `Predecessors`: the links into the item.
    Predecessors,
    /// `Deadline`.
    Deadline,
    /// `Planned working days` of a buffer.
    PlannedWorkdays,
    /// `Client visible`: yes or no.
    ClientVisible,
}

impl Column {
    /// Every column, in the order the export writes them.
    pub const ALL: [Self; 13] = [
        Self::Id,
        Self::Name,
        Self::Kind,
        Self::Lane,
        Self::Start,
        Self::Finish,
        Self::Workdays,
        Self::Owner,
        Self::Progress,
        Self::Predecessors,
        Self::Deadline,
        Self::PlannedWorkdays,
        Self::ClientVisible,
    ];

    /// The header the export writes for the column.
    pub const fn header(self) -> &'static str {
        match self {
            Self::Id => "ID",
            Self::Name => "Name",
            Self::Kind => "Kind",
            Self::Lane => "Lane",
            Self::Start => "Start",
            Self::Finish => "Finish",
            Self::Workdays => "Working days",
            Self::Owner => "Owner",
            Self::Progress => "Progress",
            Self::Predecessors => "Predecessors",
            Self::Deadline => "Deadline",
            Self::PlannedWorkdays => "Planned working days",
            Self::ClientVisible => "Client visible",
        }
    }

    /// Other header names understood besides [`Self::header`], lower case, without spaces,
    /// `_`, `-` or `*`.
    const NAMES: [(Self, &'static [&'static str]); 13] = [
        (Self::Id, &["编号", "序号", "任务编号", "标识号", "no", "#"]),
        (
            Self::Name,
            &[
                "task",
                "taskname",
                "title",
                "名称",
                "任务名称",
                "任务",
                "名字",
                "事项",
            ],
        ),
        (Self::Kind, &["type", "类型", "任务类型", "种类"]),
        (
            Self::Lane,
            &[
                "phase",
                "stage",
                "group",
                "workstream",
                "阶段",
                "泳道",
                "分组",
                "分类",
            ],
        ),
        (
            Self::Start,
            &[
                "startdate",
                "begin",
                "开始",
                "开始日期",
                "开始时间",
                "起始日期",
            ],
        ),
        (
            Self::Finish,
            &[
                "end",
                "finishdate",
                "enddate",
                "due",
                "结束",
                "完成",
                "结束日期",
                "完成日期",
                "结束时间",
                "完成时间",
            ],
        ),
        (
            Self::Workdays,
            &["workdays", "duration", "工期", "工作日", "工作日数", "天数"],
        ),
        (
            Self::Owner,
            &[
                "responsible",
                "assignee",
                "resource",
                "resourcenames",
                "负责人",
                "责任人",
                "资源名称",
                "执行人",
            ],
        ),
        (
            Self::Progress,
            &[
                "%complete",
                "percentcomplete",
                "complete",
                "进度",
                "完成百分比",
                "完成度",
                "完成率",
            ],
        ),
        (
            Self::Predecessors,
            &[
                "predecessor",
                "dependencies",
                "前置任务",
                "前置",
                "依赖",
                "紧前任务",
            ],
        ),
        (Self::Deadline, &["截止日期", "期限", "最后期限"]),
        (
            Self::PlannedWorkdays,
            &["plannedworkdays", "计划工作日", "计划工作日数"],
        ),
        (
            Self::ClientVisible,
            &["visible", "visibletoclient", "客户可见", "对客户可见"],
        ),
    ];

    /// The column a header names, if any.
    pub fn of(header: &str) -> Option<Self> {
        let key = normalised(header);
        Self::NAMES
            .iter()
            .find(|(column, names)| {
                normalised(column.header()) == key || names.contains(&key.as_str())
            })
            .map(|(column, _)| *column)
    }
}

/// A header as [`Column::of`] compares it: trimmed, lower case, without spaces, `_`, `-`, `*`
/// or full-width brackets.
fn normalised(header: &str) -> String {
    header
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*' | '（' | '）'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A date as the CSV writes it: `YYYY-MM-DD`.
pub fn write_date(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

/// Text a spreadsheet would take for a formula gets a leading apostrophe.
pub fn guard_formula(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// One link as written in the `Predecessors` column: `3FS`, `5SS+2`, `2FS-1`.
pub fn predecessor(link: &Link) -> String {
    let text = format!("{}{}", link.from, link.kind.abbreviation());
    if link.lag_workdays == 0 {
        text
    } else {
        // `{:+}` writes the sign of positive lags too.
        format!("{text}{:+}", link.lag_workdays)
    }
}

/// The cells of a `Predecessors` cell, as written or typed: separated by `,`, `，`, `;`, `；`
/// or `、`.
pub fn split_predecessors(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([',', '，', ';', '；', '、'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
}

/// A kind as the CSV writes it: `Task`, `Milestone`, `Buffer`.
pub fn write_kind(kind: ItemKind) -> &'static str {
    kind.as_str()
}

/// Yes or no as the CSV writes it.
pub fn write_bool(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// The link kind of an abbreviation (`FS`, `SS`, `FF`, `SF`, any case).
pub fn link_kind(abbreviation: &str) -> Option<LinkKind> {
    LinkKind::ALL
        .into_iter()
        .find(|kind| kind.abbreviation().eq_ignore_ascii_case(abbreviation))
}

/// The delimiter of the text: a comma, unless the header row has more semicolons or tabs.
pub fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let count = |c| header.matches(c).count();
    let (commas, semicolons, tabs) = (count(','), count(';'), count('\t'));
    if tabs > commas && tabs >= semicolons {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// A date written `2026-11-06`, `2026/11/6`, `2026.11.06` or `2026年11月6日`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim().trim_end_matches('日');
    let parts: Vec<&str> = text.split(['-', '/', '.', '年', '月']).collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let number = |part: &str| -> Option<u32> {
        (!part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    if year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(number(year)?).ok()?,
        number(month)?,
        number(day)?,
    )
}

/// The kind written in a cell, in English or Chinese.
pub fn parse_kind(text: &str) -> Option<ItemKind> {
    match text.trim().to_lowercase().as_str() {
        "" | "task" | "任务" | "工作" => Some(ItemKind::Task),
        "milestone" | "里程碑" | "节点" => Some(ItemKind::Milestone),
        "buffer" | "缓冲" | "缓冲区" | "缓冲期" => Some(ItemKind::Buffer),
        _ => None,
    }
}

/// Progress written `40` or `40%` (a whole or decimal number from 0 to 100).
pub fn parse_progress(text: &str) -> Option<u8> {
    let number = text.trim().trim_end_matches(['%', '％']).trim();
    let value: f64 = number.parse().ok()?;
    (0.0..=100.0).contains(&value).then(|| value.round() as u8)
}

/// Yes or no, in the usual spellings.
pub fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "yes" | "y" | "true" | "1" | "x" | "是" | "可见" | "√" | "✓" => Some(true),
        "no" | "n" | "false" | "0" | "否" | "不可见" | "内部" => Some(false),
        _ => None,
    }
}

/// One predecessor: `3`, `3FS`, `5SS+2`, `2FS-1`, `4FF+3d`, `4FF+3天`.
pub fn parse_predecessor(text: &str) -> Option<(ItemId, crate::model::LinkKind, i32)> {
    let text = text.trim();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let id: u32 = text.get(..digits)?.parse().ok()?;
    let rest = text.get(digits..)?.trim();
    let (kind, rest) = match rest.get(..2).and_then(link_kind) {
        Some(kind) => (kind, rest.get(2..).unwrap_or_default()),
        None => (crate::model::LinkKind::FinishToStart, rest),
    };
    let rest = rest
        .trim()
        .trim_end_matches(['d', 'D', '天'])
        .trim_end_matches(" days")
        .trim();
    let lag = if rest.is_empty() {
        0
    } else {
        let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
        if !compact.starts_with(['+', '-']) {
            return None;
        }
        compact.parse().ok()?
    };
    Some((ItemId(id), kind, lag))
}

/// Text as written by [`guard_formula`], without its apostrophe.
pub fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_usual_spellings() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 6);
        for text in [
            "2026-11-06",
            "2026/11/6",
            "2026.11.06",
            "2026年11月6日",
            " 2026-11-6 ",
        ] {
            assert_eq!(parse_date(text), day, "{text}");
        }
        for text in ["06/11/2026", "2026-13-01", "2026-11", "soon", ""] {
            assert_eq!(parse_date(text), None, "{text} is refused");
        }
    }

    #[test]
    fn predecessors_in_the_notation_and_its_loose_forms() {
        use crate::model::LinkKind::{FinishToFinish, FinishToStart, StartToStart};
        for (text, expected, what) in [
            ("3", (ItemId(3), FinishToStart, 0), "bare id"),
            ("3FS", (ItemId(3), FinishToStart, 0), "FS"),
            ("5SS+2", (ItemId(5), StartToStart, 2), "lag"),
            ("2fs-1", (ItemId(2), FinishToStart, -1), "lead"),
            ("4FF+3d", (ItemId(4), FinishToFinish, 3), "d"),
            ("4FF + 3天", (ItemId(4), FinishToFinish, 3), "天"),
        ] {
            assert_eq!(parse_predecessor(text), Some(expected), "{what}");
        }
        for text in ["FS", "3XX", "3FS2", "3FS+x"] {
            assert_eq!(parse_predecessor(text), None, "{text} is refused");
        }
    }

    #[test]
    fn what_the_export_writes_the_import_reads() {
        for column in Column::ALL {
            assert_eq!(Column::of(column.header()), Some(column), "{column:?}");
        }
        for kind in [ItemKind::Task, ItemKind::Milestone, ItemKind::Buffer] {
            assert_eq!(parse_kind(write_kind(kind)), Some(kind), "{kind:?}");
        }
        for value in [true, false] {
            assert_eq!(parse_bool(write_bool(value)), Some(value), "{value}");
        }
        let day = NaiveDate::from_ymd_opt(2026, 1, 9).expect("a date");
        assert_eq!(parse_date(&write_date(day)), Some(day), "a date");
        for text in ["=SUM(A1)", "+1", "-x", "@me", "plain", "'quoted"] {
            assert_eq!(unguard(&guard_formula(text)), text, "{text}");
        }
        let links = [
            (3, LinkKind::FinishToStart, 0),
            (5, LinkKind::StartToStart, 2),
            (2, LinkKind::StartToFinish, -1),
        ];
        let cell = links
            .iter()
            .map(|&(from, kind, lag_workdays)| {
                predecessor(&Link {
                    from: ItemId(from),
                    to: ItemId(9),
                    kind,
                    lag_workdays,
                })
            })
            .collect::<Vec<_>>()
            .join(PREDECESSOR_SEPARATOR);
        assert_eq!(cell, "3FS, 5SS+2, 2SF-1", "as MS Project writes them");
        let read: Vec<_> = split_predecessors(&cell)
            .filter_map(parse_predecessor)
            .collect();
        assert_eq!(
            read,
            links.map(|(from, kind, lag)| (ItemId(from), kind, lag)),
            "read back"
        );
    }

    #[test]
    fn progress_and_yes_no() {
        assert_eq!(parse_progress("40"), Some(40), "whole");
        assert_eq!(parse_progress("40%"), Some(40), "percent");
        assert_eq!(parse_progress("101"), None, "over 100");
        assert_eq!(parse_bool("否"), Some(false), "Chinese no");
        assert_eq!(parse_bool("maybe"), None, "not a yes or no");
    }
}
