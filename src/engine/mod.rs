//! The sweep: expiry and rhythm rules that turn dates into work items.
