/** The application's version, shown by /api/health and /api/v1/meta. */
export const APP_VERSION = '0.1.0';
