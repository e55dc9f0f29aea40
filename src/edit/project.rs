//! Edits of the project as a whole: its working calendar and its header (the project sheet).

use super::record::{Delta, Header};
use super::tx::{Tx, label_with_pushed};
use super::{EditError, Message};
use crate::model::Calendar;
use crate::schedule::{WorkCalendar, network};

impl Tx<'_> {
    pub(super) fn set_calendar(&mut self, calendar: Calendar) -> Result<Message, EditError> {
        let before = Box::new(self.project.calendar.clone());
        let mut counted_before = WorkCalendar::new(&before);
        if let Some((first, last)) = self.project.date_range() {
            counted_before.cover(first, last);
        }
        self.record(Delta::Calendar {
            before,
            after: Box::new(calendar),
        });
        self.fresh_scheduler()?;
        let overlay = network::recalendar(
            self.project,
            &counted_before,
            &self.scheduler.calendar,
            &self.scheduler.network,
        );
        let pushed = overlay.len();
        self.write(&overlay);
        // Checked with the dates re-placed: an exhausted buffer's dates depend on the calendar.
        self.validate()?;
        Ok(label_with_pushed(Message::new("edit.calendar"), pushed))
    }

    pub(super) fn set_header(&mut self, header: Header) -> Result<Message, EditError> {
        let before = Box::new(Header::of(self.project));
        self.record(Delta::Header {
            before,
            after: Box::new(header),
        });
        self.validate()?;
        Ok(Message::new("edit.header"))
    }
}
