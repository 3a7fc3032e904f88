//! The log of a trial's deals for the incentives (SPEC §13): each deal's booking month,
//! its recognised revenue month by month since booking, and whether it ended by churn.
//! The trial writes it while it recognises revenue (only when the plan has incentives);
//! `auditPlan` builds one from the reported deals.

/// One deal in the log.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DealRec {
    /// Month index of the booking (0 = month 1).
    pub booked: usize,
    /// Where its revenue starts in [`DealLog::revenue`].
    pub start: usize,
    /// Months of revenue recognised within the horizon.
    pub len: usize,
    /// Churned: the customer left after its last month of revenue (not the end of a
    /// term without renewal, nor the horizon).
    pub churned: bool,
}

/// Every deal of one trial with its revenue by month since booking.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DealLog {
    /// The deals, in the order they were booked by the trial.
    pub deals: Vec<DealRec>,
    /// The deals' revenue, one run per deal.
    pub revenue: Vec<i64>,
    /// Whether the trial writes to the log.
    pub on: bool,
}

impl DealLog {
    /// A log that records.
    pub fn recording() -> DealLog {
        DealLog {
            on: true,
            ..DealLog::default()
        }
    }

    /// Forget every deal (the buffers are kept).
    pub fn clear(&mut self) {
        self.deals.clear();
        self.revenue.clear();
    }

    /// A new deal booked in month index `booked`.
    pub fn open(&mut self, booked: usize) {
        if self.on {
            self.deals.push(DealRec {
                booked,
                start: self.revenue.len(),
                len: 0,
                churned: false,
            });
        }
    }

    /// The open deal's revenue of its next month.
    pub fn push(&mut self, units: i64) {
        if self.on {
            self.revenue.push(units);
            if let Some(d) = self.deals.last_mut() {
                d.len = d.len.saturating_add(1);
            }
        }
    }

    /// The open deal ends; `churned` when the customer left.
    pub fn close(&mut self, churned: bool) {
        if let (true, Some(d)) = (self.on, self.deals.last_mut()) {
            d.churned = churned;
        }
    }

    /// A deal's revenue by month since booking.
    pub fn revenue_of(&self, d: &DealRec) -> &[i64] {
        self.revenue.get(d.start..d.start.saturating_add(d.len)).unwrap_or(&[])
    }
}
