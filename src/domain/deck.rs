//! Question cards for the coach: a deck per phase, drawn one at a time
//! without repeats until the deck is used up, with pins.
//!
//! Cards are referred to by number; their text lives in the message
//! catalogue (`i18n`), so saved and shared sessions hold only numbers.

use serde::{Deserialize, Serialize};

/// Cards in each phase's deck. Every catalogue has exactly this many per
/// phase (checked by the compiler through the array types).
pub const DECK_SIZE: usize = 12;

/// Which cards of one phase's deck have been seen, and which are pinned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardState {
    /// Cards drawn in this round of the deck, oldest first; the last is the
    /// card on show. The first card of every deck is a good opener.
    pub drawn: Vec<u8>,
    pub pinned: Vec<u8>,
}

impl Default for CardState {
    fn default() -> Self {
        CardState {
            drawn: vec![0],
            pinned: Vec::new(),
        }
    }
}

/// A card of a deck of `size` not in `seen`, chosen with `random`; `None`
/// once every card has been seen.
pub fn draw_unseen(seen: &[u8], size: usize, random: u32) -> Option<u8> {
    let size = size.min(u8::MAX as usize + 1);
    let unseen: Vec<u8> = (0..size)
        .map(|c| c as u8)
        .filter(|c| !seen.contains(c))
        .collect();
    (!unseen.is_empty()).then(|| unseen[random as usize % unseen.len()])
}

/// What a draw did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Draw {
    /// A card not seen yet in this round.
    Fresh(u8),
    /// Every card had been seen: the deck starts again (never with the card
    /// that was just on show).
    Reshuffled(u8),
}

impl CardState {
    pub fn current(&self) -> u8 {
        self.drawn
            .last()
            .copied()
            .unwrap_or(0)
            .min(DECK_SIZE as u8 - 1)
    }

    pub fn remaining(&self) -> usize {
        DECK_SIZE.saturating_sub(self.drawn.len())
    }

    /// Draw another card; `random` is any random number from the caller.
    pub fn draw(&mut self, random: u32) -> Draw {
        if let Some(card) = draw_unseen(&self.drawn, DECK_SIZE, random) {
            self.drawn.push(card);
            return Draw::Fresh(card);
        }
        // A new round, never starting with the card just on show.
        let current = self.current();
        let card = draw_unseen(&[current], DECK_SIZE, random).unwrap_or(0);
        self.drawn = vec![card];
        Draw::Reshuffled(card)
    }

    pub fn is_pinned(&self, card: u8) -> bool {
        self.pinned.contains(&card)
    }

    pub fn toggle_pin(&mut self, card: u8) {
        if let Some(at) = self.pinned.iter().position(|&c| c == card) {
            self.pinned.remove(at);
        } else if (card as usize) < DECK_SIZE {
            self.pinned.push(card);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_every_card_once_before_repeating() {
        let mut deck = CardState::default();
        let mut seen = vec![deck.current()];
        for i in 0..DECK_SIZE - 1 {
            match deck.draw(i as u32 * 7919) {
                Draw::Fresh(card) => seen.push(card),
                other => panic!("unexpected {other:?}"),
            }
        }
        seen.sort();
        assert_eq!(seen, (0..DECK_SIZE as u8).collect::<Vec<_>>());
        assert_eq!(deck.remaining(), 0);
        let last = deck.current();
        match deck.draw(3) {
            Draw::Reshuffled(card) => assert_ne!(card, last),
            other => panic!("expected a reshuffle, got {other:?}"),
        }
        assert_eq!(deck.drawn.len(), 1);
    }

    #[test]
    fn draw_unseen_exhausts_any_deck() {
        let mut seen = Vec::new();
        while let Some(card) = draw_unseen(&seen, 24, seen.len() as u32 * 31) {
            assert!(!seen.contains(&card));
            seen.push(card);
        }
        assert_eq!(seen.len(), 24);
        assert_eq!(draw_unseen(&[], 0, 5), None);
    }

    #[test]
    fn pins_toggle() {
        let mut deck = CardState::default();
        deck.toggle_pin(3);
        deck.toggle_pin(5);
        assert!(deck.is_pinned(3));
        deck.toggle_pin(3);
        assert_eq!(deck.pinned, vec![5]);
        deck.toggle_pin(200);
        assert_eq!(deck.pinned, vec![5], "cards outside the deck are ignored");
    }

    #[test]
    fn a_corrupt_current_card_stays_in_the_deck() {
        let deck = CardState {
            drawn: vec![250],
            pinned: vec![],
        };
        assert!((deck.current() as usize) < DECK_SIZE);
    }
}
