//! Edits of the project as a whole: its working calendar and its header (the project sheet).

use super::record::{Delta, Header};
use super::tx::{Tx, label_with_pushed};
use super::{EditError, Message};
use crate::model::Calendar;
use crate::schedule::network;

impl Tx<'_> {
    pub(super) fn set_calendar(&mut self, calendar: Calendar) -> Result<Message, EditError> {
        let before = Box::new(self.project.calendar.clone());
        self.record(Delta::Calendar {
            before,
            after: Box::new(calendar),
        });
        self.validate()?;
        self.fresh_scheduler()?;
        let overlay = network::propagate_all(
            self.project,
            &self.scheduler.calendar,
            &self.scheduler.network,
        );
        let pushed = overlay.len();
        self.write(&overlay);
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
