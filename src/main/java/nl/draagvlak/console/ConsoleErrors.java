package nl.draagvlak.console;

import java.util.List;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.web.NotFoundException;
import nl.draagvlak.ruleset.UnknownRulesetException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** The console answers its readers' mistakes with a page, not with the API's problem JSON. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler({NotFoundException.class, UnknownRulesetException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(RuntimeException e) {
        return page(HttpStatus.NOT_FOUND, List.of(e.getMessage()));
    }

    @ExceptionHandler(InvalidRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView invalid(InvalidRequestException e) {
        return page(HttpStatus.BAD_REQUEST, e.errors().stream().map(error -> error.field() + " " + error.message()).toList());
    }

    /** Anything else (the store unavailable, a rule that failed): a page naming the request, details in the log. */
    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        if (e instanceof org.springframework.web.ErrorResponseException answered) {
            // Answers with a status of their own (too many decisions in progress, ...): that status and its detail.
            HttpStatus status = HttpStatus.valueOf(answered.getStatusCode().value());
            return page(status, List.of(String.valueOf(answered.getBody().getDetail())));
        }
        HttpStatus status = e instanceof nl.draagvlak.audit.AuditUnavailableException ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.INTERNAL_SERVER_ERROR;
        log.error("Console page {} failed", request.getRequestURI(), e);
        return page(status, List.of(e instanceof nl.draagvlak.engine.RuleExecutionException ? e.getMessage()
                : "The page could not be made; the log has the details."));
    }

    private static ModelAndView page(HttpStatus status, List<String> messages) {
        ModelAndView page = new ModelAndView("console/error");
        page.addObject("status", status.value());
        page.addObject("messages", messages);
        page.setStatus(status);
        return page;
    }
}
