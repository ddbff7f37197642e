package credit.platform.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What a page shows when the platform refuses or fails: 404 (not found — also another person's
 * record), 403, 503 (the platform could not be reached: try again), and for an expired sign-in the
 * way back in.
 */
@ControllerAdvice
class PageErrors {

    @ExceptionHandler(ApiStatusException.class)
    String apiStatus(ApiStatusException e, HttpServletResponse response, Model model) {
        if (e.status() == 401) {
            return "redirect:/oauth2/authorization/keycloak";
        }
        int status = switch (e.status()) {
            case 403, 404 -> e.status();
            default -> e.status() >= 500 ? 503 : 400;
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", e.detail());
        return "error";
    }
}
