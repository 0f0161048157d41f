/** Strategy answers over HTTP: score a play, order jokers, choose the best play, for a request or a live game. */
package jimbot.api.strategy;
