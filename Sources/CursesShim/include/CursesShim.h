#ifndef CERTWIZ_CURSES_SHIM_H
#define CERTWIZ_CURSES_SHIM_H

// What Swift cannot import from curses.h (macros with arguments, attribute bits built
// from macros) and what must be written in C to be async-signal-safe.

int shim_attr_bold(void);
int shim_attr_reverse(void);
int shim_attr_underline(void);
int shim_attr_dim(void);
int shim_color_pair(int pair);
int shim_key_f(int n);
int shim_lines(void);
int shim_cols(void);

// Writes a run of `cells` cells at (y, x) straight into the screen's window (mvwadd_wchnstr):
// addstr would decode every byte as a multibyte character first. `text` holds each cell's code
// points, `counts[i]` of them (a character and its combining marks), and `attributes[i]` its
// attributes with its colour pair, as attrset takes them. A character the C library gives no
// width (unassigned, non-printing) is written as U+FFFD, where addstr would print its escape.
int shim_put_cells(int y, int x, const unsigned int *text, const unsigned char *counts, const int *attributes, int cells);

// Remembers the terminal's modes before curses starts, and installs handlers that, on a
// fatal signal (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP), put the terminal back
// (modes, cursor, main screen, bracketed paste off) and then die with the same signal.
void shim_save_terminal_and_guard_crashes(void);

// SIGTERM, SIGHUP, SIGINT and SIGQUIT only set a flag here (no SA_RESTART, so a blocking
// read returns at once); the main loop restores the terminal and exits.
void shim_install_quit_signals(void);
// The signal that arrived since the last call, or 0.
int shim_take_pending_signal(void);

// Restores the saved terminal modes from any context (used after endwin too, belt and braces).
void shim_restore_terminal_modes(void);

#endif
