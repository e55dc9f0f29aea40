//! The dates a user reads for the project and for an item: the project's first day and finish,
//! and an item's dates as text, where an exhausted buffer reads "used up" instead of a range
//! that ends before it starts.

use chrono::NaiveDate;

use crate::i18n::{Language, format_span};
use crate::model::{Item, ItemKind, Project};
use crate::schedule::{WorkCalendar, span_of};

/// The project's first day and its finish, as the title line, the status bar, the presentation
/// and the report state them. The finish is the last working day any item works: an exhausted
/// buffer works none, so it ends the project on the day before its written start. `None` for
/// a project without items.
pub fn project_span(project: &Project) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = project.date_range()?;
    let calendar = WorkCalendar::covering(&project.calendar, first, last);
    let finish = project
        .items
        .iter()
        .map(|item| span_of(&calendar, item).finish)
        .max()?;
    Some((first, calendar.date_of(finish - 1)))
}

/// Whether `item` is a buffer with no working day left (written with its start on the working
/// day after its finish).
pub fn is_used_up(item: &Item) -> bool {
    item.kind == ItemKind::Buffer && item.finish < item.start
}

/// An item's dates as text in `language`: one date, a range, or for an exhausted buffer
/// "used up (0 of 5 days)".
pub fn dates_text(item: &Item, language: Language) -> String {
    if is_used_up(item) {
        used_up_text(item.planned_workdays, language)
    } else {
        format_span(item.start, item.finish, language)
    }
}

/// What an exhausted buffer that reserved `planned` working days reads where its dates would:
/// "used up (0 of 5 days)".
pub fn used_up_text(planned: u32, language: Language) -> String {
    let key = if planned == 1 {
        "rules.buffer_used_up_one"
    } else {
        "rules.buffer_used_up"
    };
    rust_i18n::t!(key, locale = language.code(), planned = planned).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemId;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 2, d).expect("date")
    }

    fn exhausted() -> Item {
        let mut buffer = Item::task(ItemId(2), "Buffer".to_owned(), day(26), day(25));
        buffer.kind = ItemKind::Buffer;
        buffer.planned_workdays = 5;
        buffer
    }

    #[test]
    fn an_exhausted_buffer_reads_used_up_in_both_languages() {
        let buffer = exhausted();
        assert_eq!(
            dates_text(&buffer, Language::English),
            "used up (0 of 5 days)"
        );
        assert_eq!(
            dates_text(&buffer, Language::Chinese),
            "已用完（5 天中剩 0 天）"
        );
        let mut one = buffer;
        one.planned_workdays = 1;
        assert_eq!(dates_text(&one, Language::English), "used up (0 of 1 day)");
    }

    #[test]
    fn the_project_finishes_on_the_last_day_worked() {
        let mut project = Project::named("P");
        project
            .items
            .push(Item::task(ItemId(1), "Work".to_owned(), day(22), day(25)));
        project.items.push(exhausted());
        assert_eq!(project_span(&project), Some((day(22), day(25))));
        assert_eq!(
            project.date_range(),
            Some((day(22), day(26))),
            "the written dates reach one day further"
        );
    }
}
