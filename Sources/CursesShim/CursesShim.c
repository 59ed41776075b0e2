#define _XOPEN_SOURCE 700  // wcwidth
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include "CursesShim.h"

int shim_attr_bold(void) { return A_BOLD; }
int shim_attr_reverse(void) { return A_REVERSE; }
int shim_attr_underline(void) { return A_UNDERLINE; }
int shim_attr_dim(void) { return A_DIM; }
int shim_color_pair(int pair) { return COLOR_PAIR(pair); }
int shim_key_f(int n) { return KEY_F(n); }
int shim_lines(void) { return LINES; }
int shim_cols(void) { return COLS; }

int shim_put_cells(int y, int x, const unsigned int *text, const unsigned char *counts, const int *attributes, int cells) {
    if (cells <= 0) return OK;
    cchar_t line[cells];
    const unsigned int *next = text;
    for (int i = 0; i < cells; i++) {
        // Filled as setcchar would (the pair both in the attribute bits and as the extended
        // colour; marks only while they take no column), without its string walk (setcchar was
        // a quarter of a frame's write).
        memset(&line[i], 0, sizeof line[i]);
        line[i].attr = (attr_t)attributes[i];
#if NCURSES_EXT_COLORS
        line[i].ext_color = PAIR_NUMBER(attributes[i]);
#endif
        wchar_t first = counts[i] > 0 ? (wchar_t)next[0] : 0;
        line[i].chars[0] = counts[i] > 0 && wcwidth(first) >= 1 ? first : 0xFFFD;
        for (int k = 1; k < counts[i] && k < CCHARW_MAX && wcwidth((wchar_t)next[k]) == 0; k++) line[i].chars[k] = (wchar_t)next[k];
        next += counts[i];
    }
    return mvwadd_wchnstr(stdscr, y, x, line, cells);
}

static struct termios saved_modes;
static int have_saved_modes = 0;
static volatile sig_atomic_t pending_signal = 0;

// Leave bracketed paste, show the cursor, reset attributes, leave the alternate screen.
static const char reset_sequence[] = "\033[?2004l\033[0m\033[?25h\033[?1049l\r\n";

void shim_restore_terminal_modes(void) {
    if (have_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
}

static void on_fatal_signal(int sig) {
    shim_restore_terminal_modes();
    ssize_t ignored = write(STDOUT_FILENO, reset_sequence, sizeof reset_sequence - 1);
    (void)ignored;
    signal(sig, SIG_DFL);
    raise(sig);
}

void shim_save_terminal_and_guard_crashes(void) {
    if (tcgetattr(STDIN_FILENO, &saved_modes) == 0) have_saved_modes = 1;
    int fatal[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS};
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_fatal_signal;
        action.sa_flags = SA_RESETHAND;
        sigaction(fatal[i], &action, NULL);
    }
}

static void on_quit_signal(int sig) { pending_signal = sig; }

static void catch_quit_signal(int sig) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_quit_signal;
    sigaction(sig, &action, NULL);
}

// Every signal whose default would end the process (besides the crashes above, and KILL and
// STOP, which cannot be caught) ends the wizard the way SIGTERM does: the draft saved, the
// terminal restored, exit 128+N. SIGPIPE is ignored instead: a write to a closed pipe or socket
// (a server's check, a CA's connection) is an error for that write, not the end of the wizard.
void shim_install_quit_signals(void) {
    int quit[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                  SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, SIGSTKFLT};
    for (unsigned i = 0; i < sizeof quit / sizeof quit[0]; i++) catch_quit_signal(quit[i]);
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) catch_quit_signal(sig);
    signal(SIGPIPE, SIG_IGN);
}

int shim_take_pending_signal(void) {
    int sig = pending_signal;
    pending_signal = 0;
    return sig;
}
