package nl.draagvlak.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every body Spring MVC writes: a problem gets what every problem carries (see
 * {@link ProblemResponses#complete}); anything else is {@code application/json}, never labelled
 * a problem because the client's Accept header happened to name only the problem type.
 */
@ControllerAdvice
class ProblemBodies implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            if (request instanceof ServletServerHttpRequest servlet) {
                ProblemResponses.complete(problem, servlet.getServletRequest());
            }
        } else if (MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(selectedContentType)) {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
        return body;
    }
}
