//! The loaded entries as the components share them: one allocation, compared by identity.

use std::ops::Deref;
use std::rc::Rc;

use learnings_core::{Bundle, Entry};

/// The loaded bundle, handed to every component that shows entries. Compared by pointer: the
/// same bundle is the same allocation, and 10,000 entries compared field by field on each
/// render would not do.
#[derive(Clone)]
pub struct SharedBundle(pub Rc<Bundle>);

impl PartialEq for SharedBundle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for SharedBundle {
    type Target = Bundle;

    fn deref(&self) -> &Bundle {
        &self.0
    }
}

impl SharedBundle {
    /// The entry at position `at` in reading order.
    pub fn entry(&self, at: usize) -> Option<EntryRef> {
        (at < self.entries.len()).then(|| EntryRef { bundle: self.clone(), at })
    }

    /// The entry with id `id`.
    pub fn find(&self, id: &str) -> Option<EntryRef> {
        self.entry(self.entries.iter().position(|e| e.id == id)?)
    }
}

/// One entry of the shared bundle, given to a component without copying the entry: the bundle
/// and the entry's position, compared as such.
#[derive(Clone, PartialEq)]
pub struct EntryRef {
    bundle: SharedBundle,
    /// Always a position in `bundle.entries` (see [`SharedBundle::entry`]).
    at: usize,
}

impl Deref for EntryRef {
    type Target = Entry;

    fn deref(&self) -> &Entry {
        &self.bundle.entries[self.at]
    }
}
