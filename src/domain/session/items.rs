//! Editing a half's options (with pros and cons) and its action plan.

use super::{ActionItem, ActionStatus, CoachOption, Owner, Session, Side};

impl Session {
    // ---- options ----

    pub fn add_option(&mut self, h: usize, text: String) -> Option<u32> {
        let id = self.new_item_id();
        let turn = self.turns.get_mut(h)?;
        turn.options.push(CoachOption {
            id,
            text,
            ..Default::default()
        });
        Some(id)
    }

    pub fn edit_option(&mut self, h: usize, id: u32, text: String) {
        if let Some(o) = self.turn_mut(h).and_then(|x| x.option_mut(id)) {
            o.text = text;
        }
    }

    pub fn remove_option(&mut self, h: usize, id: u32) {
        if let Some(turn) = self.turn_mut(h) {
            turn.options.retain(|o| o.id != id);
        }
    }

    /// Move an option up (-1) or down (+1) the list.
    pub fn move_option(&mut self, h: usize, id: u32, by: isize) {
        if let Some(turn) = self.turn_mut(h) {
            if let Some(at) = turn.options.iter().position(|o| o.id == id) {
                let to = at as isize + by;
                if to >= 0 && (to as usize) < turn.options.len() {
                    turn.options.swap(at, to as usize);
                }
            }
        }
    }

    pub fn toggle_chosen(&mut self, h: usize, id: u32) {
        if let Some(o) = self.turn_mut(h).and_then(|x| x.option_mut(id)) {
            o.chosen = !o.chosen;
        }
    }

    fn side_mut(&mut self, h: usize, id: u32, side: Side) -> Option<&mut Vec<String>> {
        let o = self.turn_mut(h)?.option_mut(id)?;
        Some(match side {
            Side::Pros => &mut o.pros,
            Side::Cons => &mut o.cons,
        })
    }

    pub fn add_point(&mut self, h: usize, id: u32, side: Side) {
        if let Some(list) = self.side_mut(h, id, side) {
            list.push(String::new());
        }
    }

    pub fn edit_point(&mut self, h: usize, id: u32, side: Side, at: usize, text: String) {
        if let Some(item) = self.side_mut(h, id, side).and_then(|l| l.get_mut(at)) {
            *item = text;
        }
    }

    pub fn remove_point(&mut self, h: usize, id: u32, side: Side, at: usize) {
        if let Some(list) = self.side_mut(h, id, side) {
            if at < list.len() {
                list.remove(at);
            }
        }
    }

    // ---- action plan ----

    /// A new action item, owned by the half's client by default.
    pub fn add_action(&mut self, h: usize) -> Option<u32> {
        let id = self.new_item_id();
        let turn = self.turns.get_mut(h)?;
        turn.actions.push(ActionItem {
            id,
            what: String::new(),
            owner: Owner::Person(turn.client),
            due: String::new(),
            first_step: String::new(),
            status: ActionStatus::Open,
            status_note: String::new(),
        });
        Some(id)
    }

    pub fn edit_action(&mut self, h: usize, id: u32, edit: impl FnOnce(&mut ActionItem)) {
        if let Some(a) = self.turn_mut(h).and_then(|x| x.action_mut(id)) {
            edit(a);
        }
    }

    pub fn remove_action(&mut self, h: usize, id: u32) {
        if let Some(turn) = self.turn_mut(h) {
            turn.actions.retain(|a| a.id != id);
        }
    }

    pub fn set_confidence(&mut self, h: usize, value: Option<u8>) {
        if let Some(turn) = self.turn_mut(h) {
            turn.confidence = value.map(|v| v.clamp(1, 10));
        }
    }
}
