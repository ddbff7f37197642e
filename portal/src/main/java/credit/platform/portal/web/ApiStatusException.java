package credit.platform.portal.web;

/** The API refused or failed (401, 403, 404, 5xx): the page answers with the matching status. */
class ApiStatusException extends RuntimeException {

    private final int status;
    private final String detail;

    ApiStatusException(int status, String detail) {
        super("platform API answered " + status);
        this.status = status;
        this.detail = detail;
    }

    int status() {
        return status;
    }

    String detail() {
        return detail;
    }
}
