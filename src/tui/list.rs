//! A scrollable selection. Only the visible window is turned into widgets, so a list
//! of 10,000 rows costs no more to draw than one of 30.

#[derive(Debug, Default, Clone)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
    /// Rows that fitted at the last draw: a page for PgUp/PgDn.
    pub page: usize,
}

impl ListState {
    pub fn move_by(&mut self, delta: isize, len: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(len - 1);
    }

    pub fn page_size(&self) -> isize {
        self.page.max(1) as isize
    }

    /// The window of `height` rows out of `len` that keeps `position` (the selected
    /// row's place in the list) in view.
    pub fn window(&mut self, position: usize, len: usize, height: usize) -> std::ops::Range<usize> {
        self.page = height;
        if position < self.offset {
            self.offset = position;
        } else if height > 0 && position >= self.offset + height {
            self.offset = position + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
        self.offset..(self.offset + height).min(len)
    }

    /// The window for a list where every row can be selected.
    pub fn visible(&mut self, len: usize, height: usize) -> std::ops::Range<usize> {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.window(self.selected, len, height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_follows_the_selection() {
        let mut list = ListState::default();
        assert_eq!(list.visible(100, 10), 0..10);
        list.move_by(15, 100);
        assert_eq!(list.visible(100, 10), 6..16);
        list.move_by(-100, 100);
        assert_eq!(list.visible(100, 10), 0..10);
        list.move_by(1000, 100);
        assert_eq!(list.selected, 99);
        assert_eq!(list.visible(100, 10), 90..100);
        assert_eq!(list.visible(0, 10), 0..0);
        assert_eq!(list.visible(5, 0), 0..0);
    }
}
