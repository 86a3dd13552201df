package io.roamdesk.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own refusals (an encoded NUL or slash in the path, headers too large, a method no servlet
 * sees) reach no application code; instead of Tomcat's HTML page they get the vendor's JSON body.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        boolean method = status == 405 || status == 501;
        String code = method ? "method_not_allowed" : status >= 500 ? "internal_error"
                : status == 404 ? "resource_not_found" : "illegal_argument";
        String exception = method ? "MethodNotAllowedException" : status >= 500 ? "InternalServerError"
                : status == 404 ? "ResourceNotFoundException" : "IllegalArgumentException";
        String description = method ? "this method is not supported"
                : status >= 500 ? "internal error; it has been logged" : "the request was refused";
        String body = "{\"error\":\"" + code + "\",\"exception\":\"" + exception + "\",\"timestamp\":"
                + System.currentTimeMillis() + ",\"duration\":0,\"error_description\":\"" + description + "\"}";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken meanwhile: nothing more to say
        }
    }
}
