/** The call window's page (src/call-window/): opened by the service worker, found by its URL. */
export const CALL_WINDOW_PAGE = 'src/call-window/call-window.html';
