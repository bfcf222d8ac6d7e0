package com.sparkify.dwh.local.generate;

/** The 13 pages of the app, with the HTTP method and status their events carry. */
enum Page {
    NEXT_SONG("NextSong", "PUT", 200),
    HOME("Home", "GET", 200),
    LOGIN("Login", "PUT", 307),
    LOGOUT("Logout", "PUT", 307),
    DOWNGRADE("Downgrade", "GET", 200),
    UPGRADE("Upgrade", "GET", 200),
    SETTINGS("Settings", "GET", 200),
    HELP("Help", "GET", 200),
    ABOUT("About", "GET", 200),
    ERROR("Error", "GET", 404),
    SAVE_SETTINGS("Save Settings", "PUT", 307),
    SUBMIT_UPGRADE("Submit Upgrade", "PUT", 307),
    SUBMIT_DOWNGRADE("Submit Downgrade", "PUT", 307);

    final String title;
    final String method;
    final int status;

    Page(String title, String method, int status) {
        this.title = title;
        this.method = method;
        this.status = status;
    }
}
