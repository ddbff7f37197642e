package credit.platform.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in, as what, and the current path (language switch). */
@ControllerAdvice
class PageModel {

    record Viewer(boolean signedIn, String name, boolean person, boolean company, boolean officer, String agency) {
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof OidcUser user)) {
            return new Viewer(false, null, false, false, false, null);
        }
        var authorities = auth.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
        return new Viewer(true, name, authorities.contains("PERSON"), authorities.contains("COMPANY"),
                authorities.contains("OFFICER"), user.getClaimAsString("agency"));
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
