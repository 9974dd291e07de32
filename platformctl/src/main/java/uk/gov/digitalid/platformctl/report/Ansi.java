package uk.gov.digitalid.platformctl.report;

/** Colour for a terminal, or none (a pipe, a CI log, NO_COLOR). */
public record Ansi(boolean on) {

    /** Colour when stdout is a terminal and NO_COLOR is unset. */
    public static Ansi detect() {
        return new Ansi(System.console() != null && System.getenv("NO_COLOR") == null);
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
