/** The engine's error set, named by what the caller should do; each transport maps it in one place. */
package jimbot.errors;
