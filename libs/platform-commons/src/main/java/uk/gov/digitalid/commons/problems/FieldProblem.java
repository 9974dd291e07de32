package uk.gov.digitalid.commons.problems;

/** One bad input in a problem response's {@code errors} list: which field, and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
