/** The game's facts as data: jokers, poker hands, cards, blinds, decks, vouchers and planets, with lenient name lookup. */
package jimbot.algorithms.catalog;
