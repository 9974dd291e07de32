package uk.gov.digitalid.commons.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * RFC 9457 {@code application/problem+json} for every error a Spring MVC controller can meet.
 * Spring's own handler covers the standard exceptions (404 for unknown routes, 405, 406, 415...);
 * this adds the names of bad fields, 413 for oversized bodies, and a 500 that names nothing
 * internal but carries a reference that is in the log.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), message(error)));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), message(error))));
        return invalid(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldProblem(result.getMethodParameter().getParameterName(), message(error)))));
        return invalid(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        return invalid(List.of(new FieldProblem(field, "must be " + describe(ex.getRequiredType()))), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String instance = path(request);
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return respond(Problems.bodyTooLarge(tooLarge.limit(), instance), headers);
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return invalid(List.of(new FieldProblem(fieldPath(unknown), "is not a field of this request")), headers, request);
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = fieldPath(mismatch);
                String message = mismatch.getTargetType() == null ? "is not valid here" : "must be " + describe(mismatch.getTargetType());
                return invalid(List.of(new FieldProblem(field, message)), headers, request);
            }
            if (cause instanceof StreamReadException) {
                return respond(Problems.of(HttpStatus.BAD_REQUEST, "The request body is not well-formed JSON.", instance), headers);
            }
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "The request body is missing or cannot be read.", instance), headers);
    }

    /** Bean Validation on service methods ({@code @Validated} beans) outside the MVC binding. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return invalid(errors, new HttpHeaders(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, NativeWebRequest request) {
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        if (declared != null && !declared.code().is5xxServerError()) {
            return respond(Problems.of(declared.code(), declared.code().getReasonPhrase() + ".", path(request)), new HttpHeaders());
        }
        UUID reference = UUID.randomUUID();
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        log.error("Unhandled error, reference {} ({} {})", reference,
                servletRequest == null ? "?" : servletRequest.getMethod(), path(request), ex);
        return respond(Problems.internalError(path(request), reference), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
            String instance = path(request);
            if (instance != null) {
                problem.setInstance(URI.create(instance));
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> errors, HttpHeaders headers, WebRequest request) {
        String detail = errors.size() == 1
                ? "Invalid field '" + errors.get(0).field() + "': " + errors.get(0).message() + "."
                : "The request has " + errors.size() + " invalid fields.";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, detail, path(request));
        problem.setProperty("errors", errors);
        return respond(problem, headers);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    private static String fieldPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    /** A type as a client understands it, never a Java class name. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            boolean whole = type == Integer.class || type == int.class || type == Long.class || type == long.class
                    || type == Short.class || type == short.class || type == Byte.class || type == byte.class
                    || type == BigInteger.class;
            return whole ? "a whole number" : (type == BigDecimal.class ? "a decimal number" : "a number");
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String path(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest) {
            HttpServletRequest servletRequest = nativeRequest.getNativeRequest(HttpServletRequest.class);
            if (servletRequest != null) {
                return servletRequest.getRequestURI();
            }
        }
        return null;
    }
}
