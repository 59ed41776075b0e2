// The wide-character ncurses API. SwiftPM drops -D_XOPEN_SOURCE from pkg-config, so the
// wide-character declarations are switched on here.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
