/** joker.popularity: the template procedure module a researcher copies to start a new one (docs/modules.md). */
package jimbot.algorithms.template;
