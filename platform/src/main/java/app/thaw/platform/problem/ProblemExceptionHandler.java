package app.thaw.platform.problem;

import java.util.List;

import app.thaw.platform.web.RequestDates;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers every error that reaches the web layer with a problem document: business failures
 * ({@link ThawProblem}), validation, framework errors (404, 405, 415, 413…) and the unexpected,
 * which is logged with its trace id and answered without a stack trace. Ordered ahead of Spring
 * Boot's default handler so no error leaves in another shape.
 */
public class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemResponses responses;

    public ProblemExceptionHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpHeaders extraHeaders = new HttpHeaders();
        ProblemDetail problem =
                toProblem(failure, exchange.getRequest().getPath().value(), extraHeaders);
        if (problem.getStatus() >= 500 && !(failure instanceof ThawProblem)) {
            log.error(
                    "Unexpected failure answering {} {} (trace {})",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    TraceIds.of(exchange),
                    failure);
        } else if (problem.getStatus() >= 500) {
            log.warn(
                    "Answered {} {} with {}: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    problem.getStatus(),
                    failure.getMessage());
        } else {
            log.debug(
                    "Answered {} {} with {}: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    problem.getStatus(),
                    failure.toString());
        }
        return responses.write(exchange, problem, headers -> headers.addAll(extraHeaders));
    }

    ProblemDetail toProblem(Throwable failure, String path, HttpHeaders headers) {
        return switch (failure) {
            case ThawProblem named -> {
                ProblemDetail problem = Problems.of(named);
                ProblemResponses.retryAfter(named.retryAfter()).accept(headers);
                yield problem;
            }
            case WebExchangeBindException binding ->
                Problems.validation(binding.getFieldErrors().stream()
                        .map(error -> error.contains(TypeMismatchException.class)
                                        && isDateMismatch(error.unwrap(TypeMismatchException.class))
                                ? new FieldViolation(
                                        error.getField(), RequestDates.RULE, RequestDates.NotInWindow.message())
                                : new FieldViolation(
                                        error.getField(),
                                        String.valueOf(error.getCode()),
                                        String.valueOf(error.getDefaultMessage())))
                        .toList());
            // A date parameter outside 1970–2100 or no date at all (ADR 58): named like a body's field.
            case ServerWebInputException input
            when input.getMethodParameter() != null
                    && hasCause(input, TypeMismatchException.class)
                    && isDateMismatch(cause(input, TypeMismatchException.class)) ->
                Problems.validation(List.of(new FieldViolation(
                        parameterName(input.getMethodParameter()),
                        RequestDates.RULE,
                        RequestDates.NotInWindow.message())));
            case HandlerMethodValidationException invalid ->
                Problems.validation(invalid.getParameterValidationResults().stream()
                        .flatMap(result -> result.getResolvableErrors().stream()
                                .map(error -> new FieldViolation(
                                        String.valueOf(
                                                result.getMethodParameter().getParameterName()),
                                        error.getCodes() == null || error.getCodes().length == 0
                                                ? "Invalid"
                                                : lastSegment(error.getCodes()[error.getCodes().length - 1]),
                                        String.valueOf(error.getDefaultMessage()))))
                        .toList());
            case ConstraintViolationException violations ->
                Problems.validation(violations.getConstraintViolations().stream()
                        .map(v -> new FieldViolation(
                                lastSegment(v.getPropertyPath().toString()),
                                v.getConstraintDescriptor()
                                        .getAnnotation()
                                        .annotationType()
                                        .getSimpleName(),
                                v.getMessage()))
                        .toList());
            case OptimisticLockingFailureException stale ->
                Problems.of(
                        HttpStatus.CONFLICT,
                        "version_conflict",
                        "The resource was changed by someone else since you read it. Read it again and retry.");
            case DuplicateKeyException duplicate ->
                Problems.of(HttpStatus.CONFLICT, "conflict", "The resource already exists.");
            case AccessDeniedException denied ->
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this action.");
            case AuthenticationException unauthenticated ->
                Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required.");
            case NoResourceFoundException missing ->
                Problems.of(HttpStatus.NOT_FOUND, "not_found", "There is nothing at " + path + ".");
            case ErrorResponse framework when hasCause(failure, DataBufferLimitException.class) -> payloadTooLarge();
            case Throwable unreadable
            when JsonFieldProblems.violation(unreadable).isPresent() ->
                Problems.validation(
                        List.of(JsonFieldProblems.violation(unreadable).orElseThrow()));
            case ErrorResponse framework -> {
                headers.addAll(framework.getHeaders());
                HttpStatusCode status = framework.getStatusCode();
                String detail = framework.getBody().getDetail();
                yield Problems.of(status, codeFor(status), detail != null ? detail : reasonOf(status));
            }
            case Throwable other when hasCause(other, DataBufferLimitException.class) -> payloadTooLarge();
            default ->
                Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal_error",
                        "An unexpected error occurred. Quote the trace id when you report it.");
        };
    }

    /** A binding that failed on a {@code java.time} type: out of the window or not a date (ADR 58). */
    private static boolean isDateMismatch(TypeMismatchException mismatch) {
        Class<?> type = mismatch.getRequiredType();
        return hasCause(mismatch, RequestDates.NotInWindow.class)
                || type != null && type.getPackageName().equals("java.time");
    }

    /** The name the client used: the annotation's, else the Java parameter's. */
    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        for (Object annotation : parameter.getParameterAnnotations()) {
            String name = switch (annotation) {
                case RequestParam param -> param.name().isEmpty() ? param.value() : param.name();
                case PathVariable path -> path.name().isEmpty() ? path.value() : path.name();
                case RequestHeader header -> header.name().isEmpty() ? header.value() : header.name();
                default -> "";
            };
            if (!name.isEmpty()) {
                return name;
            }
        }
        return String.valueOf(parameter.getParameterName());
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new IllegalArgumentException("No " + type.getSimpleName() + " in " + failure);
    }

    private static ProblemDetail payloadTooLarge() {
        return Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload_too_large",
                "The request body is larger than this endpoint accepts.");
    }

    /** The {@code code} member for errors that carry only an HTTP status. */
    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "malformed_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "unprocessable";
            case 429 -> "rate_limited";
            case 503 -> "service_unavailable";
            case 500 -> "internal_error";
            default -> "http_" + status.value();
        };
    }

    private static String reasonOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    static List<String> knownCodes() {
        return List.of(
                "malformed_request",
                "validation_failed",
                "unauthenticated",
                "invalid_token",
                "forbidden",
                "not_found",
                "method_not_allowed",
                "not_acceptable",
                "conflict",
                "version_conflict",
                "payload_too_large",
                "unsupported_media_type",
                "unprocessable",
                "rate_limited",
                "service_unavailable",
                "internal_error",
                "invalid_idempotency_key",
                "idempotency_key_reused",
                "idempotency_key_in_progress",
                "idempotency_response_not_retained");
    }
}
